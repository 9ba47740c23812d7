#include "tools/delivery_queue.h"

#include <sodium.h>
#include <sqlite3.h>

#include <stdexcept>

#include "tools/sqlite_db.h"

namespace retour::tools {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS events (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  request_id  TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  body        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
  event_id         TEXT NOT NULL REFERENCES events(id),
  endpoint         TEXT NOT NULL,
  state            TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  queued_ms        INTEGER NOT NULL,
  next_attempt_ms  INTEGER NOT NULL,
  last_attempt_ms  INTEGER NOT NULL DEFAULT 0,
  last_status      INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (event_id, endpoint)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (endpoint, state, next_attempt_ms);
CREATE TABLE IF NOT EXISTS endpoints (
  url          TEXT PRIMARY KEY,
  disabled_at  TEXT NOT NULL,
  reason       TEXT NOT NULL
);
)sql";

const char* kDeliveryColumns =
    "d.event_id, d.endpoint, e.type, e.body, e.request_id, d.state, d.last_error, d.attempts, d.queued_ms,"
    " d.next_attempt_ms, d.last_attempt_ms, d.last_status FROM deliveries d JOIN events e ON e.id = d.event_id";

Delivery read_delivery(Statement& s) {
    Delivery d;
    s.texts(0, {&d.event_id, &d.endpoint, &d.type, &d.body, &d.request_id, &d.state, &d.last_error});
    d.attempts = static_cast<std::int32_t>(s.integer(7));
    d.queued_ms = s.integer(8);
    d.next_attempt_ms = s.integer(9);
    d.last_attempt_ms = s.integer(10);
    d.last_status = static_cast<int>(s.integer(11));
    return d;
}

bool is_disabled(sqlite3* db, const std::string& endpoint) {
    Statement s(db, "SELECT 1 FROM endpoints WHERE url = ?");
    s.bind(1, endpoint);
    return s.step();
}

}  // namespace

// The endpoints the receiver last started with, so a change recorded from the shell
// (return_history.h) is queued for the same ones.
const char* kTargetsSchema = R"sql(
CREATE TABLE IF NOT EXISTS forward_targets (
  url  TEXT PRIMARY KEY
);
)sql";

void create_delivery_tables(sqlite3* db) {
    exec_sql(db, kSchema);
    exec_sql(db, kTargetsSchema);
}

void remember_forward_endpoints(sqlite3* db, const std::vector<std::string>& urls) {
    in_transaction(db, [&] {
        exec_sql(db, "DELETE FROM forward_targets;");
        for (const std::string& url : urls) {
            Statement s(db, "INSERT OR IGNORE INTO forward_targets (url) VALUES (?)");
            s.bind(1, url);
            s.step();
        }
        return true;
    });
}

std::vector<std::string> remembered_forward_endpoints(sqlite3* db) {
    Statement s(db, "SELECT url FROM forward_targets ORDER BY url");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::string new_event_id() {
    static const char kChars[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32
    std::string id = "msg_";
    for (int i = 0; i < 26; ++i) id += kChars[randombytes_uniform(32)];
    return id;
}

std::string queue_event(sqlite3* db, const NewEvent& event, const std::vector<std::string>& endpoints) {
    const std::string id = new_event_id();
    Statement e(db, "INSERT INTO events (id, type, request_id, created_ms, body) VALUES (?,?,?,?,?)");
    e.bind(1, id).bind(2, event.type).bind(3, event.request_id).bind(4, event.created_ms).bind(5, event.body);
    e.step();
    for (const std::string& url : endpoints) {
        Statement d(db,
                    "INSERT INTO deliveries (event_id, endpoint, state, queued_ms, next_attempt_ms) VALUES (?,?,?,?,?)");
        d.bind(1, id).bind(2, url).bind(3, std::string(is_disabled(db, url) ? "disabled" : "pending"));
        d.bind(4, event.created_ms).bind(5, event.created_ms);
        d.step();
    }
    return id;
}

DeliveryQueue::DeliveryQueue(const std::string& path) {
    // A longer wait than the receiver's: the forwarder can afford to queue behind a write.
    db_ = open_database(path, 10000, create_delivery_tables);
}

DeliveryQueue::~DeliveryQueue() { sqlite3_close(db_); }

std::vector<Delivery> DeliveryQueue::due(const std::string& endpoint, std::int64_t now_ms, int limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, (std::string("SELECT ") + kDeliveryColumns +
                      " WHERE d.endpoint = ? AND d.state = 'pending' AND d.next_attempt_ms <= ?"
                      " ORDER BY d.next_attempt_ms, e.created_ms LIMIT ?")
                         .c_str());
    s.bind(1, endpoint).bind(2, now_ms).bind(3, static_cast<std::int64_t>(limit));
    std::vector<Delivery> out;
    while (s.step()) out.push_back(read_delivery(s));
    return out;
}

std::int64_t DeliveryQueue::data_version() {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, "PRAGMA data_version");
    return s.step() ? s.integer(0) : -1;
}

std::optional<std::int64_t> DeliveryQueue::next_due_ms(const std::string& endpoint) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, "SELECT MIN(next_attempt_ms) FROM deliveries WHERE endpoint = ? AND state = 'pending'");
    s.bind(1, endpoint);
    if (s.step() && !s.is_null(0)) return s.integer(0);
    return std::nullopt;
}

void DeliveryQueue::record(const Delivery& d, const NextAttempt& next, int http_status, const std::string& error,
                           std::int64_t now_ms) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_,
                "UPDATE deliveries SET state = ?, attempts = attempts + 1, last_attempt_ms = ?, last_status = ?,"
                " last_error = ?, next_attempt_ms = ? WHERE event_id = ? AND endpoint = ?");
    s.bind(1, std::string(to_string(next.step))).bind(2, now_ms).bind(3, static_cast<std::int64_t>(http_status));
    s.bind(4, error.substr(0, 500)).bind(5, next.step == NextStep::retry ? next.at_ms : d.next_attempt_ms);
    s.bind(6, d.event_id).bind(7, d.endpoint);
    s.step();
}

void DeliveryQueue::disable(const std::string& endpoint, const std::string& at, const std::string& reason) {
    std::lock_guard<std::mutex> lock(mutex_);
    exec_sql(db_, "BEGIN IMMEDIATE;");
    try {
        Statement e(db_, "INSERT INTO endpoints (url, disabled_at, reason) VALUES (?,?,?) ON CONFLICT(url) DO UPDATE"
                         " SET disabled_at = excluded.disabled_at, reason = excluded.reason");
        e.bind(1, endpoint).bind(2, at).bind(3, reason);
        e.step();
        Statement d(db_, "UPDATE deliveries SET state = 'disabled' WHERE endpoint = ? AND state = 'pending'");
        d.bind(1, endpoint);
        d.step();
        exec_sql(db_, "COMMIT;");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

std::optional<DisabledEndpoint> DeliveryQueue::disabled(const std::string& endpoint) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, "SELECT url, disabled_at, reason FROM endpoints WHERE url = ?");
    s.bind(1, endpoint);
    if (!s.step()) return std::nullopt;
    DisabledEndpoint e;
    s.texts(0, {&e.url, &e.disabled_at, &e.reason});
    return e;
}

std::int64_t DeliveryQueue::enable(const std::string& endpoint, std::int64_t now_ms) {
    std::lock_guard<std::mutex> lock(mutex_);
    exec_sql(db_, "BEGIN IMMEDIATE;");
    try {
        Statement e(db_, "DELETE FROM endpoints WHERE url = ?");
        e.bind(1, endpoint);
        e.step();
        Statement d(db_, "UPDATE deliveries SET state = 'pending', queued_ms = ?1, next_attempt_ms = ?1"
                         " WHERE endpoint = ?2 AND state = 'disabled'");
        d.bind(1, now_ms).bind(2, endpoint);
        d.step();
        const std::int64_t n = sqlite3_changes(db_);
        exec_sql(db_, "COMMIT;");
        return n;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<Delivery> DeliveryQueue::deliveries(const std::string& state_filter, int limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, (std::string("SELECT ") + kDeliveryColumns +
                      " WHERE ?1 = '' OR d.state = ?1 ORDER BY e.created_ms DESC, d.rowid DESC LIMIT ?2")
                         .c_str());
    s.bind(1, state_filter).bind(2, static_cast<std::int64_t>(limit));
    std::vector<Delivery> out;
    while (s.step()) out.push_back(read_delivery(s));
    return out;
}

std::vector<DisabledEndpoint> DeliveryQueue::disabled_endpoints() {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, "SELECT url, disabled_at, reason FROM endpoints ORDER BY url");
    std::vector<DisabledEndpoint> out;
    while (s.step()) {
        DisabledEndpoint e;
        s.texts(0, {&e.url, &e.disabled_at, &e.reason});
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace retour::tools
