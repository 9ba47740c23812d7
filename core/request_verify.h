#pragma once
// The receiver's check of a posted request: the same core, the same inputs, the same
// answer to the cent, or a list of what differs. The portal runs in a browser a shopper
// controls, so nothing it computed is taken on trust.
//
// Difference codes:
//   created_at_out_of_range  created_at further than max_skew ahead of the receiver's clock
//   too_late                 created_at more than the policy's webhook.late_grace_days ago
//                            (within that, the request verifies at created_at and is `late`)
//   token_expired            the signed order's "exp" is before created_at
//   demo_mismatch            a demo request at a live shop (or the reverse)
//   policy_changed           policy version/hash differ from the receiver's policy
//   order_mismatch           order id/number differ from the signed order
//   rma_mismatch             RMA is not the one derived from the request id (new or legacy form)
//   line_not_in_order        a line id the signed order does not have
//   line_details_differ      sku/title/variant differ from the signed order line
//   decision_differs         the line's decision at created_at is not what was claimed
//                            (expected: "ineligible"/"review"/"eligible" + codes)
//   quote_differs            a field of the quote (amount, flag, …) differs
//   <quote error code>       quote() refused the selection (unknown_reason, …)
//   token_*                  the order token (order_token.h) failed
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/eligibility.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/quote.h"
#include "core/return_request.h"

namespace retour {

struct Difference {
    std::string pointer;  // into the request ("/quote/totals/refund", "/lines/1")
    std::string code;
    nlohmann::json expected;  // what the receiver computes (null when not applicable)
    nlohmann::json got;       // what the request says
    std::string message;      // English
};

struct VerifyOptions {
    // Clocks disagree: created_at this far ahead, or behind, is on time.
    std::int64_t max_skew_seconds = 600;
};

struct Verification {
    std::vector<Difference> differences;
    std::vector<Decision> decisions;  // the receiver's, at created_at
    // The receiver's own quote at created_at: when ok(), equal to the request's, and
    // what the receiver stores (typed amounts, not the JSON the request carried).
    Quote quote;
    // created_at is further behind than max_skew but within the grace period: the
    // request is verified as of created_at and stored for review (late_delivery).
    bool late = false;
    std::int64_t age_seconds = 0;  // receiver's now − created_at
    bool ok() const { return differences.empty(); }
};

// `order` is the one from the request's verified token.
Verification verify_request(const Policy& policy, const ReturnRequest& request, const Order& order,
                            Instant receiver_now, const VerifyOptions& options = {});
// Opens request.order.token with the policy's key first.
Verification verify_request(const Policy& policy, const ReturnRequest& request, Instant receiver_now,
                            const VerifyOptions& options = {});

nlohmann::json to_json(const Difference& d);
nlohmann::json to_json(const std::vector<Difference>& ds);

// Every leaf where `got` differs from `expected` (values and JSON types: 5 and 5.0
// differ), as quote_differs differences under `pointer`. Exposed for tests.
void diff_json(const nlohmann::json& expected, const nlohmann::json& got, const std::string& pointer,
               std::vector<Difference>& out);

}  // namespace retour
