#pragma once
// The webhook message the portal posts for a confirmed return (Standard Webhooks
// style; docs/webhook.md):
//   headers  webhook-id: <request id>      webhook-timestamp: <unix seconds of this attempt>
//   body     {"created_at":…,"data":<ReturnRequest>,"id":<request id>,"type":"return.requested"}
// No webhook-signature header: a browser cannot keep a signing secret. Trust comes
// from the signed order token inside and the receiver re-computing everything.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/json_error.h"
#include "core/return_request.h"

namespace retour {

inline constexpr const char* kReturnRequested = "return.requested";

struct WebhookMessage {
    std::string id;  // == data.id
    std::string type;
    Instant created_at;  // == data.created_at
    ReturnRequest data;
};

struct WebhookHeaders {
    std::string id;         // webhook-id
    std::string timestamp;  // webhook-timestamp
};

// The canonical body bytes for a request.
std::string webhook_body(const ReturnRequest& request);
// Headers of one delivery attempt made at `sent_at` (the outbox stamps each retry).
WebhookHeaders webhook_headers(const ReturnRequest& request, Instant sent_at);

// Pointers of errors inside the request start with "/data".
Parsed<WebhookMessage> parse_webhook(const nlohmann::json& document);
Parsed<WebhookMessage> parse_webhook_text(std::string_view text);

}  // namespace retour
