#pragma once
// LabelInput from the typed request and policy: what the portal (after confirming) and
// `retour label` (on a stored request) draw. Both are already validated, so the only
// refusal left is a request without an address (keep-the-item returns ship nothing).
//
// The same rules as label_input_from_json (label_json.h), which stays for documents
// that are not whole requests (hand-written, older versions): a reason handle prints
// as the policy's label in the request's language (English when it has none), the
// RMA is the request's or derived from its id, the QR code follows labels.qr, the
// packing slip's day is created_at in the shop's time zone. A test holds both paths
// to the same output.
#include <optional>
#include <string>

#include "core/label/label_input.h"
#include "core/policy.h"
#include "core/return_request.h"

namespace retour::label {

struct LabelFromRequest {
    std::optional<LabelInput> input;
    std::string error;  // "request /shopper/address: ..." when input is not set
    bool ok() const { return input.has_value(); }
};

LabelFromRequest label_input(const ReturnRequest& request, const Policy& policy);

}  // namespace retour::label
