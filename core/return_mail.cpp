#include "core/return_mail.h"

#include "core/i18n/catalog.h"
#include "core/i18n/date_format.h"
#include "core/i18n/money_format.h"
#include "core/return_timeline.h"

namespace retour {

namespace {

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// A mail is a list of paragraphs; the HTML one puts them under a bar in the shop's colour.
struct Body {
    std::vector<std::string> paragraphs;
    std::vector<std::string> items;  // a list after the paragraph at items_after
    std::size_t items_after = 0;
    std::string link;
};

MailContent render(const Policy& policy, std::string subject, const Body& b) {
    MailContent m;
    m.subject = std::move(subject);
    const std::string colour = policy.shop.accent_color.empty() ? "#333333" : policy.shop.accent_color;
    m.html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#222\">"
             "<div style=\"background:" + escape_html(colour) + ";color:#fff;padding:12px 16px;font-weight:bold\">" +
             escape_html(policy.shop.name) + "</div><div style=\"padding:16px\">";
    for (std::size_t i = 0; i < b.paragraphs.size(); ++i) {
        m.text += b.paragraphs[i] + "\n\n";
        m.html += "<p>" + escape_html(b.paragraphs[i]) + "</p>";
        if (i + 1 == b.items_after && !b.items.empty()) {
            m.html += "<ul>";
            for (const std::string& item : b.items) {
                m.text += "- " + item + "\n";
                m.html += "<li>" + escape_html(item) + "</li>";
            }
            m.text += "\n";
            m.html += "</ul>";
        }
    }
    if (!b.link.empty()) {
        m.text += b.link + "\n\n";
        m.html += "<p><a href=\"" + escape_html(b.link) + "\" style=\"color:" + escape_html(colour) + "\">" +
                  escape_html(b.link) + "</a></p>";
    }
    m.text += "-- \n" + policy.shop.name + "\n";
    m.html += "</div></body></html>";
    return m;
}

std::string money_text(std::int64_t minor, const std::string& currency, i18n::Locale locale) {
    if (auto c = Currency::from_code(currency)) return i18n::format_money(Money{minor, *c}, locale);
    return std::to_string(minor);
}

}  // namespace

std::string status_link(const std::string& url_template, const std::string& request_id) {
    std::string out = url_template;
    const auto at = out.find("{id}");
    if (at != std::string::npos) out.replace(at, 4, request_id);
    return out;
}

MailContent confirmation_mail(const Policy& policy, const ReturnRequest& r, const std::string& status_url,
                              i18n::Locale locale) {
    using i18n::format;
    Body b;
    b.paragraphs.push_back(format(locale, "mail.greeting", {{"name", r.shopper.name}}));
    b.paragraphs.push_back(format(locale, "mail.confirmation_intro",
                                  {{"shop", policy.shop.name}, {"rma", r.rma}, {"order", r.order.number},
                                   {"date", i18n::format_date(r.created_at.utc_date(), locale)},
                                   {"time", format_instant(r.created_at).substr(11, 5) + " UTC"}}));
    b.paragraphs.push_back(i18n::text(locale, "mail.items_title"));
    b.items_after = b.paragraphs.size();
    for (const RequestLine& l : r.lines)
        b.items.push_back(std::to_string(l.quantity) + " × " + l.title + (l.variant.empty() ? "" : " (" + l.variant + ")"));
    b.paragraphs.push_back(i18n::text(locale, "mail.label_attached"));
    if (!status_url.empty()) b.paragraphs.push_back(i18n::text(locale, "mail.status_link"));
    b.link = status_url;
    return render(policy, format(locale, "mail.confirmation_subject", {{"rma", r.rma}, {"shop", policy.shop.name}}), b);
}

MailContent change_mail(const Policy& policy, const ReturnRequest& r, const ReturnLife& after, const LifeEvent& change,
                        const std::string& status_url, i18n::Locale locale) {
    using i18n::format;
    const std::string state = life_label(after.state, locale);
    Body b;
    b.paragraphs.push_back(format(locale, "mail.greeting", {{"name", r.shopper.name}}));
    b.paragraphs.push_back(format(locale, "mail.change_intro", {{"rma", r.rma}, {"state", state}}));
    if (change.amount)
        b.paragraphs.push_back(format(locale, "mail.amount", {{"amount", money_text(*change.amount, after.facts.currency, locale)}}));
    // Only the notes written to the shopper (return_timeline.h).
    if ((change.type == LifeEventType::rejected || change.type == LifeEventType::info_requested) && !change.note.empty())
        b.paragraphs.push_back(format(locale, "mail.change_note", {{"shop", policy.shop.name}}) + " " + change.note);
    if (!status_url.empty()) b.paragraphs.push_back(i18n::text(locale, "mail.status_link"));
    b.link = status_url;
    return render(policy, format(locale, "mail.change_subject", {{"rma", r.rma}, {"state", state}}), b);
}

MailContent merchant_notice(const Policy& policy, const ReturnRequest& r, const std::string& status,
                            const std::string& status_url) {
    Body b;
    b.paragraphs.push_back("New return " + r.rma + " for order " + r.order.number + " from " + r.shopper.name + " <" +
                           r.shopper.email + ">, made " + format_instant(r.created_at) + ", stored as " + status + ".");
    b.paragraphs.push_back("Items:");
    b.items_after = b.paragraphs.size();
    for (const RequestLine& l : r.lines)
        b.items.push_back(std::to_string(l.quantity) + " × " + l.sku + " " + l.title + " – " + l.reason + ", " +
                          to_string(l.resolution));
    b.paragraphs.push_back("See it with: retour return show " + r.rma + " --db returns.db");
    b.link = status_url;
    return render(policy, "New return " + r.rma + " (" + status + ")", b);
}

}  // namespace retour
