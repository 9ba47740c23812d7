#pragma once
// The receiver's outgoing e-mail, durable in its database beside the requests:
//   mails          one row per message: to, subject, text, HTML, attachment, pending |
//                  sent | failed, attempts, when the next one is due, the last error
//   mail_settings  whether the receiver sends mail and its status link, as it last
//                  started (so `retour return …` in the shell queues the change mail too)
// queue_mail runs inside the caller's transaction, so a stored return and its mails are
// written together; mailer.h sends them.
#include <cstdint>
#include <optional>
#include <string>

#include "tools/smtp_client.h"  // OutgoingMail

struct sqlite3;

namespace retour::tools {

struct QueuedMail {
    std::string request_id, kind;  // kind: confirmation | change | merchant
    OutgoingMail mail;
    std::int64_t created_ms = 0;
};

void create_mail_tables(sqlite3* db);
void queue_mail(sqlite3* db, const QueuedMail& mail);
// The receiver at its start: mail on (with its status link template) or off.
void remember_mail_settings(sqlite3* db, const std::optional<std::string>& status_url);
std::optional<std::string> remembered_mail_status_url(sqlite3* db);  // nullopt: mail is off

}  // namespace retour::tools
