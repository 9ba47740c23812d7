#pragma once
// Each return's life (core/return_life.h) in the receiver's database: one row per
// change, appended and never rewritten.
//   return_history  request_id, seq (1, 2, … per return), type, at, actor, the change's
//                   canonical JSON, when it was recorded. Triggers refuse UPDATE and
//                   DELETE: a mistake is corrected by a later change, never by an edit.
// Opening a database made before the table existed adds it, and gives every stored
// request the history it would have had: requested, then needs_review for those stored
// as "review".
//
// The receiver writes a request's first changes in its insert transaction (ReturnStore);
// the shell (`retour return …`) and `publish-status` use ReturnHistory, a connection of
// their own. A change is checked by the core against the replayed history and written
// with its forwarded event (return.approved, …) in one transaction, for the endpoints
// the receiver last ran with (delivery_queue.h), so the running receiver sends it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/return_life.h"
#include "tools/delivery_queue.h"

struct sqlite3;

namespace retour::tools {

// A stored request with its life replayed.
struct ReturnRecord {
    ReturnRequest request;
    ReturnLife life;
};

// Creates the table and triggers when missing and backfills older requests.
void migrate_history(sqlite3* db);
// In the caller's transaction: `changes` after the ones already stored for the request.
void append_history(sqlite3* db, const std::string& request_id, const std::vector<LifeEvent>& changes,
                    const std::string& recorded_at);
// The request with this id (or, when `or_rma`, RMA number) and its replayed life.
// Throws std::runtime_error when a stored body or change cannot be read back.
std::optional<ReturnRecord> load_return(sqlite3* db, const std::string& id_or_rma, bool or_rma);

// What recording a change did.
struct Recorded {
    bool found = false;                 // no such return: nothing written
    std::optional<LifeRefusal> refusal;  // refused by the core: nothing written
    ReturnRecord record;                 // after the change (or as it was when refused)
    std::size_t forwarded_to = 0;        // endpoints its event is queued for
    std::string mailed_to;               // the shopper, when the receiver sends mail
};

class ReturnHistory {
public:
    // Throws std::runtime_error naming the file when it cannot be opened or migrated.
    explicit ReturnHistory(const std::string& path);
    ~ReturnHistory();
    ReturnHistory(const ReturnHistory&) = delete;
    ReturnHistory& operator=(const ReturnHistory&) = delete;

    std::optional<ReturnRecord> find(const std::string& id_or_rma) { return load_return(db_, id_or_rma, true); }
    // Every stored return, oldest first.
    std::vector<ReturnRecord> all();
    // Checks and appends `change` to the return with this id or RMA, queueing its event.
    Recorded record(const std::string& id_or_rma, const LifeEvent& change, std::int64_t now_ms);

private:
    sqlite3* db_ = nullptr;
};

}  // namespace retour::tools
