#pragma once
// The receiver's durable queue of events to forward (Standard Webhooks), in its SQLite
// database beside the requests:
//   events      one row per event: id (the webhook-id, stable across retries), type,
//               the request it is about, the exact body every attempt sends
//   deliveries  one row per event and endpoint: pending | delivered | failed | disabled,
//               attempts, when the next one is due, the last answer
//   endpoints   endpoints disabled by a 410 Gone (and when, and why)
// queue_event runs inside the caller's transaction: ReturnStore::insert writes a
// request and its event together, so an accepted request is never lost for forwarding
// and nothing unstored is ever forwarded. DeliveryQueue is the forwarder's side, on a
// connection of its own (WAL: it never blocks the receiver for long).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/delivery_schedule.h"

struct sqlite3;

namespace retour::tools {

struct NewEvent {
    std::string type, body;
    std::string request_id;     // the return it is about
    std::int64_t created_ms = 0;  // the first attempt is due then
};

struct Delivery {
    std::string event_id, endpoint, type, body, request_id, state, last_error;
    std::int32_t attempts = 0;
    std::int64_t queued_ms = 0, next_attempt_ms = 0, last_attempt_ms = 0;
    int last_status = 0;  // 0 = no answer yet or none at all
};

struct DisabledEndpoint {
    std::string url, disabled_at, reason;
};

// Creates the tables when missing.
void create_delivery_tables(sqlite3* db);
// The receiver's endpoints at its start (replacing the ones before), and what they were
// last: where changes recorded from the shell are queued.
void remember_forward_endpoints(sqlite3* db, const std::vector<std::string>& urls);
std::vector<std::string> remembered_forward_endpoints(sqlite3* db);
// "msg_" + 26 random characters (unguessable, no '.').
std::string new_event_id();
// In the caller's transaction: the event and one delivery per endpoint, pending (due at
// created_ms) or, for an endpoint disabled by a 410, disabled. Returns the event id.
std::string queue_event(sqlite3* db, const NewEvent& event, const std::vector<std::string>& endpoints);

class DeliveryQueue {
public:
    // Throws std::runtime_error naming the file when it cannot be opened.
    explicit DeliveryQueue(const std::string& path);
    ~DeliveryQueue();
    DeliveryQueue(const DeliveryQueue&) = delete;
    DeliveryQueue& operator=(const DeliveryQueue&) = delete;

    // Pending deliveries to `endpoint` due at `now_ms`, earliest first.
    std::vector<Delivery> due(const std::string& endpoint, std::int64_t now_ms, int limit);
    // Changes when another connection commits to the database (PRAGMA data_version).
    std::int64_t data_version();
    // When the earliest pending delivery to `endpoint` is due.
    std::optional<std::int64_t> next_due_ms(const std::string& endpoint);
    // One attempt made at `now_ms`: its answer and what comes next.
    void record(const Delivery& d, const NextAttempt& next, int http_status, const std::string& error,
                std::int64_t now_ms);
    // A 410: the endpoint gets nothing more; its pending deliveries become disabled.
    void disable(const std::string& endpoint, const std::string& at, const std::string& reason);
    std::optional<DisabledEndpoint> disabled(const std::string& endpoint);
    // The merchant's undo of a 410: the endpoint takes events again and its disabled
    // deliveries are due at `now_ms`, with a fresh give-up period. Returns how many.
    std::int64_t enable(const std::string& endpoint, std::int64_t now_ms);

    // For `retour forward-status`: every delivery (newest first, at most `limit`) and
    // every disabled endpoint.
    std::vector<Delivery> deliveries(const std::string& state_filter, int limit);
    std::vector<DisabledEndpoint> disabled_endpoints();

private:
    sqlite3* db_ = nullptr;
    std::mutex mutex_;
};

}  // namespace retour::tools
