#pragma once
// Which e-mails a return gets and to whom (core/return_mail.h writes them): on arrival
// a confirmation to the shopper with the label attached and a notice to the shop; after
// each change one to the shopper. In the shopper's language; none without an address.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/return_life.h"
#include "tools/mail_queue.h"

namespace retour::tools {

// To the shopper, with the label; none without an address.
std::optional<QueuedMail> confirmation_for(const Policy& policy, const std::string& policy_text,
                                           const ReturnRequest& request, const std::string& status_url_template,
                                           std::int64_t now_ms);
// To the shop (`merchant`), saying how the return was stored; none without an address.
std::optional<QueuedMail> merchant_notice_for(const Policy& policy, const ReturnRequest& request,
                                              const std::string& status, const std::string& status_url_template,
                                              const std::string& merchant, std::int64_t now_ms);
std::optional<QueuedMail> change_mail_for(const Policy& policy, const ReturnRequest& request, const ReturnLife& after,
                                          const LifeEvent& change, const std::string& status_url_template,
                                          std::int64_t now_ms);

}  // namespace retour::tools
