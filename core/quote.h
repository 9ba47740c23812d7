#pragma once
// Pricing a return: quote(policy, order, selection, decisions) → amounts per line
// and in total, or the list of reasons the selection is not valid.
//
// Rules (all amounts in the order's currency, integer minor units):
//  - paid: what the selected units cost, as the difference of cumulative shares of
//    the line total (money.h), so partial returns add up to exactly the line total;
//    capped by what was not yet refunded (amount_refunded).
//  - restocking fee: fixed per unit + percent of paid (rounded down), capped per line
//    by `cap` and by paid; only for refund, store credit and gift card (an exchange
//    or keep-the-item sends nothing back to stock).
//  - label fee and handling fee (by ship-to country): once per request, when at least
//    one unit is sent back whose fees are not waived. Merchant-fault reasons waive all
//    fees (fees.waive_for_merchant_fault); exchanges waive the label fee when
//    fees.waive_label_for_exchange.
//  - store credit: paid − restocking + bonus (percent of that, rounded down); a fixed
//    bonus is added once per request.
//  - exchange: new variant price × qty − paid. Positive: the shopper pays it
//    (customer_pays). Negative: the difference is refunded to the original payment.
//  - keep the item: allowed when paid for the selected units ≤ keep_item.max_line_value;
//    refunded to the original payment without fees.
//  - restocking terms: fees.restocking.by_reason[reason], else by_category[category],
//    else fees.restocking.
//  - paid after earlier refunds: the line's cost left after amount_refunded is spread
//    evenly over the units not yet returned; a unit never takes more than that share.
//  - store credit bonus: a fixed bonus needs at least one store-credit line that gives
//    something back (nothing paid, or nothing left to refund: no bonus).
//  - exchanges_free: exchanged units cost no label and no handling fee.
//  - original shipping (policy original_shipping, order shipping): never; always (any
//    request with a unit sent back for money); full_return (every unit of the order not
//    yet returned is in the request, none as an exchange). What was not yet refunded of
//    it goes to the refund, with its share of the shipping tax shown beside it.
//  - request fees are taken from the refund, then the gift card, then the store
//    credit; what they cannot cover is added to customer_pays.
//  - every amount of the quote is at most 2^53 − 1 minor units (amount_overflow).
// Refunds never exceed what was paid: refund + gift_card + store_credit − bonus ≤ paid.
//  - payout_unit (policy): paid shares round up to it (never past the line total), fees
//    round down, bonuses round up: in the shopper's favour, by less than one unit each.
//
// Error codes (each with a pointer into the selection): currency_mismatch,
// duplicate_line, unknown_line, line_not_returnable, quantity_above_returnable,
// unknown_reason, unknown_sub_reason, resolution_not_offered,
// resolution_not_allowed_for_reason, exchange_no_variants, exchange_variant_required,
// unknown_exchange_variant, exchange_sku_unexpected, comment_required, photo_required,
// keep_item_above_threshold, amount_overflow.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eligibility.h"
#include "core/money.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/selection.h"

namespace retour {

struct QuoteError {
    const char* code = "";
    std::string pointer;  // into the selection, e.g. "/lines/0/quantity"
    std::string message;  // English
};

struct QuoteLine {
    std::string line_id;
    std::int32_t quantity = 0;
    std::string reason, sub_reason;
    Resolution resolution = Resolution::refund;
    Money paid, tax, restocking_fee, bonus;
    std::string exchange_sku;
    Money exchange_price, exchange_difference;  // difference > 0: shopper pays
    // What this line gives back before request-level fees, in its resolution's form:
    // paid − restocking (+ bonus for store credit); for an exchange the refunded
    // difference (0 when the shopper pays more).
    Money credit;
    bool keep_item = false;
    bool fees_waived = false;  // merchant fault
    bool review = false;
    std::vector<const char*> review_codes;  // review_reason, review_high_value, …
};

struct QuoteTotals {
    Money paid, restocking_fees, label_fee, handling_fee, fees, bonus;
    Money refund, store_credit, gift_card;  // what goes back, by resolution
    // Original shipping refunded (part of `refund`) and the tax in it.
    Money original_shipping, original_shipping_tax;
    Money customer_pays;                    // exchange upgrades and uncovered fees
};

struct Quote {
    Currency currency;
    std::vector<QuoteLine> lines;
    QuoteTotals totals;
    bool needs_review = false;
    std::vector<QuoteError> errors;  // when not empty, lines and totals are not set

    bool ok() const { return errors.empty(); }
};

// `decisions` are evaluate()'s for the same order (the quote trusts their
// returnable quantities and review flags).
Quote quote(const Policy& policy, const Order& order, const Selection& selection,
            const std::vector<Decision>& decisions);
// Evaluates, then quotes.
Quote quote(const Policy& policy, const Order& order, const Selection& selection, Instant now,
            const EvaluationContext& context = {});

nlohmann::json to_json(const Quote& q);

}  // namespace retour
