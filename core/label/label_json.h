#pragma once
// LabelInput from a return request and the merchant's policy, both JSON. Only
// the fields a label needs are read, so this works with any request/policy
// version that has them. Every missing or malformed field is reported with its
// document and JSON pointer; nothing is filled in silently.
//
// request: /id, /rma (optional: computed by rma_number from /id when absent),
//          /order/number, /shopper/name, /shopper/address/{line1,line2,city,postcode,
//          region,country}, /lines/*/{sku,title,variant,quantity,reason},
//          /return_method ("print_label" | "drop_off" | "prepaid"), /locale, /demo,
//          /created_at (optional: the packing slip shows its day, in policy /time_zone)
// policy:  /shop/name, /merchant/return_address/{name,line1,line2,city,postcode,region,
//          country}, /labels/{rma_prefix,carrier,service,prepaid_label_url},
//          /labels/qr/payload ("status_url" | "compact", alias "json": {"rma","order",
//          "merchant"}; no QR when /labels/qr is absent),
//          /labels/qr/status_url (with "{rma}"), /demo
// A line's reason may be a handle from the policy's /reasons; it prints as that
// reason's label in the request's locale.
// Optional: line2, region, postcode, variant, reason, carrier, service,
// prepaid_label_url, both /demo flags (the label is a demo if either is true).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/label/label_input.h"

namespace retour::label {

struct FieldError {
    std::string document;  // "request" or "policy"
    std::string pointer;   // JSON pointer, "" for the whole document
    std::string message;
    std::string to_string() const;  // "request /lines/0/quantity: must be a whole number >= 1"
};

struct LabelInputResult {
    std::optional<LabelInput> input;  // set exactly when errors is empty
    std::vector<FieldError> errors;
    bool ok() const { return input.has_value(); }
};

LabelInputResult label_input_from_json(const nlohmann::json& request, const nlohmann::json& policy);
// The same from JSON texts: parses both first; a syntax error is reported for its
// document. (A separate name: a string converts to json, so overloading is ambiguous.)
LabelInputResult label_input_from_json_text(std::string_view request_json, std::string_view policy_json);

}  // namespace retour::label
