// The webhook body the receiver gets from anyone on the internet. Invariants: a
// rejection lists pointed errors; an accepted message's id and created_at are its
// request's; webhook_body(data) is canonical: it parses to the same request bytes.
#include <cstddef>
#include <cstdint>

#include "core/webhook.h"
#include "tests/fuzz/fuzz_support.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Parsed<WebhookMessage> parsed = parse_webhook_text(as_text(data, size));
    if (!parsed.ok()) {
        require(!parsed.value.has_value(), "a rejected message has no value");
        require_explained(parsed.errors, "parse_webhook_text");
        return 0;
    }
    const WebhookMessage& msg = *parsed.value;
    require(msg.id == msg.data.id, "message id is the request id", msg.id);
    require(msg.created_at == msg.data.created_at, "message created_at is the request's");
    const std::string body = webhook_body(msg.data);
    const Parsed<WebhookMessage> again = parse_webhook_text(body);
    require(again.ok(), "webhook_body parses", body);
    require(webhook_body(again.value->data) == body, "webhook_body is a fixed point", body);
    return 0;
}
