#include "core/eligibility.h"

#include <algorithm>

#include "core/window.h"

namespace retour {
namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

Finding& add(Decision& d, const char* code, std::string rule) {
    Finding f;
    f.code = code;
    f.rule = std::move(rule);
    d.findings.push_back(std::move(f));
    return d.findings.back();
}

void param(Finding& f, const char* key, std::string value) {
    f.params[f.param_count++] = Param{key, std::move(value)};
}

std::string money_text(std::int64_t minor, Currency c) { return format_display(Money{minor, c}); }

std::string message_for(const Decision& d, const OrderLine& line, Currency c) {
    if (d.findings.empty())
        return "Returnable until " + format_date(*d.window_ends) + " (" + std::to_string(d.returnable_quantity) +
               " of " + std::to_string(line.quantity) + (line.quantity == 1 ? " unit)." : " units).");
    const Finding& f = d.findings.front();
    const std::string_view code = f.code;
    auto p = [&](const char* k) { return std::string(f.param(k)); };
    auto amount = [&](const char* k) { return money_text(std::stoll(p(k)), c); };
    if (code == "currency_mismatch")
        return "The order is in " + p("order_currency") + " but the return policy is in " + p("policy_currency") + ".";
    if (code == "country_not_served") return "Returns are not accepted from " + p("country") + ".";
    if (code == "gift_card") return "Gift cards cannot be returned.";
    if (code == "final_sale") return "Final-sale items cannot be returned.";
    if (code == "placed_in_future") return "This order is dated " + p("placed_on") + ", which has not come yet.";
    if (code == "excluded_sku") return "This item cannot be returned.";
    if (code == "delivery_in_future") return "This item is due to be delivered on " + p("delivered_on") + ".";
    if (code == "excluded_category") return "Items in the category \"" + p("category") + "\" cannot be returned.";
    if (code == "price_below_minimum") return "Items under " + amount("minimum") + " cannot be returned.";
    if (code == "price_above_maximum") return "Items over " + amount("maximum") + " cannot be returned.";
    if (code == "already_returned") return "All units of this item have already been returned.";
    if (code == "not_delivered_yet") return "This item has not been delivered yet.";
    if (code == "window_closed") return "The return window closed on " + p("closed_on") + ".";
    if (code == "review_high_value")
        return "Returns of items over " + amount("threshold") + " are reviewed by the shop before approval.";
    if (code == "review_customer_history") return "This return will be reviewed by the shop before approval.";
    return code.data();
}

void decide_line(const Policy& policy, const Order& order, std::size_t index, Date today,
                 const EvaluationContext& ctx, Decision& d) {
    const OrderLine& line = order.lines[index];
    const NonReturnable& nr = policy.non_returnable;
    d.line_id = line.id;
    if (order.currency != policy.currency) {
        Finding& f = add(d, "currency_mismatch", "/currency");
        param(f, "order_currency", order.currency.str());
        param(f, "policy_currency", policy.currency.str());
    }
    const Date placed_on = merchant_date(order.placed, policy.time_zone);
    if (placed_on > today) param(add(d, "placed_in_future", "order:/placed_at"), "placed_on", format_date(placed_on));
    if (!nr.countries_served.empty() && !contains(nr.countries_served, order.ship_to_country))
        param(add(d, "country_not_served", "/non_returnable/countries_served"), "country", order.ship_to_country);
    if (line.gift_card && nr.gift_cards) add(d, "gift_card", "/non_returnable/gift_cards");
    for (std::size_t i = 0; i < nr.final_sale_tags.size(); ++i) {
        if (!line.has_tag(nr.final_sale_tags[i])) continue;
        param(add(d, "final_sale", "/non_returnable/final_sale_tags/" + std::to_string(i)), "tag", nr.final_sale_tags[i]);
        break;
    }
    for (std::size_t i = 0; i < nr.excluded_categories.size(); ++i) {
        if (line.category.empty() || nr.excluded_categories[i] != line.category) continue;
        param(add(d, "excluded_category", "/non_returnable/excluded_categories/" + std::to_string(i)), "category",
              line.category);
    }
    for (std::size_t i = 0; i < nr.excluded_skus.size(); ++i)
        if (nr.excluded_skus[i] == line.sku)
            param(add(d, "excluded_sku", "/non_returnable/excluded_skus/" + std::to_string(i)), "sku", line.sku);
    if (nr.min_unit_price && line.unit_price < *nr.min_unit_price) {
        Finding& f = add(d, "price_below_minimum", "/non_returnable/min_unit_price");
        param(f, "minimum", std::to_string(*nr.min_unit_price));
        param(f, "unit_price", std::to_string(line.unit_price));
    }
    if (nr.max_unit_price && line.unit_price > *nr.max_unit_price) {
        Finding& f = add(d, "price_above_maximum", "/non_returnable/max_unit_price");
        param(f, "maximum", std::to_string(*nr.max_unit_price));
        param(f, "unit_price", std::to_string(line.unit_price));
    }
    if (line.quantity_left() <= 0)
        param(add(d, "already_returned", "order:/lines/" + std::to_string(index) + "/quantity_returned"),
              "quantity_returned", std::to_string(line.quantity_returned));

    std::string window_rule;
    const Windows& win = policy.windows;
    if (win.require_delivery && win.counts_from == WindowAnchor::delivery && order.delivered &&
        merchant_date(*order.delivered, policy.time_zone) > today) {
        // A shop that fills in the expected delivery date: not returnable before it.
        param(add(d, "delivery_in_future", "/windows/require_delivery"), "delivered_on",
              format_date(merchant_date(*order.delivered, policy.time_zone)));
    } else if (auto w = return_window(policy, order, line)) {
        d.window_ends = w->ends;
        d.anchor = w->anchor;
        window_rule = w->rule;
        if (today > w->ends) {
            Finding& f = add(d, "window_closed", w->rule);
            param(f, "closed_on", format_date(w->ends));
            param(f, "days", std::to_string(w->days));
            param(f, "anchor", w->anchor);
        }
    } else {
        add(d, "not_delivered_yet", "/windows/require_delivery");
    }

    const bool ineligible = !d.findings.empty();
    const ReviewRules& rv = policy.review;
    if (rv.unit_price_above && line.unit_price > *rv.unit_price_above) {
        Finding& f = add(d, "review_high_value", "/review/unit_price_above");
        param(f, "threshold", std::to_string(*rv.unit_price_above));
        param(f, "unit_price", std::to_string(line.unit_price));
    }
    if (rv.max_customer_returns && ctx.customer_returns > *rv.max_customer_returns) {
        Finding& f = add(d, "review_customer_history", "/review/max_customer_returns");
        param(f, "returns", std::to_string(ctx.customer_returns));
        param(f, "limit", std::to_string(*rv.max_customer_returns));
    }

    d.status = ineligible ? Status::ineligible : d.findings.empty() ? Status::eligible : Status::review;
    d.returnable_quantity = ineligible ? 0 : line.quantity_left();
    d.rule = d.findings.empty() ? window_rule : d.findings.front().rule;
    d.message = message_for(d, line, policy.currency);
}

}  // namespace

const char* to_string(Status s) {
    switch (s) {
        case Status::eligible: return "eligible";
        case Status::ineligible: return "ineligible";
        case Status::review: return "review";
    }
    return "?";
}

bool Finding::is_review() const { return std::string_view(code).rfind("review_", 0) == 0; }

std::string_view Finding::param(std::string_view key) const {
    for (std::uint8_t i = 0; i < param_count; ++i)
        if (key == params[i].key) return params[i].value;
    return {};
}

const Finding* Decision::find(std::string_view code) const {
    for (const auto& f : findings)
        if (code == f.code) return &f;
    return nullptr;
}

void evaluate_into(const Policy& shop_policy, const Order& order, Instant now, const EvaluationContext& context,
                   std::vector<Decision>& out) {
    const Policy& policy = shop_policy.for_currency(order.currency);
    // Keep the Decision objects (and their string capacity) alive across calls.
    out.resize(order.lines.size());
    const Date today = policy.time_zone.local_date(now);
    for (std::size_t i = 0; i < order.lines.size(); ++i) {
        Decision& d = out[i];
        d.findings.clear();
        d.window_ends.reset();
        d.anchor = "";
        decide_line(policy, order, i, today, context, d);
    }
}

std::vector<Decision> evaluate(const Policy& policy, const Order& order, Instant now, const EvaluationContext& context) {
    std::vector<Decision> out;
    evaluate_into(policy, order, now, context, out);
    return out;
}

}  // namespace retour
