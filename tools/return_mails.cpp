#include "tools/return_mails.h"

#include "core/i18n/locale.h"
#include "core/label/label.h"
#include "core/label/label_json.h"
#include "core/return_mail.h"

namespace retour::tools {

namespace {

OutgoingMail outgoing(const std::string& to, const MailContent& c) { return OutgoingMail{to, c.subject, c.text, c.html, {}, {}, {}}; }

}  // namespace

std::vector<QueuedMail> intake_mails(const Policy& policy, const std::string& policy_text, const ReturnRequest& r,
                                     const std::string& status, const std::string& status_url_template,
                                     const std::string& merchant, std::int64_t now_ms) {
    std::vector<QueuedMail> out;
    const std::string link = status_link(status_url_template, r.id);
    if (!r.shopper.email.empty()) {
        OutgoingMail m = outgoing(r.shopper.email, confirmation_mail(policy, r, link, i18n::parse_locale(r.locale)));
        // The same label the portal offered, as a PDF (the request was verified, so it renders).
        const auto input = label::label_input_from_json(to_json(r), nlohmann::json::parse(policy_text, nullptr, false));
        if (input.ok()) {
            m.attachment = label::render_label(*input.input, {}).bytes;
            m.attachment_name = "return-label-" + r.rma + ".pdf";
            m.attachment_type = "application/pdf";
        }
        out.push_back({r.id, "confirmation", std::move(m), now_ms});
    }
    if (!merchant.empty()) out.push_back({r.id, "merchant", outgoing(merchant, merchant_notice(policy, r, status, link)), now_ms});
    return out;
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
