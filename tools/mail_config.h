#pragma once
// How `retour hook --mail mail.json` sends e-mail, read from a JSON file (no password on
// a command line):
//   {"smtp_url": "smtp://mail.example.com:587",   smtp:// (+ STARTTLS) or smtps://
//    "starttls": true,                            required for smtp:// unless the host is local
//    "username": "returns@shop.example.com", "password_file": "smtp.pass",
//    "ca_file": "my-ca.pem",                      optional: a CA to trust besides the system's
//    "from": "returns@shop.example.com",          the sender
//    "merchant": "orders@shop.example.com",       optional: a notice per new return
//    "status_url": "https://shop.example.com/returns/status?id={id}",  optional: the link
//    "timeout_seconds": 30,
//    "retry": {"first_delay_seconds": 5, …}}     as for forwarding (forward_config.h)
// Files are read relative to the configuration's folder; every problem has its pointer.
#include <cstdint>
#include <string>

#include "core/delivery_schedule.h"
#include "core/json_error.h"

namespace retour::tools {

struct MailConfig {
    std::string smtp_url, username, password, ca_file, from, merchant, status_url;
    bool starttls = true;
    std::int64_t timeout_ms = 30'000;
    RetrySchedule retry;
};

Parsed<MailConfig> read_mail_config(const std::string& path);

}  // namespace retour::tools
