#include "core/quote.h"

namespace retour {
namespace {

struct Checker {
    Quote& q;
    void error(const char* code, std::string pointer, std::string message) {
        q.errors.push_back(QuoteError{code, std::move(pointer), std::move(message)});
    }
};

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// What the selected units cost, given the units returned before; in whole payout units.
Money paid_for(const OrderLine& line, std::int32_t qty, Currency c, std::int64_t unit) {
    const Money total{line.total_paid(), c};
    if (line.quantity_left() <= 0) return Money::zero(c);
    const Money share = cumulative_share_in_units(total, line.quantity_returned + qty, line.quantity, unit)
                            .minus(cumulative_share_in_units(total, line.quantity_returned, line.quantity, unit));
    // Earlier refunds may not line up with units (a goodwill refund, a fee kept): what
    // is left is spread evenly over the units not yet returned, so one unit of two never
    // takes more than its half of it.
    const Money left = total.minus(Money{line.amount_refunded, c});
    return share.min(cumulative_share_in_units(left, qty, line.quantity_left(), unit));
}

// Checks one selection line and, when valid, fills `out` with its own amounts.
bool price_line(const Policy& p, const Order& o, const std::vector<Decision>& decisions, const Selection& sel,
                std::size_t i, Checker& ck, QuoteLine& out) {
    const SelectionLine& s = sel.lines[i];
    const std::string at = "/lines/" + std::to_string(i);
    const Currency c = o.currency;
    const std::size_t before = ck.q.errors.size();
    for (std::size_t k = 0; k < i; ++k)
        if (sel.lines[k].line_id == s.line_id)
            ck.error("duplicate_line", at + "/line_id", "line \"" + s.line_id + "\" is selected twice");
    const OrderLine* line = nullptr;
    const Decision* d = nullptr;
    for (std::size_t k = 0; k < o.lines.size(); ++k)
        if (o.lines[k].id == s.line_id) { line = &o.lines[k]; d = k < decisions.size() ? &decisions[k] : nullptr; }
    if (!line || !d) {
        ck.error("unknown_line", at + "/line_id", "the order has no line \"" + s.line_id + "\"");
        return false;
    }
    if (d->status == Status::ineligible)
        ck.error("line_not_returnable", at + "/line_id", d->message);
    else if (s.quantity > d->returnable_quantity)
        ck.error("quantity_above_returnable", at + "/quantity",
                 "at most " + std::to_string(d->returnable_quantity) + " can be returned");
    const Reason* reason = p.find_reason(s.reason);
    if (!reason) {
        ck.error("unknown_reason", at + "/reason", "the policy has no reason \"" + s.reason + "\"");
    } else {
        if (!s.sub_reason.empty() && !reason->find_sub_reason(s.sub_reason))
            ck.error("unknown_sub_reason", at + "/sub_reason", "reason \"" + s.reason + "\" has no sub-reason \"" + s.sub_reason + "\"");
        if (reason->requires_comment && blank(s.comment))
            ck.error("comment_required", at + "/comment", "this reason needs a comment");
        if (reason->requires_photo && s.photos == 0)
            ck.error("photo_required", at + "/photos", "this reason needs a photo");
    }
    const char* res_name = to_string(s.resolution);
    if (!p.resolutions.offers(s.resolution))
        ck.error("resolution_not_offered", at + "/resolution", std::string("the shop does not offer ") + res_name);
    else if (reason && !reason->allows(s.resolution))
        ck.error("resolution_not_allowed_for_reason", at + "/resolution",
                 std::string(res_name) + " is not offered for reason \"" + s.reason + "\"");
    const ExchangeVariant* variant = nullptr;
    if (s.resolution == Resolution::exchange) {
        if (line->exchange_variants.empty())
            ck.error("exchange_no_variants", at + "/resolution", "line \"" + s.line_id + "\" has no variants to exchange for");
        else if (s.exchange_sku.empty())
            ck.error("exchange_variant_required", at + "/exchange_sku", "an exchange needs the SKU to exchange for");
        else if (!(variant = line->find_variant(s.exchange_sku)))
            ck.error("unknown_exchange_variant", at + "/exchange_sku", "\"" + s.exchange_sku + "\" is not a variant this item can be exchanged for");
    } else if (!s.exchange_sku.empty()) {
        ck.error("exchange_sku_unexpected", at + "/exchange_sku", "exchange_sku is only for the exchange resolution");
    }
    if (ck.q.errors.size() != before) return false;

    out.line_id = s.line_id;
    out.quantity = s.quantity;
    out.reason = s.reason;
    out.sub_reason = s.sub_reason;
    out.resolution = s.resolution;
    out.paid = paid_for(*line, s.quantity, c, p.payout_unit);
    const Money tax_total = Money{line->unit_tax, c}.times(line->quantity);
    out.tax = cumulative_share(tax_total, line->quantity_returned + s.quantity, line->quantity)
                  .minus(cumulative_share(tax_total, line->quantity_returned, line->quantity))
                  .min(out.paid);
    out.fees_waived = reason->merchant_fault && p.fees.waive_for_merchant_fault;
    out.restocking_fee = out.bonus = out.exchange_price = out.exchange_difference = Money::zero(c);
    const bool restock = s.resolution == Resolution::refund || s.resolution == Resolution::store_credit ||
                         s.resolution == Resolution::gift_card;
    if (restock && !out.fees_waived) {
        const Restocking& r = p.fees.restocking_for(s.reason, line->category);
        Money fee = Money{r.fixed, c}.times(s.quantity).plus(out.paid.percent_bp_down(r.bp));
        if (r.cap) fee = fee.min(Money{*r.cap, c});
        out.restocking_fee = round_down_to(fee, p.payout_unit).min(out.paid);
    }
    if (s.resolution == Resolution::store_credit)
        out.bonus = round_up_to(out.paid.minus(out.restocking_fee).percent_bp_down(p.resolutions.store_credit_bonus_bp),
                                p.payout_unit);
    if (variant) {
        out.exchange_sku = variant->sku;
        out.exchange_price = Money{variant->price, c}.times(s.quantity);
        out.exchange_difference = out.exchange_price.minus(out.paid);
    }
    if (s.resolution == Resolution::keep_item) {
        out.keep_item = true;
        if (out.paid.minor > p.resolutions.keep_item_max_value) {
            ck.error("keep_item_above_threshold", at + "/resolution",
                     "keeping the item is offered up to " + format_display(Money{p.resolutions.keep_item_max_value, c}));
            return false;
        }
    }
    out.credit = out.paid.minus(out.restocking_fee).plus(out.bonus);
    if (variant) out.credit = out.exchange_difference.is_negative() ? Money::zero(c).minus(out.exchange_difference) : Money::zero(c);
    if (reason->review) out.review_codes.push_back("review_reason");
    for (const auto& f : d->findings)
        if (f.is_review()) out.review_codes.push_back(f.code);
    out.review = !out.review_codes.empty();
    return true;
}

// Takes `fee` out of the buckets in order; returns what none of them could cover.
Money deduct(Money fee, Money* const* buckets, std::size_t n) {
    for (std::size_t i = 0; i < n && fee.minor > 0; ++i) {
        const Money take = fee.min(*buckets[i]);
        *buckets[i] = buckets[i]->minus(take);
        fee = fee.minus(take);
    }
    return fee;
}

// True when, after this request, every unit of the order has been sent back for
// money (an exchange keeps the purchase going).
bool full_return(const Order& o, const Quote& q) {
    for (const OrderLine& line : o.lines) {
        std::int32_t back = 0;
        for (const QuoteLine& l : q.lines)
            if (l.line_id == line.id && l.resolution != Resolution::exchange) back += l.quantity;
        if (back < line.quantity_left()) return false;
    }
    return true;
}

void refund_original_shipping(const Policy& p, const Order& o, Quote& q) {
    if (!o.shipping || o.shipping->amount == 0 || p.original_shipping == OriginalShipping::never) return;
    bool for_money = false;
    for (const QuoteLine& l : q.lines) for_money = for_money || l.resolution != Resolution::exchange;
    if (!for_money || (p.original_shipping == OriginalShipping::full_return && !full_return(o, q))) return;
    const Currency c = o.currency;
    const Money amount{o.shipping->amount, c};
    QuoteTotals& t = q.totals;
    t.original_shipping = amount.minus(Money{o.shipping->amount_refunded, c});
    // The tax of what is left, in proportion (the rest went with the earlier refund).
    t.original_shipping_tax = cumulative_share(Money{o.shipping->tax, c}, t.original_shipping.minor, amount.minor);
    t.refund = t.refund.plus(t.original_shipping);
}

void total_up(const Policy& p, const Order& o, Quote& q) {
    const Currency c = o.currency;
    QuoteTotals& t = q.totals;
    t.paid = t.restocking_fees = t.label_fee = t.handling_fee = t.fees = t.bonus = Money::zero(c);
    t.refund = t.store_credit = t.gift_card = t.customer_pays = Money::zero(c);
    bool label_due = false, handling_due = false, any_store_credit = false;
    t.original_shipping = t.original_shipping_tax = Money::zero(c);
    for (const QuoteLine& l : q.lines) {
        t.paid = t.paid.plus(l.paid);
        t.restocking_fees = t.restocking_fees.plus(l.restocking_fee);
        t.bonus = t.bonus.plus(l.bonus);
        const Money back = l.paid.minus(l.restocking_fee);
        switch (l.resolution) {
            case Resolution::refund: t.refund = t.refund.plus(back); break;
            case Resolution::gift_card: t.gift_card = t.gift_card.plus(back); break;
            case Resolution::store_credit:
                t.store_credit = t.store_credit.plus(back).plus(l.bonus);
                // A fixed bonus rewards credit taken instead of money: none on nothing.
                any_store_credit = any_store_credit || back.minor > 0;
                break;
            case Resolution::keep_item: t.refund = t.refund.plus(l.paid); break;
            case Resolution::exchange:
                if (l.exchange_difference.is_negative()) t.refund = t.refund.minus(l.exchange_difference);
                else t.customer_pays = t.customer_pays.plus(l.exchange_difference);
                break;
        }
        if (l.keep_item || l.fees_waived) continue;
        if (l.resolution == Resolution::exchange && p.fees.exchanges_free) continue;
        handling_due = true;
        if (!(l.resolution == Resolution::exchange && p.fees.waive_label_for_exchange)) label_due = true;
    }
    for (const QuoteLine& l : q.lines) q.needs_review = q.needs_review || l.review;
    if (any_store_credit && p.resolutions.store_credit_bonus_fixed > 0) {
        const Money fixed = round_up_to(Money{p.resolutions.store_credit_bonus_fixed, c}, p.payout_unit);
        t.bonus = t.bonus.plus(fixed);
        t.store_credit = t.store_credit.plus(fixed);
    }
    if (label_due) t.label_fee = round_down_to(Money{p.fees.label, c}, p.payout_unit);
    if (handling_due) {
        auto it = p.fees.handling_by_country.find(o.ship_to_country);
        if (it != p.fees.handling_by_country.end()) t.handling_fee = round_down_to(Money{it->second, c}, p.payout_unit);
    }
    refund_original_shipping(p, o, q);
    const Money request_fees = t.label_fee.plus(t.handling_fee);
    t.fees = t.restocking_fees.plus(request_fees);
    Money* const buckets[] = {&t.refund, &t.gift_card, &t.store_credit};
    t.customer_pays = t.customer_pays.plus(deduct(request_fees, buckets, 3));
}

// A JavaScript consumer reads amounts as doubles: refuse what it could not hold exactly.
void check_json_safe(const Quote& q, Checker& ck) {
    const auto safe = [](const Money& m) { return m.minor <= kMaxJsonAmount && m.minor >= -kMaxJsonAmount; };
    for (std::size_t i = 0; i < q.lines.size(); ++i) {
        const QuoteLine& l = q.lines[i];
        const std::string at = "/lines/" + std::to_string(i);
        if (!safe(l.exchange_price) || !safe(l.exchange_difference))
            ck.error("amount_overflow", at + "/exchange_sku",
                     "the exchange costs more than 9007199254740991 minor units (2^53 − 1)");
    }
    if (!q.ok()) return;  // a line too large makes the totals too large: say it once
    const QuoteTotals& t = q.totals;
    for (const Money* m : {&t.paid, &t.fees, &t.bonus, &t.refund, &t.store_credit, &t.gift_card, &t.customer_pays})
        if (!safe(*m)) {
            ck.error("amount_overflow", "/lines", "the totals exceed 9007199254740991 minor units (2^53 − 1)");
            return;
        }
}

}  // namespace

Quote quote(const Policy& shop_policy, const Order& order, const Selection& selection,
            const std::vector<Decision>& decisions) {
    const Policy& policy = shop_policy.for_currency(order.currency);
    Quote q;
    q.currency = order.currency;
    Checker ck{q};
    if (order.currency != policy.currency) {
        ck.error("currency_mismatch", "", "the order is in " + order.currency.str() + " but the return policy is in " +
                                              policy.currency.str());
        return q;
    }
    try {
        q.lines.resize(selection.lines.size());
        for (std::size_t i = 0; i < selection.lines.size(); ++i)
            price_line(policy, order, decisions, selection, i, ck, q.lines[i]);
        if (q.ok()) total_up(policy, order, q);
        if (q.ok()) check_json_safe(q, ck);
    } catch (const MoneyError& e) {
        // Parsers bound every amount, so this needs absurd inputs; report, never crash.
        ck.error("amount_overflow", "", e.what());
    }
    if (!q.ok()) {
        q.lines.clear();
        q.totals = QuoteTotals{};
        q.needs_review = false;
    }
    return q;
}

Quote quote(const Policy& policy, const Order& order, const Selection& selection, Instant now,
            const EvaluationContext& context) {
    return quote(policy, order, selection, evaluate(policy, order, now, context));
}

}  // namespace retour
