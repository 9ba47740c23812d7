#include "tools/mail_queue.h"

#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "tools/sqlite_db.h"

namespace retour::tools {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS mails (
  id               INTEGER PRIMARY KEY,
  request_id       TEXT NOT NULL,
  kind             TEXT NOT NULL,
  to_addr          TEXT NOT NULL,
  subject          TEXT NOT NULL,
  text             TEXT NOT NULL,
  html             TEXT NOT NULL,
  attachment_name  TEXT NOT NULL DEFAULT '',
  attachment_type  TEXT NOT NULL DEFAULT '',
  attachment       BLOB,
  state            TEXT NOT NULL DEFAULT 'pending',
  attempts         INTEGER NOT NULL DEFAULT 0,
  created_ms       INTEGER NOT NULL,
  next_attempt_ms  INTEGER NOT NULL,
  last_error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS mails_due ON mails (state, next_attempt_ms);
CREATE TABLE IF NOT EXISTS mail_settings (
  status_url  TEXT NOT NULL
);
)sql";

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct Due {
    std::int64_t id = 0, created_ms = 0;
    std::int32_t attempts = 0;
    std::string kind, request_id;
    OutgoingMail mail;
};

std::vector<Due> due_mails(sqlite3* db, std::int64_t now) {
    Statement s(db,
                "SELECT id, created_ms, attempts, kind, request_id, to_addr, subject, text, html, attachment_name,"
                " attachment_type, attachment FROM mails WHERE state = 'pending' AND next_attempt_ms <= ?"
                " ORDER BY next_attempt_ms, id LIMIT 10");
    s.bind(1, now);
    std::vector<Due> out;
    while (s.step()) {
        Due d;
        d.id = s.integer(0);
        d.created_ms = s.integer(1);
        d.attempts = static_cast<std::int32_t>(s.integer(2));
        s.texts(3, {&d.kind, &d.request_id, &d.mail.to, &d.mail.subject, &d.mail.text, &d.mail.html,
                    &d.mail.attachment_name, &d.mail.attachment_type, &d.mail.attachment});
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

void create_mail_tables(sqlite3* db) { exec_sql(db, kSchema); }

void queue_mail(sqlite3* db, const QueuedMail& m) {
    Statement s(db,
                "INSERT INTO mails (request_id, kind, to_addr, subject, text, html, attachment_name, attachment_type,"
                " attachment, created_ms, next_attempt_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, m.request_id).bind(2, m.kind).bind(3, m.mail.to).bind(4, m.mail.subject).bind(5, m.mail.text);
    s.bind(6, m.mail.html).bind(7, m.mail.attachment_name).bind(8, m.mail.attachment_type).bind(9, m.mail.attachment);
    s.bind(10, m.created_ms).bind(11, m.created_ms);
    s.step();
}

void remember_mail_settings(sqlite3* db, const std::optional<std::string>& status_url) {
    in_transaction(db, [&] {
        exec_sql(db, "DELETE FROM mail_settings;");
        if (status_url) {
            Statement s(db, "INSERT INTO mail_settings (status_url) VALUES (?)");
            s.bind(1, *status_url);
            s.step();
        }
        return true;
    });
}

std::optional<std::string> remembered_mail_status_url(sqlite3* db) {
    Statement s(db, "SELECT status_url FROM mail_settings LIMIT 1");
    if (s.step()) return s.text(0);
    return std::nullopt;
}

Mailer::Mailer(const std::string& db_path, MailConfig config) : db_path_(db_path), config_(std::move(config)) {
    thread_ = std::thread([this] { run(); });
}

Mailer::~Mailer() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void Mailer::wake() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void Mailer::run() {
    sqlite3* db = nullptr;
    while (true) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) break;
            woken_ = false;
        }
        try {
            if (!db) db = open_database(db_path_, 10000, create_mail_tables);
            for (const Due& d : due_mails(db, now_ms())) {
                const std::string error = smtp_send(config_, d.mail);
                const std::int64_t done = now_ms();
                const double jitter = randombytes_uniform(1u << 30) / static_cast<double>(1u << 30);
                const NextAttempt next =
                    next_attempt(config_.retry, d.attempts + 1, error.empty() ? 200 : 0, std::nullopt, d.created_ms, done, jitter);
                const char* state = next.step == NextStep::delivered ? "sent" : next.step == NextStep::retry ? "pending" : "failed";
                Statement u(db, "UPDATE mails SET state = ?, attempts = attempts + 1, next_attempt_ms = ?, last_error = ?"
                                " WHERE id = ?");
                u.bind(1, std::string(state)).bind(2, next.at_ms).bind(3, error.substr(0, 500)).bind(4, d.id);
                u.step();
                std::fprintf(stderr, "mail: %s for %s to %s attempt %d: %s\n", d.kind.c_str(), d.request_id.c_str(),
                             d.mail.to.c_str(), d.attempts + 1, error.empty() ? "sent" : (error + ", " + state).c_str());
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "mail: %s\n", e.what());
            sqlite3_close(db);
            db = nullptr;
        }
        // Mails queued by the shell arrive without a wake(): a look every second finds them.
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_ || woken_; });
    }
    sqlite3_close(db);
}

}  // namespace retour::tools
