#pragma once
// The receiver's SQLite database (WAL). Accepted requests are stored with their lines
// and verification result in one transaction, before the receiver answers 200: a
// request is either fully stored or not at all, and an answered one is on disk.
// Rejected posts are logged in `rejections` without taking the id, so a corrected
// request may reuse it.
//
// Thread-safe: one connection, one mutex (writes are small; SQLite serializes anyway).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace retour::tools {

struct StoredLine {
    std::string line_id, sku, title, variant, reason, sub_reason, resolution, comment;
    std::int64_t quantity = 0;
    std::int64_t paid = 0;  // minor units, from the verified quote
};

struct StoredRequest {
    std::string id, body_sha256, body, rma, order_id, order_number, email, name;
    std::string created_at, received_at, status, verification, currency, remote_ip;
    std::vector<StoredLine> lines;
};

struct Rejection {
    std::string request_id;  // may be empty (unparseable body)
    std::string received_at, remote_ip, body_sha256, detail;
    int http_status = 0;
};

enum class InsertResult { inserted, duplicate, conflict };

class ReturnStore {
public:
    // Throws std::runtime_error naming the file when it cannot be opened or migrated.
    explicit ReturnStore(const std::string& path);
    ~ReturnStore();
    ReturnStore(const ReturnStore&) = delete;
    ReturnStore& operator=(const ReturnStore&) = delete;

    // The body hash of a stored request, if its id is taken.
    std::optional<std::string> body_hash_of(const std::string& id);
    // Atomic: the request and all its lines, or nothing. An id already present gives
    // duplicate (same body hash) or conflict (different body); nothing is written then.
    InsertResult insert(const StoredRequest& request);
    void log_rejection(const Rejection& rejection);
    std::int64_t count_requests();

    // For `retour export`: every stored request with its lines, oldest first.
    std::vector<StoredRequest> all_requests();

private:
    void exec(const char* sql);
    sqlite3* db_ = nullptr;
    std::mutex mutex_;
};

}  // namespace retour::tools
