#pragma once
// The receiver's SQLite database as its two users open it (the store of requests and
// the forwarder's delivery queue: one file, two connections), and a prepared
// statement that finalizes itself.
#include <sqlite3.h>

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace retour::tools {

class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
    }
    // A statement kept prepared by a StatementCache: reset for its next use, not finalized.
    Statement(sqlite3* db, sqlite3_stmt* kept) : db_(db), stmt_(kept), kept_(true) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() {
        if (!kept_) {
            sqlite3_finalize(stmt_);
            return;
        }
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    Statement& bind(int i, const std::string& s) {
        sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    std::string text(int col) {
        const auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string();
    }
    std::int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }
    bool is_null(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    // Columns first, first + 1, … into `fields`, in order.
    void texts(int first, std::initializer_list<std::string*> fields) {
        for (std::string* f : fields) *f = text(first++);
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool kept_ = false;
};

// Statements prepared once and reused: preparing (parsing) the same SQL for every
// request cost the receiver more CPU than running it. Not thread-safe: used under the
// owner's lock; one Statement from it per SQL text at a time. clear() before closing.
class StatementCache {
public:
    ~StatementCache() { clear(); }
    Statement get(sqlite3* db, const char* sql) {
        sqlite3_stmt*& kept = kept_[sql];
        if (!kept && sqlite3_prepare_v2(db, sql, -1, &kept, nullptr) != SQLITE_OK) {
            kept = nullptr;
            throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
        }
        return Statement(db, kept);
    }
    void clear() {
        for (auto& [sql, stmt] : kept_) sqlite3_finalize(stmt);
        kept_.clear();
    }

private:
    std::unordered_map<std::string, sqlite3_stmt*> kept_;
};

// Runs SQL without results; throws std::runtime_error("sqlite: …").
inline void exec_sql(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw std::runtime_error("sqlite: " + msg);
    }
}

// Runs `body` between BEGIN IMMEDIATE and COMMIT, or ROLLBACK when it returns false or
// throws (then rethrown): the write happens whole or not at all.
template <class Body>
void in_transaction(sqlite3* db, Body body) {
    exec_sql(db, "BEGIN IMMEDIATE;");
    try {
        exec_sql(db, body() ? "COMMIT;" : "ROLLBACK;");
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

// Opens (creating) the database at `path` in WAL mode with synchronous=FULL, then runs
// `setup` (schema). WAL: readers (export, forward-status) and the forwarder never block
// the receiver for long; FULL: a commit is on disk before the receiver answers 200.
// Throws std::runtime_error naming the file.
template <class Setup>
sqlite3* open_database(const std::string& path, int busy_timeout_ms, Setup setup) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db, busy_timeout_ms);
    try {
        exec_sql(db, "PRAGMA journal_mode=WAL;");
        exec_sql(db, "PRAGMA synchronous=FULL;");
        setup(db);
    } catch (const std::exception& e) {
        sqlite3_close(db);
        throw std::runtime_error("database " + path + ": " + e.what());
    }
    return db;
}

}  // namespace retour::tools
