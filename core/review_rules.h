#pragma once
// Whether the receiver stores a verified request as "accepted" or "review", and why.
// Some rules need what only the receiver knows: earlier stored requests for the same
// order and the same customer, and how late the request arrived. The portal quotes
// with no earlier returns; these rules never refuse a request, they ask a person to
// look at it (the answer tells the shopper so).
//
// Reason codes:
//   customer_return_limit  earlier requests by this customer (e-mail, normalised) exceed
//                          review.max_customer_returns (same rule as eligibility's
//                          review_customer_history: earlier > limit)
//   late_delivery          created_at is older than the clock skew allows, within
//                          webhook.late_grace_days (request_verify.h)
//   <quote review code>    a line of the verified quote asks for review
//                          (review_reason, review_high_value, …), each code once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/policy.h"
#include "core/quote.h"

namespace retour {

// Counted by the receiver inside the insert transaction, so racing posts see each other.
struct EarlierRequests {
    std::int64_t same_order = 0;
    std::int64_t same_customer = 0;
};

struct ReviewReason {
    std::string code;
    std::string rule;     // JSON pointer into the policy ("" for a quote's own codes)
    std::string message;  // English, for the merchant
};

// `quote` is the receiver's own quote of the request (Verification::quote; its lines'
// review_codes are read).
std::vector<ReviewReason> review_reasons(const Policy& policy, const EarlierRequests& earlier, bool late,
                                         const Quote& quote);

// The key requests of one customer share: trimmed, lower case, and without a
// "+tag" in the local part ("Ana+shoes@Example.com " → "ana@example.com"), so a
// shopper cannot dodge the limit by varying the address. Dots are kept: only some
// providers ignore them.
std::string normalise_email(std::string_view email);

nlohmann::json to_json(const std::vector<ReviewReason>& reasons);

}  // namespace retour
