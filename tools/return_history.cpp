#include "tools/return_history.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <stdexcept>

#include "core/canonical_json.h"
#include "core/return_event.h"
#include "core/webhook.h"
#include "tools/return_mails.h"
#include "tools/sqlite_db.h"

namespace retour::tools {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS return_history (
  request_id   TEXT NOT NULL REFERENCES requests(id),
  seq          INTEGER NOT NULL,
  type         TEXT NOT NULL,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  body         TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (request_id, seq)
);
CREATE TRIGGER IF NOT EXISTS return_history_no_update BEFORE UPDATE ON return_history
BEGIN SELECT RAISE(ABORT, 'return_history is append-only: record a new change instead'); END;
CREATE TRIGGER IF NOT EXISTS return_history_no_delete BEFORE DELETE ON return_history
BEGIN SELECT RAISE(ABORT, 'return_history is append-only: record a new change instead'); END;
)sql";

// The history a request stored before the table existed would have had.
std::vector<LifeEvent> backfilled(const std::string& created_at, const std::string& received_at,
                                  const std::string& status, const std::string& review_reasons) {
    std::vector<LifeEvent> out;
    LifeEvent requested;
    requested.type = LifeEventType::requested;
    requested.at = parse_instant(created_at).value_or(Instant{});
    requested.actor = "shopper";
    out.push_back(requested);
    if (status != "review") return out;
    LifeEvent review;
    review.type = LifeEventType::needs_review;
    const Instant received = parse_instant(received_at).value_or(requested.at);
    review.at = received < requested.at ? requested.at : received;
    review.actor = "receiver";
    const nlohmann::json reasons = nlohmann::json::parse(review_reasons, nullptr, false);
    if (reasons.is_array())
        for (const auto& r : reasons)
            if (r.is_object() && r.value("code", "") != "") review.codes.push_back(r.value("code", ""));
    out.push_back(review);
    return out;
}

std::string now_text(std::int64_t now_ms) { return format_instant(Instant{now_ms / 1000}); }

// The policy the receiver serves now (policy_versions.h), for the shop's name and colour.
std::optional<Policy> current_policy(sqlite3* db) {
    Statement s(db, "SELECT body FROM policy_versions WHERE current = 1 LIMIT 1");
    if (!s.step()) return std::nullopt;
    Parsed<Policy> p = parse_policy_text(s.text(0));
    return p.ok() ? std::move(p.value) : std::nullopt;
}

}  // namespace

void migrate_history(sqlite3* db) {
    exec_sql(db, kSchema);
    struct Missing {
        std::string id, created_at, received_at, status, reasons;
    };
    std::vector<Missing> missing;
    {
        Statement q(db,
                    "SELECT id, created_at, received_at, status, review_reasons FROM requests r WHERE NOT EXISTS"
                    " (SELECT 1 FROM return_history h WHERE h.request_id = r.id) ORDER BY received_at, id");
        while (q.step()) {
            Missing m;
            q.texts(0, {&m.id, &m.created_at, &m.received_at, &m.status, &m.reasons});
            missing.push_back(std::move(m));
        }
    }
    if (missing.empty()) return;
    in_transaction(db, [&] {
        for (const Missing& m : missing)
            append_history(db, m.id, backfilled(m.created_at, m.received_at, m.status, m.reasons), m.received_at);
        return true;
    });
}

void append_history(sqlite3* db, const std::string& request_id, const std::vector<LifeEvent>& changes,
                    const std::string& recorded_at) {
    Statement last(db, "SELECT COALESCE(MAX(seq), 0) FROM return_history WHERE request_id = ?");
    last.bind(1, request_id);
    last.step();
    std::int64_t seq = last.integer(0);
    for (const LifeEvent& e : changes) {
        Statement s(db,
                    "INSERT INTO return_history (request_id, seq, type, at, actor, body, recorded_at)"
                    " VALUES (?,?,?,?,?,?,?)");
        s.bind(1, request_id).bind(2, ++seq).bind(3, std::string(to_string(e.type))).bind(4, format_instant(e.at));
        s.bind(5, e.actor).bind(6, canonical_dump(to_json(e))).bind(7, recorded_at);
        s.step();
    }
}

std::optional<ReturnRecord> load_return(sqlite3* db, const std::string& id_or_rma, bool or_rma) {
    std::string id, body;
    {
        Statement s(db, or_rma ? "SELECT id, body FROM requests WHERE id = ?1 OR rma = ?1 ORDER BY id = ?1 DESC LIMIT 1"
                               : "SELECT id, body FROM requests WHERE id = ?1");
        s.bind(1, id_or_rma);
        if (!s.step()) return std::nullopt;
        s.texts(0, {&id, &body});
    }
    Parsed<WebhookMessage> msg = parse_webhook_text(body);
    if (!msg.ok()) throw std::runtime_error("stored request " + id + " cannot be read back: " + msg.errors.front().text());
    std::vector<LifeEvent> events;
    Statement h(db, "SELECT seq, body FROM return_history WHERE request_id = ? ORDER BY seq");
    h.bind(1, id);
    while (h.step()) {
        Parsed<LifeEvent> e = parse_life_event(nlohmann::json::parse(h.text(1), nullptr, false));
        if (!e.ok())
            throw std::runtime_error("change " + std::to_string(h.integer(0)) + " of " + id +
                                     " cannot be read back: " + (e.errors.empty() ? "" : e.errors.front().text()));
        events.push_back(std::move(*e.value));
    }
    ReturnRecord record{std::move(msg.value->data), {}};
    Advanced life = replay(life_facts(record.request), events);
    if (!life.ok())
        throw std::runtime_error("the history of " + id + " does not replay: " + life.refusal->message);
    record.life = std::move(life.life);
    return record;
}

ReturnHistory::ReturnHistory(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("no database at " + path + " (the receiver's --db)");
    db_ = open_database(path, 5000, [](sqlite3* db) {
        Statement t(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requests'");
        if (!t.step()) throw std::runtime_error("no stored requests here (is it the receiver's --db?)");
        create_delivery_tables(db);
        create_mail_tables(db);
        migrate_history(db);
    });
}

ReturnHistory::~ReturnHistory() { sqlite3_close(db_); }

std::vector<ReturnRecord> ReturnHistory::all() {
    std::vector<std::string> ids;
    {
        Statement s(db_, "SELECT id FROM requests ORDER BY received_at, id");
        while (s.step()) ids.push_back(s.text(0));
    }
    std::vector<ReturnRecord> out;
    for (const std::string& id : ids)
        if (auto r = load_return(db_, id, false)) out.push_back(std::move(*r));
    return out;
}

Recorded ReturnHistory::record(const std::string& id_or_rma, const LifeEvent& change, std::int64_t now_ms) {
    Recorded out;
    in_transaction(db_, [&] {
        std::optional<ReturnRecord> found = load_return(db_, id_or_rma, true);
        if (!found) return false;
        out.found = true;
        Advanced next = advance(found->life, change);
        out.record = ReturnRecord{std::move(found->request), std::move(next.life)};
        out.refusal = std::move(next.refusal);
        if (out.refusal) return false;  // nothing written
        const ReturnRequest& r = out.record.request;
        append_history(db_, r.id, {change}, now_text(now_ms));
        const std::vector<std::string> endpoints = remembered_forward_endpoints(db_);
        const std::string type = life_event_type(change.type);
        queue_event(db_, NewEvent{type, event_body(type, change.at, return_life_data(r, out.record.life, change)), r.id, now_ms},
                    endpoints);
        out.forwarded_to = endpoints.size();
        if (auto status_url = remembered_mail_status_url(db_))
            if (auto policy = current_policy(db_))
                if (auto mail = change_mail_for(*policy, r, out.record.life, change, *status_url, now_ms)) {
                    queue_mail(db_, *mail);
                    out.mailed_to = mail->mail.to;
                }
        return true;
    });
    return out;
}

}  // namespace retour::tools
