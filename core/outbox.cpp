#include "core/outbox.h"

#include <algorithm>

#include "core/json_reader.h"

namespace retour {

const char* to_string(OutboxState s) {
    switch (s) {
        case OutboxState::pending: return "pending";
        case OutboxState::sending: return "sending";
        case OutboxState::rejected: return "rejected";
    }
    return "pending";
}

bool operator==(const OutboxEntry& a, const OutboxEntry& b) {
    return a.id == b.id && a.body == b.body && a.created_ms == b.created_ms &&
           a.attempts == b.attempts && a.next_attempt_ms == b.next_attempt_ms && a.state == b.state &&
           a.last_error == b.last_error;
}

const OutboxEntry* Outbox::find(std::string_view id) const {
    for (const auto& e : entries)
        if (e.id == id) return &e;
    return nullptr;
}

namespace {

OutboxEntry* find_mut(Outbox& box, std::string_view id) {
    for (auto& e : box.entries)
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace

std::int64_t backoff_delay_ms(const BackoffSchedule& schedule, std::int32_t attempts, double jitter) {
    if (!(jitter >= 0.0)) jitter = 0.0;  // also catches NaN
    if (jitter > 1.0) jitter = 1.0;
    std::int64_t delay = std::max<std::int64_t>(schedule.base_ms, 1);
    for (std::int32_t i = 1; i < attempts && delay < schedule.cap_ms; ++i) delay *= 2;
    delay = std::min(delay, schedule.cap_ms);
    // Equal jitter: at least half the delay, so a burst of clients still backs off.
    const std::int64_t half = delay / 2;
    return half + static_cast<std::int64_t>(static_cast<double>(delay - half) * jitter);
}

Outbox enqueue(Outbox box, std::string id, std::string body, std::int64_t now_ms) {
    if (box.find(id)) return box;
    OutboxEntry e;
    e.id = std::move(id);
    e.body = std::move(body);
    e.created_ms = now_ms;
    e.next_attempt_ms = now_ms;
    box.entries.push_back(std::move(e));
    return box;
}

std::vector<std::string> due(const Outbox& box, std::int64_t now_ms) {
    std::vector<std::string> ids;
    for (const auto& e : box.entries)
        if (e.state == OutboxState::pending && e.next_attempt_ms <= now_ms) ids.push_back(e.id);
    return ids;
}

std::optional<std::int64_t> next_wakeup(const Outbox& box) {
    std::optional<std::int64_t> at;
    for (const auto& e : box.entries)
        if (e.state == OutboxState::pending && (!at || e.next_attempt_ms < *at)) at = e.next_attempt_ms;
    return at;
}

Outbox mark_sending(Outbox box, std::string_view id) {
    if (auto* e = find_mut(box, id); e && e->state == OutboxState::pending) e->state = OutboxState::sending;
    return box;
}

Delivery classify(int http_status) {
    if (http_status >= 200 && http_status < 300) return Delivery::delivered;
    if (http_status == 0 || http_status == 408 || http_status == 425 || http_status == 429 ||
        http_status >= 500)
        return Delivery::retry;
    return Delivery::rejected;
}

Recorded record_response(Outbox box, std::string_view id, int http_status, std::string_view detail,
                         std::int64_t now_ms, double jitter, const BackoffSchedule& schedule,
                         std::int64_t retry_after_ms) {
    Recorded out{std::move(box), classify(http_status)};
    OutboxEntry* e = find_mut(out.box, id);
    if (!e) return out;  // already delivered by an earlier answer
    if (out.delivery == Delivery::delivered) {
        out.box.entries.erase(out.box.entries.begin() + (e - out.box.entries.data()));
        return out;
    }
    e->attempts += 1;
    e->last_error = http_status == 0 ? "network error" : "HTTP " + std::to_string(http_status);
    if (!detail.empty()) e->last_error += ": " + std::string(detail.substr(0, 500));
    if (out.delivery == Delivery::rejected) {
        e->state = OutboxState::rejected;
        return out;
    }
    e->state = OutboxState::pending;
    e->next_attempt_ms =
        now_ms + std::max(backoff_delay_ms(schedule, e->attempts, jitter), std::max<std::int64_t>(retry_after_ms, 0));
    return out;
}

Outbox resume(Outbox box, std::int64_t now_ms) {
    for (auto& e : box.entries) {
        if (e.state == OutboxState::sending) {
            e.state = OutboxState::pending;
            e.next_attempt_ms = now_ms;
        }
    }
    return box;
}

Outbox on_online(Outbox box, std::int64_t now_ms) {
    for (auto& e : box.entries)
        if (e.state == OutboxState::pending) e.next_attempt_ms = std::min(e.next_attempt_ms, now_ms);
    return box;
}

Outbox discard(Outbox box, std::string_view id) {
    auto& v = box.entries;
    v.erase(std::remove_if(v.begin(), v.end(), [&](const OutboxEntry& e) { return e.id == id; }), v.end());
    return box;
}

nlohmann::json outbox_to_json(const Outbox& box) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : box.entries) {
        entries.push_back({{"id", e.id},
                           {"body", e.body},
                           {"created_ms", e.created_ms},
                           {"attempts", e.attempts},
                           {"next_attempt_ms", e.next_attempt_ms},
                           {"state", to_string(e.state)},
                           {"last_error", e.last_error}});
    }
    return {{"version", 1}, {"entries", std::move(entries)}};
}

Parsed<Outbox> parse_outbox(const nlohmann::json& document) {
    Parsed<Outbox> out;
    JsonReader root(&document, &out.errors, "");
    if (!root.object({"version", "entries"})) return out;
    root["version"].integer(1, 1);
    Outbox box;
    JsonReader entries = root["entries"];
    if (entries.array()) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            JsonReader r = entries.at(i);
            if (!r.object({"id", "body", "created_ms", "attempts", "next_attempt_ms", "state", "last_error"}))
                continue;
            OutboxEntry e;
            e.id = r["id"].string(true, 200).value_or("");
            e.body = r["body"].string(true, 1u << 20).value_or("");
            e.created_ms = r["created_ms"].integer().value_or(0);
            e.attempts = static_cast<std::int32_t>(r["attempts"].integer(0, 1'000'000).value_or(0));
            e.next_attempt_ms = r["next_attempt_ms"].integer().value_or(0);
            const auto state = r["state"].one_of({"pending", "sending", "rejected"}).value_or("pending");
            e.state = state == "sending" ? OutboxState::sending
                      : state == "rejected" ? OutboxState::rejected
                                            : OutboxState::pending;
            // An empty last_error is normal; JsonReader::string wants 1+ bytes.
            if (const auto* raw = r["last_error"].raw(); raw && raw->is_string())
                e.last_error = raw->get<std::string>();
            else
                r["last_error"].fail("expected a string");
            box.entries.push_back(std::move(e));
        }
    }
    if (out.errors.empty()) out.value = std::move(box);
    return out;
}

}  // namespace retour
