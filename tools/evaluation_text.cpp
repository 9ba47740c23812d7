#include "tools/evaluation_text.h"

#include "core/i18n/i18n.h"

namespace retour::tools {
namespace {

void row(std::string& out, const std::string& label, const std::string& amount) {
    out += "  " + label + ": " + amount + "\n";
}

void quote_text(std::string& out, const Order& order, const Quote& q, i18n::Locale locale) {
    using i18n::format;
    using i18n::format_money;
    if (!q.ok()) {
        for (const QuoteError& e : q.errors) out += "! " + i18n::describe(e, locale) + "\n";
        return;
    }
    const QuoteTotals& t = q.totals;
    out += std::string(i18n::text(locale, "summary.items")) + "\n";
    for (const QuoteLine& l : q.lines) {
        const OrderLine* line = order.find_line(l.line_id);
        std::string title = line ? line->title : l.line_id;
        if (l.resolution == Resolution::exchange && line)
            if (const ExchangeVariant* v = line->find_variant(l.exchange_sku)) title += " \xE2\x86\x92 " + v->title;
        row(out, format(locale, "summary.item_line", {{"quantity", std::to_string(l.quantity)}, {"title", title}}),
            format_money(l.paid, locale) + " (" + i18n::resolution_text(l.resolution, locale) + ")");
    }
    const auto fee = [&](const char* key, const Money& m) {
        if (m.minor > 0) row(out, i18n::text(locale, key), format_money(Money{-m.minor, m.currency}, locale));
    };
    fee("summary.restocking_fee", t.restocking_fees);
    fee("summary.label_fee", t.label_fee);
    fee("summary.handling_fee", t.handling_fee);
    if (t.bonus.minor > 0) row(out, i18n::text(locale, "summary.bonus"), "+" + format_money(t.bonus, locale));
    // A selection may mix resolutions: each kind of payout that has money in it.
    bool any_total = false;
    const auto total = [&](const char* key, const Money& m) {
        if (m.minor <= 0) return;
        row(out, i18n::text(locale, key), format_money(m, locale));
        any_total = true;
    };
    total("summary.total_refund", t.refund);
    total("summary.total_store_credit", t.store_credit);
    total("summary.total_gift_card", t.gift_card);
    if (!any_total && t.customer_pays.minor == 0) row(out, i18n::text(locale, "summary.total_refund"), format_money(t.refund, locale));
    if (t.customer_pays.minor > 0) row(out, i18n::text(locale, "summary.you_pay"), format_money(t.customer_pays, locale));
    if (q.needs_review) out += std::string(i18n::text(locale, "summary.review_note")) + "\n";
}

}  // namespace

std::string evaluation_text(const Order& order, const std::vector<Decision>& decisions, const Quote* quote,
                            i18n::Locale locale) {
    std::string out;
    for (const Decision& d : decisions) {
        const OrderLine* line = order.find_line(d.line_id);
        std::string head = line ? line->title : d.line_id;
        if (line && !line->variant.empty()) head += " \xC2\xB7 " + line->variant;
        if (line)
            head += " \xC2\xB7 " + i18n::format(locale, "items.unit_price",
                                                {{"amount", i18n::format_money(Money{line->unit_price, order.currency}, locale)}});
        out += head + "\n  " + i18n::status_text(d.status, locale) + ": " + i18n::describe(d, locale, order.currency) + "\n";
    }
    if (quote) {
        out += "\n";
        quote_text(out, order, *quote, locale);
    }
    return out;
}

}  // namespace retour::tools
