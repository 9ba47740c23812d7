#include "tools/mail_queue.h"

#include <sqlite3.h>

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

}  // namespace retour::tools
