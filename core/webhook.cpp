#include "core/webhook.h"

#include "core/canonical_json.h"
#include "core/json_reader.h"

namespace retour {

std::string webhook_body(const ReturnRequest& request) {
    return canonical_dump({{"id", request.id},
                           {"type", kReturnRequested},
                           {"created_at", format_instant(request.created_at)},
                           {"data", to_json(request)}});
}

WebhookHeaders webhook_headers(const ReturnRequest& request, Instant sent_at) {
    return {request.id, std::to_string(sent_at.unix_seconds)};
}

Parsed<WebhookMessage> parse_webhook(const nlohmann::json& document) {
    Parsed<WebhookMessage> out;
    WebhookMessage msg;
    JsonReader r(&document, &out.errors, "");
    if (!r.object({"id", "type", "created_at", "data"})) return out;
    auto id = r["id"].string(true, 128);
    if (auto t = r["type"].one_of({kReturnRequested})) msg.type = *t;
    auto created = r["created_at"].string(true, 40);
    std::optional<Instant> created_at = created ? parse_instant(*created) : std::nullopt;
    if (created && !created_at) r["created_at"].fail("expected a time \"YYYY-MM-DDTHH:MM:SSZ\"");

    if (!r["data"].present()) {
        r["data"].fail("is required");
        return out;
    }
    Parsed<ReturnRequest> data = parse_return_request(*r["data"].raw());
    for (auto& e : data.errors) out.errors.push_back({"/data" + e.pointer, e.message});
    if (data.ok()) {
        msg.data = std::move(*data.value);
        if (id && *id != msg.data.id) r["id"].fail("expected the request's id (/data/id)");
        if (created_at && !(*created_at == msg.data.created_at))
            r["created_at"].fail("expected the request's created_at (/data/created_at)");
    }
    if (id) msg.id = *id;
    if (created_at) msg.created_at = *created_at;
    if (out.errors.empty()) out.value = std::move(msg);
    return out;
}

Parsed<WebhookMessage> parse_webhook_text(std::string_view text) {
    Parsed<WebhookMessage> out;
    auto doc = parse_json_document(text, out.errors);
    return doc ? parse_webhook(*doc) : out;
}

}  // namespace retour
