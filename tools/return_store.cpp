#include "tools/return_store.h"

#include <sqlite3.h>

#include <stdexcept>

#include "tools/delivery_queue.h"
#include "tools/sqlite_db.h"

namespace retour::tools {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS requests (
  id            TEXT PRIMARY KEY,
  body_sha256   TEXT NOT NULL,
  body          TEXT NOT NULL,
  rma           TEXT NOT NULL,
  order_id      TEXT NOT NULL,
  order_number  TEXT NOT NULL,
  email         TEXT NOT NULL,
  name          TEXT NOT NULL,
  currency      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  received_at   TEXT NOT NULL,
  status        TEXT NOT NULL,
  verification  TEXT NOT NULL,
  remote_ip     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS request_lines (
  request_id  TEXT NOT NULL REFERENCES requests(id),
  line_index  INTEGER NOT NULL,
  line_id     TEXT NOT NULL,
  sku         TEXT NOT NULL,
  title       TEXT NOT NULL,
  variant     TEXT NOT NULL,
  quantity    INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  sub_reason  TEXT NOT NULL,
  resolution  TEXT NOT NULL,
  comment     TEXT NOT NULL,
  paid        INTEGER NOT NULL,
  PRIMARY KEY (request_id, line_index)
);
CREATE TABLE IF NOT EXISTS rejections (
  request_id   TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  remote_ip    TEXT NOT NULL,
  http_status  INTEGER NOT NULL,
  body_sha256  TEXT NOT NULL,
  detail       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS policy_versions (
  hash          TEXT PRIMARY KEY,
  version       TEXT NOT NULL,
  body          TEXT NOT NULL,
  first_served  TEXT NOT NULL,
  last_served   TEXT NOT NULL,
  current       INTEGER NOT NULL DEFAULT 0
);
)sql";

// Columns added after the first release; databases made before get them on open.
struct AddedColumn {
    const char *table, *column, *declaration;
};
const AddedColumn kAddedColumns[] = {
    {"rejections", "error", "TEXT NOT NULL DEFAULT ''"},
    {"rejections", "reason", "TEXT NOT NULL DEFAULT ''"},
    {"rejections", "order_number", "TEXT NOT NULL DEFAULT ''"},
    {"rejections", "rma", "TEXT NOT NULL DEFAULT ''"},
    {"rejections", "policy_version", "TEXT NOT NULL DEFAULT ''"},
    {"rejections", "unlogged_before", "INTEGER NOT NULL DEFAULT 0"},
};

// ---- review counts (issue 14): per-customer key and the reasons a request is in review.
// Kept apart from the columns above so other additions merge cleanly.
const AddedColumn kReviewColumns[] = {
    {"requests", "email_key", "TEXT NOT NULL DEFAULT ''"},
    {"requests", "review_reasons", "TEXT NOT NULL DEFAULT '[]'"},
};
const char* kReviewIndexes = R"sql(
CREATE INDEX IF NOT EXISTS requests_by_order ON requests(order_id);
CREATE INDEX IF NOT EXISTS requests_by_email_key ON requests(email_key);
)sql";
// ---- end of review counts

// At most `max` bytes, cut at a character boundary, "…" marking the cut.
std::string clipped(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t n = max - 3;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n) + "\xE2\x80\xA6";
}

}  // namespace

ReturnStore::ReturnStore(const std::string& path) {
    db_ = open_database(path, 5000, [this](sqlite3* db) {
        db_ = db;
        exec("PRAGMA foreign_keys=ON;");
        exec(kSchema);
        for (const auto& c : kAddedColumns) add_missing_column(c.table, c.column, c.declaration);
        create_delivery_tables(db_);
        migrate_review_counts();
        migrate_history(db_);
        create_mail_tables(db_);
    });
}

void ReturnStore::set_mail(const std::optional<std::string>& status_url) {
    std::lock_guard<std::mutex> lock(mutex_);
    remember_mail_settings(db_, status_url);
}

void ReturnStore::set_forward_endpoints(std::vector<std::string> urls) {
    std::lock_guard<std::mutex> lock(mutex_);
    remember_forward_endpoints(db_, urls);
    forward_endpoints_ = std::move(urls);
}

std::optional<ReturnRecord> ReturnStore::load_return(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return tools::load_return(db_, id, false);
}

ReturnStore::~ReturnStore() {
    statements_.clear();
    sqlite3_close(db_);
}

void ReturnStore::exec(const char* sql) { exec_sql(db_, sql); }

void ReturnStore::add_missing_column(const char* table, const char* column, const char* declaration) {
    Statement info(db_, (std::string("PRAGMA table_info(") + table + ")").c_str());
    while (info.step())
        if (info.text(1) == column) return;
    exec((std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + declaration + ";").c_str());
}

void ReturnStore::migrate_review_counts() {
    for (const auto& c : kReviewColumns) add_missing_column(c.table, c.column, c.declaration);
    exec(kReviewIndexes);
    // Rows stored before the key existed: computed here, in C++, the way insert does.
    std::vector<std::pair<std::string, std::string>> missing;
    {
        Statement q(db_, "SELECT id, email FROM requests WHERE email_key = '' AND email != ''");
        while (q.step()) missing.emplace_back(q.text(0), q.text(1));
    }
    for (const auto& [id, email] : missing) {
        Statement u(db_, "UPDATE requests SET email_key = ? WHERE id = ?");
        u.bind(1, normalise_email(email)).bind(2, id);
        u.step();
    }
}

std::optional<std::pair<std::string, std::string>> ReturnStore::status_of(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s = statements_.get(db_, "SELECT status, review_reasons FROM requests WHERE id = ?");
    s.bind(1, id);
    if (s.step()) return std::make_pair(s.text(0), s.text(1));
    return std::nullopt;
}

std::optional<std::string> ReturnStore::body_hash_of(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s = statements_.get(db_, "SELECT body_sha256 FROM requests WHERE id = ?");
    s.bind(1, id);
    if (s.step()) return s.text(0);
    return std::nullopt;
}

InsertResult ReturnStore::insert(const StoredRequest& request, OverReturn* over, const DecideStatus& decide) {
    PendingInsert p{&request, over, &decide, InsertResult::inserted, nullptr};
    inserts_.run(p, [this](const std::vector<PendingInsert*>& batch) { write_batch(batch); });
    if (p.failed) std::rethrow_exception(p.failed);
    return p.result;
}

// One transaction for the whole batch; each request in order, in its own savepoint, so
// it sees the ones before it (ids, units returned, counts) exactly as if they had been
// committed one by one, and a refused or failed one is undone alone. A failure of the
// transaction itself (BEGIN, a savepoint, COMMIT) throws: every caller of the batch gets it.
void ReturnStore::write_batch(const std::vector<PendingInsert*>& batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    run_kept("BEGIN IMMEDIATE");
    try {
        for (PendingInsert* p : batch) {
            run_kept("SAVEPOINT one_request");
            try {
                p->result = insert_in_transaction(*p->request, p->over, *p->decide);
            } catch (...) {
                p->failed = std::current_exception();
            }
            if (p->failed || p->result != InsertResult::inserted) run_kept("ROLLBACK TO one_request");
            run_kept("RELEASE one_request");
        }
        run_kept("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

InsertResult ReturnStore::insert_in_transaction(const StoredRequest& request, OverReturn* over,
                                                const DecideStatus& decide) {
    StoredRequest r = request;
    if (r.email_key.empty()) r.email_key = normalise_email(r.email);
    {
        Statement q = statements_.get(db_, "SELECT body_sha256 FROM requests WHERE id = ?");
        q.bind(1, r.id);
        if (q.step()) return q.text(0) == r.body_sha256 ? InsertResult::duplicate : InsertResult::conflict;
    }
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        Statement q = statements_.get(
            db_,
            "SELECT COALESCE(SUM(l.quantity), 0) FROM request_lines l JOIN requests q ON q.id = l.request_id"
            " WHERE q.order_id = ? AND l.line_id = ?");
        q.bind(1, r.order_id).bind(2, r.lines[i].line_id);
        q.step();
        std::int64_t left = r.lines[i].returnable - q.integer(0);
        // The same order line twice in one request counts twice.
        for (std::size_t k = 0; k < i; ++k)
            if (r.lines[k].line_id == r.lines[i].line_id) left -= r.lines[k].quantity;
        if (r.lines[i].quantity > left) {
            if (over) *over = {i, r.lines[i].quantity, left < 0 ? 0 : left};
            return InsertResult::over_return;
        }
    }
    if (decide) {
        EarlierRequests earlier;
        Statement o = statements_.get(db_, "SELECT COUNT(*) FROM requests WHERE order_id = ?");
        o.bind(1, r.order_id);
        if (o.step()) earlier.same_order = o.integer(0);
        if (!r.email_key.empty()) {
            Statement c = statements_.get(db_, "SELECT COUNT(*) FROM requests WHERE email_key = ?");
            c.bind(1, r.email_key);
            if (c.step()) earlier.same_customer = c.integer(0);
        }
        decide(earlier, r);
    }
    Statement s = statements_.get(
        db_,
        "INSERT INTO requests (id, body_sha256, body, rma, order_id, order_number, email, name, currency,"
        " created_at, received_at, status, verification, remote_ip, email_key, review_reasons)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.id).bind(2, r.body_sha256).bind(3, r.body).bind(4, r.rma).bind(5, r.order_id);
    s.bind(6, r.order_number).bind(7, r.email).bind(8, r.name).bind(9, r.currency).bind(10, r.created_at);
    s.bind(11, r.received_at).bind(12, r.status).bind(13, r.verification).bind(14, r.remote_ip);
    s.bind(15, r.email_key).bind(16, r.review_reasons);
    s.step();
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const StoredLine& l = r.lines[i];
        Statement li = statements_.get(
            db_,
            "INSERT INTO request_lines (request_id, line_index, line_id, sku, title, variant, quantity,"
            " reason, sub_reason, resolution, comment, paid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        li.bind(1, r.id).bind(2, static_cast<std::int64_t>(i)).bind(3, l.line_id).bind(4, l.sku).bind(5, l.title);
        li.bind(6, l.variant).bind(7, l.quantity).bind(8, l.reason).bind(9, l.sub_reason).bind(10, l.resolution);
        li.bind(11, l.comment).bind(12, l.paid);
        li.step();
    }
    if (r.event) queue_event(db_, *r.event, forward_endpoints_);
    if (!r.history.empty()) append_history(db_, r.id, r.history, r.received_at);
    for (const NewEvent& e : r.history_events) queue_event(db_, e, forward_endpoints_);
    for (const QueuedMail& m : r.mails) queue_mail(db_, m);
    return InsertResult::inserted;
}

void ReturnStore::log_rejection(const Rejection& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t kField = 200;  // ids, numbers and versions the sender chose
    Statement s(db_,
                "INSERT INTO rejections (request_id, received_at, remote_ip, http_status, body_sha256, detail, error,"
                " reason, order_number, rma, policy_version, unlogged_before) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, clipped(r.request_id, kField)).bind(2, r.received_at).bind(3, clipped(r.remote_ip, kField));
    s.bind(4, static_cast<std::int64_t>(r.http_status)).bind(5, r.body_sha256).bind(6, clipped(r.detail, kMaxRejectionText));
    s.bind(7, clipped(r.error, kField)).bind(8, clipped(r.reason, kMaxRejectionText)).bind(9, clipped(r.order_number, kField));
    s.bind(10, clipped(r.rma, kField)).bind(11, clipped(r.policy_version, kField)).bind(12, r.unlogged_before);
    s.step();
    Statement trim(db_, "DELETE FROM rejections WHERE rowid <= (SELECT MAX(rowid) FROM rejections) - ?");
    trim.bind(1, rejection_limit_);
    trim.step();
}

void ReturnStore::serve_policy(const StoredPolicy& p, const std::string& now) {
    std::lock_guard<std::mutex> lock(mutex_);
    exec("BEGIN IMMEDIATE;");
    try {
        Statement retire(db_, "UPDATE policy_versions SET last_served = ?, current = 0 WHERE current = 1");
        retire.bind(1, now);
        retire.step();
        Statement add(db_,
                      "INSERT INTO policy_versions (hash, version, body, first_served, last_served, current)"
                      " VALUES (?,?,?,?,?,1) ON CONFLICT(hash) DO UPDATE SET last_served = excluded.last_served,"
                      " current = 1");
        add.bind(1, p.hash).bind(2, p.version).bind(3, p.text).bind(4, now).bind(5, now);
        add.step();
        exec("COMMIT;");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<StoredPolicy> ReturnStore::policies() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<StoredPolicy> out;
    Statement s(db_,
                "SELECT hash, version, body, first_served, last_served, current FROM policy_versions"
                " ORDER BY first_served, hash");
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5) != 0});
    return out;
}

std::vector<StoredRequest> ReturnStore::all_requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<StoredRequest> out;
    Statement s(db_,
                "SELECT id, rma, order_id, order_number, email, name, currency, created_at, received_at, status"
                " FROM requests ORDER BY received_at, id");
    while (s.step()) {
        StoredRequest r;
        s.texts(0, {&r.id, &r.rma, &r.order_id, &r.order_number, &r.email, &r.name, &r.currency, &r.created_at,
                    &r.received_at, &r.status});
        out.push_back(std::move(r));
    }
    for (auto& r : out) {
        Statement l(db_,
                    "SELECT line_id, sku, title, variant, quantity, reason, sub_reason, resolution, comment, paid"
                    " FROM request_lines WHERE request_id = ? ORDER BY line_index");
        l.bind(1, r.id);
        while (l.step()) {
            StoredLine x;
            l.texts(0, {&x.line_id, &x.sku, &x.title, &x.variant});
            x.quantity = l.integer(4);
            l.texts(5, {&x.reason, &x.sub_reason, &x.resolution, &x.comment});
            x.paid = l.integer(9);
            r.lines.push_back(std::move(x));
        }
    }
    return out;
}

std::optional<std::string> ReturnStore::body_of(const std::string& id_or_rma) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement s(db_, "SELECT body FROM requests WHERE id = ?1 OR rma = ?1 ORDER BY id = ?1 DESC LIMIT 1");
    s.bind(1, id_or_rma);
    if (s.step()) return s.text(0);
    return std::nullopt;
}

std::vector<Rejection> ReturnStore::all_rejections() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<Rejection> out;
    Statement s(db_,
                "SELECT request_id, received_at, remote_ip, body_sha256, detail, http_status, error, reason,"
                " order_number, rma, policy_version, unlogged_before FROM rejections ORDER BY rowid");
    while (s.step()) {
        Rejection r;
        s.texts(0, {&r.request_id, &r.received_at, &r.remote_ip, &r.body_sha256, &r.detail});
        r.http_status = static_cast<int>(s.integer(5));
        s.texts(6, {&r.error, &r.reason, &r.order_number, &r.rma, &r.policy_version});
        r.unlogged_before = s.integer(11);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace retour::tools
