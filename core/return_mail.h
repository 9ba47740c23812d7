#pragma once
// The e-mails about a return, as text and HTML in the shopper's language (the core
// catalogs), with the shop's name and colour. Pure: the receiver queues and sends them.
//   confirmation_mail  to the shopper once the return is stored: RMA, order, when it was
//                      sent, what is returned, the status link (the label is attached by
//                      the sender)
//   change_mail        to the shopper after each change of the return (return_life.h)
//   merchant_notice    to the shop for each new return (English: the shop's own staff)
#include <string>

#include "core/i18n/locale.h"
#include "core/policy.h"
#include "core/return_life.h"
#include "core/return_request.h"

namespace retour {

struct MailContent {
    std::string subject, text, html;
};

// `url_template` with "{id}" replaced by the request id ("" when there is no template).
std::string status_link(const std::string& url_template, const std::string& request_id);

MailContent confirmation_mail(const Policy& policy, const ReturnRequest& request, const std::string& status_url,
                              i18n::Locale locale);
MailContent change_mail(const Policy& policy, const ReturnRequest& request, const ReturnLife& after,
                        const LifeEvent& change, const std::string& status_url, i18n::Locale locale);
MailContent merchant_notice(const Policy& policy, const ReturnRequest& request, const std::string& status,
                            const std::string& status_url);

}  // namespace retour
