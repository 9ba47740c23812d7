#pragma once
// The browser's outbox of return requests, as pure state transitions. The web layer
// owns storage (localStorage), the clock, the network and the random jitter; it calls
// these functions with those values and stores what they return. A request leaves the
// outbox only when the receiver has it: a 2xx answer (including "duplicate").
//
//   enqueue ──► pending ──mark_sending──► sending ──record_response──► (removed)  2xx
//                 ▲                          │                       ► rejected   4xx, not retryable
//                 └──── backoff ◄────────────┘  5xx, 408, 425, 429, network error
//   resume (page load: "sending" was interrupted) and on_online make pending entries due now.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_error.h"

namespace retour {

enum class OutboxState : std::uint8_t { pending, sending, rejected };
const char* to_string(OutboxState s);

struct OutboxEntry {
    std::string id;            // the request id, also the webhook-id header
    std::string body;          // the exact bytes to POST, stored once, never rebuilt
    std::int64_t created_ms = 0;
    std::int32_t attempts = 0;  // sends that got an answer or a network error
    std::int64_t next_attempt_ms = 0;
    OutboxState state = OutboxState::pending;
    std::string last_error;    // "HTTP 503", "network error", the 4xx answer

    friend bool operator==(const OutboxEntry& a, const OutboxEntry& b);
};

struct Outbox {
    std::vector<OutboxEntry> entries;  // oldest first: sent in that order
    const OutboxEntry* find(std::string_view id) const;
};

// Exponential: base, 2·base, 4·base … capped; then scaled by (1 + jitter) / 2 so
// clients that went offline together do not retry together ("equal jitter").
// `jitter` is a random value in [0, 1) from the caller (clamped).
struct BackoffSchedule {
    std::int64_t base_ms = 2'000;
    std::int64_t cap_ms = 5 * 60'000;
};
std::int64_t backoff_delay_ms(const BackoffSchedule& schedule, std::int32_t attempts, double jitter);

// Adds the request, due at once. Enqueuing an id already present changes nothing
// (a double click must not send twice).
Outbox enqueue(Outbox box, std::string id, std::string body, std::int64_t now_ms);

// Ids of pending entries whose time has come, oldest first.
std::vector<std::string> due(const Outbox& box, std::int64_t now_ms);
// Earliest next_attempt_ms of the pending entries, to arm one timer.
std::optional<std::int64_t> next_wakeup(const Outbox& box);

Outbox mark_sending(Outbox box, std::string_view id);

enum class Delivery : std::uint8_t { delivered, retry, rejected };
// 2xx → delivered (the receiver stores before answering; "duplicate" is a 200 too);
// 408, 425, 429, 5xx and status 0 (no answer) → retry; other statuses → rejected:
// sending the same bytes again cannot succeed, the merchant must look at it.
Delivery classify(int http_status);

struct Recorded {
    Outbox box;
    Delivery delivery = Delivery::retry;
};
// `http_status` 0 = network error / no answer. `retry_after_ms` from a Retry-After
// header, if any, is respected when longer than the backoff.
Recorded record_response(Outbox box, std::string_view id, int http_status, std::string_view detail,
                         std::int64_t now_ms, double jitter, const BackoffSchedule& schedule = {},
                         std::int64_t retry_after_ms = 0);

// Page load: an entry left "sending" was cut off mid-flight; the receiver is idempotent,
// so it is sent again, now.
Outbox resume(Outbox box, std::int64_t now_ms);
// The browser is back online: every pending entry is due now.
Outbox on_online(Outbox box, std::int64_t now_ms);
// The shopper or merchant gives up on a rejected request.
Outbox discard(Outbox box, std::string_view id);

// localStorage form: {"version":1,"entries":[{...}]}.
nlohmann::json outbox_to_json(const Outbox& box);
Parsed<Outbox> parse_outbox(const nlohmann::json& document);

}  // namespace retour
