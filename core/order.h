#pragma once
// An order as the shop reports it (signed link, lookup endpoint or demo data).
// Money fields are integer minor units of the order's `currency`.
//
// JSON form (canonical: sorted keys, no whitespace — see canonical_json.h):
//   { "id", "number", "email", "placed_at", "fulfilled_at"?, "delivered_at"?,
//     "ship_to_country", "currency", "discount"?,
//     "shipping"?: { "amount", "tax"?, "amount_refunded"? }, "lines": [ {
//        "id", "sku", "title", "variant"?, "product_id"?, "category"?, "tags"?,
//        "quantity", "quantity_returned"?, "unit_price", "unit_tax"?,
//        "line_total"?, "amount_refunded"?, "gift_card"?,
//        "exchange_variants"?: [ { "sku", "title", "price" } ] } ],
//     "exp"? }
// Dates are "YYYY-MM-DD" (the merchant's calendar) or an instant with "Z" or an
// offset (written back normalized to UTC "Z").
//  unit_price       paid per unit after discounts, tax included
//  line_total       what the whole line cost when a discount does not divide evenly
//                   (3 units for 100.00); defaults to unit_price × quantity
//  amount_refunded  already refunded for this line by earlier returns or as goodwill;
//                   what is left is spread evenly over the units not yet returned
//  discount         an order-level discount (a code for the whole cart), not yet in
//                   the lines' prices: allocated to the lines that are not gift cards in
//                   proportion to what each cost, like Shopify's discount allocations
//                   (money.h split_proportionally: floor shares, the leftover minor units
//                   to the largest fractions, ties to the earlier line)
//  shipping         what the shopper paid for shipping (tax included, `tax` of it) and
//                   what of it was refunded already; the policy's `original_shipping`
//                   says when a return refunds it
// Every amount, alone and summed over the order, is at most 2^53 − 1 minor units
// (money.h kMaxJsonAmount), so outputs stay exact in JavaScript.
//  exp              optional expiry of a signed link (`retour sign-order --expires`),
//                   Unix seconds as in JWT: returns made after it are refused
//                   (token_expired, order_token.h)
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/json_error.h"
#include "core/money.h"

namespace retour {

struct ExchangeVariant {
    std::string sku, title;
    std::int64_t price = 0;
};

struct OrderLine {
    std::string id, sku, title, variant, product_id, category;
    std::vector<std::string> tags;
    std::int32_t quantity = 0;
    std::int32_t quantity_returned = 0;
    std::int64_t unit_price = 0;
    std::int64_t unit_tax = 0;
    std::optional<std::int64_t> line_total;
    std::int64_t amount_refunded = 0;
    bool gift_card = false;
    std::vector<ExchangeVariant> exchange_variants;
    // This line's share of the order's `discount` (set by parse_order, not written).
    std::int64_t order_discount = 0;

    // What the whole line cost, after its share of the order discount.
    std::int64_t total_paid() const { return (line_total ? *line_total : unit_price * quantity) - order_discount; }
    std::int32_t quantity_left() const { return quantity - quantity_returned; }
    bool has_tag(std::string_view tag) const;
    const ExchangeVariant* find_variant(std::string_view sku) const;
};

struct Shipping {
    std::int64_t amount = 0, tax = 0, amount_refunded = 0;
};

struct Order {
    std::string id, number, email;
    Stamp placed;
    std::optional<Stamp> fulfilled, delivered;
    std::string ship_to_country;
    Currency currency;
    std::vector<OrderLine> lines;
    std::int64_t discount = 0;  // order-level, allocated to lines (OrderLine::order_discount)
    std::optional<Shipping> shipping;
    std::optional<Instant> expires;  // "exp"

    const OrderLine* find_line(std::string_view id) const;
};

// Every problem is reported with its JSON pointer; amounts are bounded so that
// unit_price × quantity cannot overflow.
Parsed<Order> parse_order(const nlohmann::json& document);
Parsed<Order> parse_order_text(std::string_view text);

nlohmann::json to_json(const Order& order);
// The bytes a signed order token carries: parse_order(canonical_json(o)) gives o back,
// and canonical_json of that is the same bytes.
std::string canonical_json(const Order& order);

}  // namespace retour
