#pragma once
// The receiver's SQLite database (WAL). Accepted requests are stored with their lines
// and verification result in one transaction, before the receiver answers 200: a
// request is either fully stored or not at all, and an answered one is on disk.
// Rejected posts are logged in `rejections` without taking the id, so a corrected
// request may reuse it; the log keeps the newest rows (kMaxRejections unless set), so clients that
// are not even authenticated cannot grow the file without limit; hook_handler.h bounds
// the rows a client may add per minute. `policy_versions`
// holds every policy the receiver has served, so requests made under an earlier one
// can still be verified against it (policy_versions.h). A request's event for the
// merchant's endpoints is queued in the same transaction (delivery_queue.h).
//
// Thread-safe: one connection, one mutex. Concurrent inserts share a transaction
// (group_commit.h): each is checked and written in turn inside its own SAVEPOINT, so a
// refused one leaves the others alone, and then one COMMIT (one fsync) stores them all
// before any of their callers returns.
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tools/delivery_queue.h"
#include "tools/group_commit.h"
#include "tools/mail_queue.h"
#include "tools/return_history.h"
#include "tools/sqlite_db.h"
#include "core/review_rules.h"

struct sqlite3;

namespace retour::tools {

struct StoredLine {
    std::string line_id, sku, title, variant, reason, sub_reason, resolution, comment;
    std::int64_t quantity = 0;
    std::int64_t paid = 0;  // minor units, from the verified quote
    std::int64_t returnable = 0;  // the signed order's units left (not stored: the limit)
};

struct StoredRequest {
    std::string id, body_sha256, body, rma, order_id, order_number, email, name;
    std::string created_at, received_at, status, verification, currency, remote_ip;
    std::string email_key;           // normalise_email(email): counts per customer
    std::string review_reasons = "[]";  // JSON array of {code, rule, message}
    std::vector<StoredLine> lines;
    std::optional<NewEvent> event;  // queued for forwarding in the same transaction
    // The return's first changes (intake_events) and the events they forward, if any
    // (return.approved when the policy approves on arrival): written in the same transaction.
    std::vector<LifeEvent> history;
    std::vector<NewEvent> history_events;
    std::vector<QueuedMail> mails;  // confirmation and notice (mail_queue.h), same transaction
};

// How an accepted request is stored, decided inside the insert transaction from what
// is already stored (review_rules.h): sets status and review_reasons.
using DecideStatus = std::function<void(const EarlierRequests&, StoredRequest&)>;

struct Rejection {
    std::string request_id;  // may be empty (unparseable body)
    std::string received_at, remote_ip, body_sha256, detail;
    int http_status = 0;
    std::string error;   // "verification_failed", "origin_not_allowed", …
    std::string reason;  // for the merchant: the first differences, the origin, …
    std::string order_number, rma, policy_version;  // when the body could be read
    std::int64_t unlogged_before = 0;  // refusals from the same client left out of the log since its previous row
};

struct StoredPolicy {
    std::string hash, version, text;
    std::string first_served, last_served;  // when it became / last was the receiver's policy
    bool current = false;
};

inline constexpr std::int64_t kMaxRejections = 10000;
inline constexpr std::size_t kMaxRejectionText = 2000;  // bytes of detail and reason kept

enum class InsertResult { inserted, duplicate, conflict, over_return };

// Why insert() refused a request: its line `index` asks for more than is left.
struct OverReturn {
    std::size_t index = 0;
    std::int64_t requested = 0, left = 0;
};

class ReturnStore {
public:
    // Throws std::runtime_error naming the file when it cannot be opened or migrated.
    explicit ReturnStore(const std::string& path);
    ~ReturnStore();
    ReturnStore(const ReturnStore&) = delete;
    ReturnStore& operator=(const ReturnStore&) = delete;

    // The body hash of a stored request, if its id is taken.
    std::optional<std::string> body_hash_of(const std::string& id);
    // Status and review reasons (JSON) of a stored request, to answer a retry as the first time.
    std::optional<std::pair<std::string, std::string>> status_of(const std::string& id);
    // Atomic: the request and all its lines, or nothing. An id already present gives
    // duplicate (same body hash) or conflict (different body); nothing is written then.
    // Units already stored for the same order line count: a line asking for more than
    // its `returnable` minus those gives over_return (and `over` says which and how many
    // are left). Checked inside the write transaction, so racing posts cannot both win.
    // The request's event, if any, is queued for every forwarding endpoint (set_forward_endpoints).
    // `decide`, if given, runs after those checks with the earlier requests of the same
    // order and customer (email_key) and may change status / review_reasons (and the event).
    // Returns only after the commit that stores it (or, refused, the commit of its batch);
    // throws std::runtime_error when that commit fails (then nothing of the batch is stored).
    InsertResult insert(const StoredRequest& request, OverReturn* over = nullptr, const DecideStatus& decide = {});
    // Also remembered in the database, for changes recorded from the shell (return_history.h).
    void set_forward_endpoints(std::vector<std::string> urls);
    // Remembered for the shell: whether mail is sent, with which status link (mail_queue.h).
    void set_mail(const std::optional<std::string>& status_url);
    // The stored request with this id (not RMA) and its life, for GET /status/<id>.
    std::optional<ReturnRecord> load_return(const std::string& id);
    // Keeps the newest rejection_limit rows; longer texts are cut to kMaxRejectionText bytes.
    void log_rejection(const Rejection& rejection);
    void set_rejection_limit(std::int64_t rows) { rejection_limit_ = rows; }

    // Makes `policy` the current one at `now`: the one current until now gets
    // last_served = now; a policy seen before keeps its first_served.
    void serve_policy(const StoredPolicy& policy, const std::string& now);
    std::vector<StoredPolicy> policies();

    // For `retour export`: every stored request with its lines, oldest first.
    std::vector<StoredRequest> all_requests();
    // The stored message (exact body) of the request with this id or RMA number.
    std::optional<std::string> body_of(const std::string& id_or_rma);
    // Every logged rejection, oldest first.
    std::vector<Rejection> all_rejections();

private:
    // One caller's insert, waiting for (or leading) its batch.
    struct PendingInsert {
        const StoredRequest* request;
        OverReturn* over;
        const DecideStatus* decide;
        InsertResult result = InsertResult::inserted;
        std::exception_ptr failed;  // this request alone failed (its savepoint rolled back)
    };
    void write_batch(const std::vector<PendingInsert*>& batch);
    InsertResult insert_in_transaction(const StoredRequest& request, OverReturn* over, const DecideStatus& decide);
    void exec(const char* sql);
    void run_kept(const char* sql) { statements_.get(db_, sql).step(); }  // no results, statement kept
    void add_missing_column(const char* table, const char* column, const char* declaration);
    void migrate_review_counts();
    sqlite3* db_ = nullptr;
    StatementCache statements_;  // the insert path's statements, under mutex_
    std::mutex mutex_;
    GroupCommit<PendingInsert> inserts_;
    std::int64_t rejection_limit_ = kMaxRejections;
    std::vector<std::string> forward_endpoints_;
};

}  // namespace retour::tools
