#pragma once
// Per-line return decisions: evaluate(policy, order, now) → one Decision per line.
//
// Codes (stable, for machines and catalogs; the English message is a convenience):
//   ineligible: currency_mismatch, placed_in_future, country_not_served, gift_card,
//               final_sale, excluded_category, excluded_sku, price_below_minimum,
//               price_above_maximum, already_returned, not_delivered_yet,
//               delivery_in_future, window_closed
// placed_in_future: the order date (merchant's calendar) is after today.
// delivery_in_future: the policy requires delivery and the delivery date is after
// today (a shop may send the expected date).
//   review:     review_high_value, review_customer_history
// Every applicable code is listed (ineligible ones first, in the order above); the
// first one decides the status and its rule is the decision's rule. Parameters are
// strings: dates as YYYY-MM-DD, money as integer minor units.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/order.h"
#include "core/policy.h"

namespace retour {

enum class Status : std::uint8_t { eligible, ineligible, review };
const char* to_string(Status s);

struct Param {
    const char* key = nullptr;
    std::string value;
};

struct Finding {
    const char* code = "";  // a static string from the list above
    // JSON pointer of the policy rule behind it; facts of the order itself are
    // pointers into the order prefixed "order:" ("order:/lines/0/quantity_returned").
    std::string rule;
    std::array<Param, 3> params{};
    std::uint8_t param_count = 0;

    bool is_review() const;
    // "" when absent.
    std::string_view param(std::string_view key) const;
};

struct Decision {
    std::string line_id;
    Status status = Status::eligible;
    std::vector<Finding> findings;  // empty when eligible
    std::string rule;               // the rule that decided
    std::int32_t returnable_quantity = 0;
    std::optional<Date> window_ends;  // last day a return is accepted
    const char* anchor = "";          // what the window counts from, "" if none
    std::string message;              // English

    const Finding* find(std::string_view code) const;
};

// Values the shop knows but the order does not carry.
struct EvaluationContext {
    std::int32_t customer_returns = 0;  // earlier returns by this customer
};

std::vector<Decision> evaluate(const Policy& policy, const Order& order, Instant now,
                               const EvaluationContext& context = {});
// Same, reusing `out`'s storage (for evaluating many orders in a loop).
void evaluate_into(const Policy& policy, const Order& order, Instant now, const EvaluationContext& context,
                   std::vector<Decision>& out);

nlohmann::json to_json(const Decision& d);
nlohmann::json to_json(const std::vector<Decision>& ds);

}  // namespace retour
