#pragma once
// E-mail out through libcurl's SMTP: STARTTLS (or smtps://), authentication, and a
// MIME message of a text and an HTML part (multipart/alternative) and an attachment.
//   [X] TLS required for smtp:// (CURLUSESSL_ALL) unless the configuration turned it off
//   [X] check(): connect, EHLO, STARTTLS, AUTH and NOOP, so bad settings fail at startup
//   [ ] one connection per message (a queue of a few mails a minute needs no pooling)
#include <string>

#include "tools/mail_config.h"

namespace retour::tools {

struct OutgoingMail {
    std::string to, subject, text, html;
    std::string attachment_name, attachment_type, attachment;  // no attachment when the name is empty
};

// "" when the server took the message, else what went wrong (for the log and the queue).
std::string smtp_send(const MailConfig& config, const OutgoingMail& mail);
// "" when the server accepts the settings (connection, TLS, login), else why not.
std::string smtp_check(const MailConfig& config);

}  // namespace retour::tools
