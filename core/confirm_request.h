#pragma once
// Confirming a return: the one way a request is made, by the portal's submit, `retour
// make-request`, the tests' fixtures, the fuzz seeds and the receiver load bench. It
// prices the shopper's selection at `now` (what the receiver re-checks), checks the
// contact details and address the receiver and the label need, and builds the request
// with its RMA number. Pure: the clock (`now`) and the id's randomness
// (make_request_id in request_id.h) come from the caller.
#include <optional>
#include <vector>

#include "core/address_check.h"
#include "core/eligibility.h"
#include "core/quote.h"
#include "core/return_request.h"

namespace retour {

struct Confirmation {
    Quote quote;                          // at now; its errors when the selection is refused
    std::vector<FieldProblem> problems;   // check_shopper's, against the countries served
    std::optional<ReturnRequest> request; // set exactly when both lists are empty
    bool ok() const { return request.has_value(); }
};

// Zero means default: the portal's behaviour.
struct ConfirmOptions {
    std::optional<bool> demo;   // overrides the policy's demo flag (the portal's demo orders)
    bool skip_shopper_check = false;  // `retour make-request` sends what it is told (hostile text in tests)
};

// `draft.id` must be valid_request_id (a bug otherwise: std::invalid_argument);
// `draft.created_at` is replaced by `now`.
Confirmation confirm_request(const Policy& policy, const Order& order, RequestDraft draft, Instant now,
                             const ConfirmOptions& options = {});

}  // namespace retour
