#include "tools/mailer.h"

#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "core/delivery_schedule.h"
#include "tools/mail_queue.h"
#include "tools/smtp_client.h"
#include "tools/sqlite_db.h"

namespace retour::tools {

namespace {

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
