#pragma once
// A shopper's confirmed return: what the portal posts and the receiver stores.
//
// JSON (canonical: sorted keys, no whitespace; optional fields written only when set):
//   { "id", "rma", "created_at", "locale", "demo",
//     "order":   { "id", "number", "token" },
//     "shopper": { "name", "email", "address"?: PostalAddress (postal_address.h) },
//     "lines":   [ { "line_id", "sku", "title", "variant"?, "quantity", "reason",
//                    "sub_reason"?, "resolution", "exchange_sku"?, "comment"?, "photos"? } ],
//     "return_method": "print_label" | "drop_off" | "prepaid",
//     "quote":   to_json(quote(...)) exactly as the core produced it,
//     "policy":  { "version", "hash" } }
// `id` is the idempotency key (also the webhook-id): request_id.h.
// `created_at` is an instant "YYYY-MM-DDTHH:MM:SSZ"; the receiver prices at it.
// The quote is kept as the JSON the portal sent, so the receiver compares its own
// quote with exactly what the shopper saw.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/order.h"
#include "core/json_error.h"
#include "core/policy.h"
#include "core/postal_address.h"
#include "core/request_id.h"
#include "core/return_method.h"
#include "core/selection.h"

namespace retour {

struct OrderRef {
    std::string id, number, token;
};

struct Shopper {
    std::string name, email;
    std::optional<PostalAddress> address;
};

struct RequestLine {
    std::string line_id, sku, title, variant;
    std::int32_t quantity = 0;
    std::string reason, sub_reason;
    Resolution resolution = Resolution::refund;
    std::string exchange_sku;
    std::string comment;
    std::int32_t photos = 0;
};

struct ReturnRequest {
    std::string id;
    std::string rma;
    OrderRef order;
    Shopper shopper;
    std::vector<RequestLine> lines;
    ReturnMethod return_method = ReturnMethod::print_label;
    nlohmann::json quote = nlohmann::json::object();
    std::string policy_version, policy_hash;
    std::string locale;
    Instant created_at;
    bool demo = false;
};

// Every problem is reported with its JSON pointer; unknown keys are errors.
Parsed<ReturnRequest> parse_return_request(const nlohmann::json& document);
Parsed<ReturnRequest> parse_return_request_text(std::string_view text);

nlohmann::json to_json(const ReturnRequest& r);
std::string canonical_json(const ReturnRequest& r);

// What the shopper chose, in the form quote() takes.
Selection to_selection(const ReturnRequest& r);

// What the portal knows when the shopper confirms; build_request fills in the rest
// (RMA from the id, line details from the order, policy version/hash, the quote JSON).
struct RequestDraft {
    std::string id;     // random, from the platform layer (valid_request_id)
    std::string token;  // the signed order token the order came from
    Shopper shopper;
    Selection selection;
    ReturnMethod return_method = ReturnMethod::print_label;
    std::string locale;
    Instant created_at;
};
// `quote` is quote(policy, order, draft.selection, …) at draft.created_at. Lines whose
// id is not in the order keep empty sku/title (the receiver will refuse them).
ReturnRequest build_request(const Policy& policy, const Order& order, const nlohmann::json& quote,
                            const RequestDraft& draft);

}  // namespace retour
