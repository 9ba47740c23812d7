#pragma once
// What the portal and the receiver do with a parsed policy and order: decide every
// line, then price a selection of everything returnable. Used by the policy and
// order targets so a fuzzed document also reaches eligibility and quote.
#include <string>

#include "core/eligibility.h"
#include "core/quote.h"
#include "core/selection.h"
#include "tests/fuzz/fuzz_support.h"

namespace retour::fuzz {

inline void exercise_core(const Policy& policy, const Order& order, Instant now, Resolution resolution) {
    const std::vector<Decision> decisions = evaluate(policy, order, now);
    require(decisions.size() == order.lines.size(), "one decision per line");
    Selection selection;
    for (const Decision& d : decisions) {
        require(d.status == Status::eligible || !d.findings.empty(), "a non-eligible decision lists its codes",
                d.line_id);
        require(!d.message.empty(), "every decision has a message", d.line_id);
        if (d.status == Status::ineligible || d.returnable_quantity <= 0) continue;
        SelectionLine line;
        line.line_id = d.line_id;
        line.quantity = d.returnable_quantity;
        if (!policy.reasons.empty()) {
            const Reason& r = policy.reasons.front();
            line.reason = r.handle;
            if (!r.sub_reasons.empty()) line.sub_reason = r.sub_reasons.front().handle;
            line.comment = "fuzz";
            line.photos = 1;
        }
        line.resolution = resolution;
        if (resolution == Resolution::exchange)
            if (const OrderLine* ol = order.find_line(d.line_id); ol && !ol->exchange_variants.empty())
                line.exchange_sku = ol->exchange_variants.front().sku;
        selection.lines.push_back(line);
    }
    const Quote q = quote(policy, order, selection, decisions);
    for (const QuoteError& e : q.errors) {
        require(e.code && *e.code, "a quote error has a code");
        require(!e.message.empty(), "a quote error has a message", e.code);
    }
    if (!q.ok()) return;
    const QuoteTotals& t = q.totals;
    // quote.h: refund + gift_card + store_credit − bonus ≤ paid, nothing negative goes back.
    require(t.refund.minor >= 0 && t.gift_card.minor >= 0 && t.store_credit.minor >= 0,
            "amounts given back are not negative", to_json(q).dump());
    require(t.refund.minor + t.gift_card.minor + t.store_credit.minor - t.bonus.minor <= t.paid.minor,
            "refunds never exceed what was paid", to_json(q).dump());
    (void)to_json(q).dump();
}

}  // namespace retour::fuzz
