#include "core/return_timeline.h"

#include "core/i18n/catalog.h"
#include "core/i18n/money_format.h"

namespace retour {

namespace {

std::string key_of(const char* prefix, const char* name) { return std::string(prefix) + name; }

// The amount as the shopper reads it; the bare number when the currency is unknown
// (a stored quote always has one: it was verified).
std::string money_text(std::int64_t minor, const std::string& currency, i18n::Locale locale) {
    if (auto c = Currency::from_code(currency)) return i18n::format_money(Money{minor, *c}, locale);
    return std::to_string(minor);
}

}  // namespace

const char* life_label(LifeEventType type, i18n::Locale locale) {
    return i18n::text(locale, key_of("life.", to_string(type)).c_str());
}

const char* life_label(ReturnState state, i18n::Locale locale) {
    return i18n::text(locale, key_of("life.", to_string(state)).c_str());
}

const char* inspection_label(InspectionResult result, i18n::Locale locale) {
    return i18n::text(locale, key_of("inspection.", to_string(result)).c_str());
}

std::string describe(const LifeRefusal& r, const std::string& currency, i18n::Locale locale) {
    std::vector<i18n::Arg> args;
    if (r.state) args.push_back({"state", life_label(*r.state, locale)});
    if (r.next) args.push_back({"next", life_label(*r.next, locale)});
    if (!r.line.empty()) args.push_back({"line", r.line});
    if (r.at) args.push_back({"at", format_instant(*r.at)});
    if (r.left) args.push_back({"left", money_text(*r.left, currency, locale)});
    return i18n::format(locale, key_of("life_error.", r.code.c_str()).c_str(), args);
}

nlohmann::json status_document(const ReturnRequest& request, const ReturnLife& life, i18n::Locale locale) {
    using nlohmann::json;
    const std::string& currency = life.facts.currency;
    json events = json::array();
    for (const LifeEvent& e : life.events) {
        json x = {{"at", format_instant(e.at)}, {"label", life_label(e.type, locale)}, {"type", to_string(e.type)}};
        if (e.amount) {
            x["amount"] = *e.amount;
            x["amount_text"] = money_text(*e.amount, currency, locale);
        }
        if (!e.inspection.empty()) {
            json lines = json::array();
            for (const LineInspection& i : e.inspection)
                lines.push_back({{"label", inspection_label(i.result, locale)}, {"line_id", i.line_id},
                                 {"result", to_string(i.result)}});
            x["inspection"] = std::move(lines);
        }
        if ((e.type == LifeEventType::rejected || e.type == LifeEventType::info_requested) && !e.note.empty())
            x["note"] = e.note;
        events.push_back(std::move(x));
    }
    return {{"currency", currency},
            {"events", std::move(events)},
            {"id", request.id},
            {"locale", i18n::locale_tag(locale)},
            {"refunded", life.refunded},
            {"rma", request.rma},
            {"state", to_string(life.state)},
            {"state_label", life_label(life.state, locale)},
            {"store_credit_issued", life.store_credit_issued}};
}

}  // namespace retour
