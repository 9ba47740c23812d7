// Policy sections that decide eligibility and price: windows, non-returnable items,
// review thresholds, resolutions offered and fees.
#include <algorithm>

#include "core/policy_sections.h"

namespace retour::policy_sections {
namespace {

constexpr std::int64_t kMaxDays = 3650;
constexpr const char* kWeekdays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

void read_day_overrides(const JsonReader& r, std::map<std::string, std::int32_t, std::less<>>& out) {
    if (!r.map(false)) return;
    for (auto it = r.raw()->begin(); it != r.raw()->end(); ++it) {
        if (it.key() == "$comment") continue;
        if (auto d = r[it.key()].integer(0, kMaxDays)) out[it.key()] = static_cast<std::int32_t>(*d);
    }
}

std::optional<Date> read_date(const JsonReader& r, bool required = true) {
    auto s = r.string(required, 100);
    if (!s) return std::nullopt;
    auto d = parse_date(*s);
    if (!d) r.fail("expected a calendar date as \"YYYY-MM-DD\"");
    return d;
}

// {"fixed"} or {"percent"|"basis_points"}, with an optional "cap".
void read_restocking(const JsonReader& rs, Restocking& out) {
    const bool pct = rs["percent"].present() || rs["basis_points"].present();
    if (pct && rs["fixed"].present()) {
        rs.fail("give a percentage or \"fixed\", not both");
    } else if (pct) {
        if (auto bp = read_percentage(rs)) out.bp = *bp;
    } else if (rs["fixed"].present()) {
        if (auto f = read_amount(rs["fixed"])) out.fixed = *f;
    } else {
        rs.fail("expected \"fixed\", \"percent\" or \"basis_points\"");
    }
    out.cap = read_amount(rs["cap"], false);
}

void read_restocking_map(const JsonReader& r, std::map<std::string, Restocking, std::less<>>& out) {
    if (!r.map(false)) return;
    for (auto it = r.raw()->begin(); it != r.raw()->end(); ++it) {
        if (it.key() == "$comment") continue;
        const JsonReader entry = r[it.key()];
        if (!entry.object({"fixed", "percent", "basis_points", "cap"})) continue;
        read_restocking(entry, out[it.key()]);
    }
}

}  // namespace

void read_windows(const JsonReader& r, Windows& out) {
    if (!r.object({"default_days", "buffer_days", "counts_from", "require_delivery", "roll_to_business_day",
                   "business_days", "closed_dates", "overrides", "holidays"}))
        return;
    if (auto d = r["default_days"].integer(0, kMaxDays)) out.default_days = static_cast<std::int32_t>(*d);
    if (auto d = r["buffer_days"].integer(0, 365, false)) out.buffer_days = static_cast<std::int32_t>(*d);
    if (auto a = r["counts_from"].one_of({"delivery", "fulfilment", "order"}, false))
        out.counts_from = *a == "order" ? WindowAnchor::order : *a == "fulfilment" ? WindowAnchor::fulfilment : WindowAnchor::delivery;
    if (auto b = r["require_delivery"].boolean(false)) {
        out.require_delivery = *b;
        if (*b && out.counts_from != WindowAnchor::delivery)
            r["require_delivery"].fail("only applies when the window counts_from \"delivery\"");
    }
    if (auto b = r["roll_to_business_day"].boolean(false)) out.roll_to_business_day = *b;

    const JsonReader days = r["business_days"];
    if (days.array(false)) {
        out.business_days.fill(false);
        for (std::size_t i = 0; i < days.size(); ++i) {
            auto w = days.at(i).one_of({"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
            for (std::size_t k = 0; w && k < 7; ++k)
                if (*w == kWeekdays[k]) out.business_days[k] = true;
        }
        if (days.size() == 0) days.fail("expected at least one business day");
    }
    const JsonReader closed = r["closed_dates"];
    if (closed.array(false)) {
        for (std::size_t i = 0; i < closed.size(); ++i)
            if (auto d = read_date(closed.at(i))) out.closed_dates.push_back(*d);
        std::sort(out.closed_dates.begin(), out.closed_dates.end());
    }
    const JsonReader ov = r["overrides"];
    if (ov.object({"category", "tag", "sku"}, false)) {
        read_day_overrides(ov["category"], out.by_category);
        read_day_overrides(ov["tag"], out.by_tag);
        read_day_overrides(ov["sku"], out.by_sku);
    }
    const JsonReader hol = r["holidays"];
    if (hol.array(false)) {
        for (std::size_t i = 0; i < hol.size(); ++i) {
            const JsonReader h = hol.at(i);
            if (!h.object({"placed_from", "placed_until", "return_until"})) continue;
            auto from = read_date(h["placed_from"]), until = read_date(h["placed_until"]);
            auto ret = read_date(h["return_until"]);
            if (from && until && *until < *from) h["placed_until"].fail("expected a date on or after placed_from");
            if (from && until && ret && !(*until < *from)) out.holidays.push_back({*from, *until, *ret});
        }
    }
}

void read_non_returnable(const JsonReader& r, NonReturnable& out) {
    if (!r.object({"final_sale_tags", "excluded_categories", "excluded_skus", "gift_cards", "min_unit_price",
                   "max_unit_price", "countries_served"},
                  false))
        return;
    if (auto v = read_string_set(r["final_sale_tags"])) out.final_sale_tags = std::move(*v);
    if (auto v = read_string_set(r["excluded_categories"])) out.excluded_categories = std::move(*v);
    if (auto v = read_string_set(r["excluded_skus"])) out.excluded_skus = std::move(*v);
    if (auto b = r["gift_cards"].boolean(false)) out.gift_cards = *b;
    out.min_unit_price = read_amount(r["min_unit_price"], false);
    out.max_unit_price = read_amount(r["max_unit_price"], false);
    if (out.min_unit_price && out.max_unit_price && *out.max_unit_price < *out.min_unit_price)
        r["max_unit_price"].fail("expected an amount >= min_unit_price");
    const JsonReader countries = r["countries_served"];
    if (auto v = read_string_set(countries)) {
        for (std::size_t i = 0; i < v->size(); ++i)
            if (!valid_country_code((*v)[i]))
                countries.at(i).fail("expected an ISO 3166-1 alpha-2 country code such as \"DE\"");
        out.countries_served = std::move(*v);
    }
}

void read_review(const JsonReader& r, ReviewRules& out) {
    if (!r.object({"unit_price_above", "max_customer_returns", "auto_approve"}, false)) return;
    if (auto a = r["auto_approve"].boolean(false)) out.auto_approve = *a;
    out.unit_price_above = read_amount(r["unit_price_above"], false);
    if (auto n = r["max_customer_returns"].integer(0, 100000, false)) out.max_customer_returns = static_cast<std::int32_t>(*n);
}

void read_resolutions(const JsonReader& r, ResolutionOffers& out) {
    if (!r.object({"refund", "store_credit", "gift_card", "exchange", "keep_item"})) return;
    if (r["refund"].object({}, false)) out.refund = true;
    const JsonReader sc = r["store_credit"];
    if (sc.object({"bonus"}, false)) {
        out.store_credit = true;
        const JsonReader bonus = sc["bonus"];
        if (bonus.object({"percent", "basis_points", "fixed"}, false)) {
            const bool pct = bonus["percent"].present() || bonus["basis_points"].present();
            if (pct && bonus["fixed"].present()) {
                bonus.fail("give a percentage or \"fixed\", not both");
            } else if (pct) {
                if (auto bp = read_percentage(bonus)) out.store_credit_bonus_bp = *bp;
            } else if (auto f = read_amount(bonus["fixed"], false)) {
                out.store_credit_bonus_fixed = *f;
            } else if (!bonus["fixed"].present()) {
                bonus.fail("expected \"percent\", \"basis_points\" or \"fixed\"");
            }
        }
    }
    if (r["gift_card"].object({}, false)) out.gift_card = true;
    if (r["exchange"].object({}, false)) out.exchange = true;
    const JsonReader keep = r["keep_item"];
    if (keep.object({"max_line_value"}, false)) {
        out.keep_item = true;
        if (auto v = read_amount(keep["max_line_value"])) out.keep_item_max_value = *v;
    }
    const std::size_t offered = r.raw()->size() - (r.raw()->contains("$comment") ? 1 : 0);
    if (offered == 0) r.fail("expected at least one resolution");
}

void read_fees(const JsonReader& r, Fees& out) {
    if (!r.object({"restocking", "label", "handling_by_country", "waive_for_merchant_fault",
                   "waive_label_for_exchange", "exchanges_free"},
                  false))
        return;
    const JsonReader rs = r["restocking"];
    if (rs.object({"fixed", "percent", "basis_points", "cap", "by_reason", "by_category"}, false)) {
        // Only overrides: no default fee.
        const bool overrides_only = !rs["fixed"].present() && !rs["percent"].present() &&
                                    !rs["basis_points"].present() && !rs["cap"].present() &&
                                    (rs["by_reason"].present() || rs["by_category"].present());
        if (!overrides_only) read_restocking(rs, out.restocking);
        read_restocking_map(rs["by_reason"], out.restocking_by_reason);
        read_restocking_map(rs["by_category"], out.restocking_by_category);
    }
    if (auto v = read_amount(r["label"], false)) out.label = *v;
    const JsonReader h = r["handling_by_country"];
    if (h.map(false)) {
        for (auto it = h.raw()->begin(); it != h.raw()->end(); ++it) {
            if (it.key() == "$comment") continue;
            const JsonReader c = h[it.key()];
            if (!valid_country_code(it.key())) {
                c.fail("unknown key: expected an ISO 3166-1 alpha-2 country code such as \"NO\"");
                continue;
            }
            if (auto v = read_amount(c)) out.handling_by_country[it.key()] = *v;
        }
    }
    if (auto b = r["waive_for_merchant_fault"].boolean(false)) out.waive_for_merchant_fault = *b;
    if (auto b = r["waive_label_for_exchange"].boolean(false)) out.waive_label_for_exchange = *b;
    if (auto b = r["exchanges_free"].boolean(false)) out.exchanges_free = *b;
}

void check_restocking_reasons(const JsonReader& fees, const Fees& out, const std::vector<Reason>& reasons) {
    for (const auto& entry : out.restocking_by_reason) {
        const std::string& handle = entry.first;
        bool known = false;
        for (const auto& reason : reasons) known = known || reason.handle == handle;
        if (!known) fees["restocking"]["by_reason"][handle].fail("unknown key: no reason has the handle \"" + handle + "\"");
    }
}

}  // namespace retour::policy_sections
