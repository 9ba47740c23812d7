#include "tools/return_mails.h"

#include "core/i18n/locale.h"
#include "core/label/label.h"
#include "core/label/label_json.h"
#include "core/return_mail.h"

namespace retour::tools {

namespace {

OutgoingMail outgoing(const std::string& to, const MailContent& c) { return OutgoingMail{to, c.subject, c.text, c.html, {}, {}, {}}; }

}  // namespace

std::optional<QueuedMail> confirmation_for(const Policy& policy, const std::string& policy_text, const ReturnRequest& r,
                                           const std::string& status_url_template, std::int64_t now_ms) {
    if (r.shopper.email.empty()) return std::nullopt;
    OutgoingMail m = outgoing(r.shopper.email, confirmation_mail(policy, r, status_link(status_url_template, r.id),
                                                                 i18n::parse_locale(r.locale)));
    // The same label the portal offered, as a PDF (a request without an address has none).
    const auto input = label::label_input_from_json(to_json(r), nlohmann::json::parse(policy_text, nullptr, false));
    if (input.ok()) {
        m.attachment = label::render_label(*input.input, {}).bytes;
        m.attachment_name = "return-label-" + r.rma + ".pdf";
        m.attachment_type = "application/pdf";
    }
    return QueuedMail{r.id, "confirmation", std::move(m), now_ms};
}

std::optional<QueuedMail> merchant_notice_for(const Policy& policy, const ReturnRequest& r, const std::string& status,
                                              const std::string& status_url_template, const std::string& merchant,
                                              std::int64_t now_ms) {
    if (merchant.empty()) return std::nullopt;
    return QueuedMail{r.id, "merchant",
                      outgoing(merchant, merchant_notice(policy, r, status, status_link(status_url_template, r.id))), now_ms};
}

std::optional<QueuedMail> change_mail_for(const Policy& policy, const ReturnRequest& r, const ReturnLife& after,
                                          const LifeEvent& change, const std::string& status_url_template,
                                          std::int64_t now_ms) {
    if (r.shopper.email.empty()) return std::nullopt;
    const MailContent c =
        change_mail(policy, r, after, change, status_link(status_url_template, r.id), i18n::parse_locale(r.locale));
    return QueuedMail{r.id, "change", outgoing(r.shopper.email, c), now_ms};
}

}  // namespace retour::tools
