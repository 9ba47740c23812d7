#include "wasm/return_status.h"

#include "core/i18n/date_format.h"
#include "core/return_timeline.h"
#include "wasm/pricing.h"
#include "wasm/text.h"

namespace retour::app {

namespace {

// "https://shop.example:8443/hooks/returns?x" → "https://shop.example:8443".
std::string origin_of(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return "";
    const std::size_t end = url.find_first_of("/?#", scheme + 3);
    return url.substr(0, end);
}

// A document from the network may hold anything: a key that is not a string reads as "".
std::string text_of(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string status_url(const Policy& policy, bool receiver, const std::string& request_id, i18n::Locale locale) {
    if (request_id.empty()) return "";
    const std::string lang = i18n::locale_tag(locale);
    if (receiver) {
        const std::string origin = origin_of(policy.webhook.url);
        if (!origin.empty()) return origin + "/status/" + request_id + "?lang=" + lang;
    }
    // Published shops keep their orders in orders/ beside the portal; `retour
    // publish-status --out <site>/status` puts the status files in status/ the same way.
    if (policy.lookup.mode == "published") return "status/" + request_id + "." + lang + ".json";
    return "";
}

bool is_status_document(const nlohmann::json& doc, const std::string& request_id) {
    if (!doc.is_object() || text_of(doc, "id") != request_id) return false;
    const auto events = doc.find("events");
    return events != doc.end() && events->is_array() && !events->empty();
}

std::vector<TimelineStep> timeline_steps(const nlohmann::json& doc, const Policy& policy) {
    std::vector<TimelineStep> out;
    if (!doc.is_object() || !doc.contains("events") || !doc["events"].is_array()) return out;
    Money amount;
    if (auto c = Currency::from_code(text_of(doc, "currency"))) amount.currency = *c;
    for (const nlohmann::json& e : doc["events"]) {
        if (!e.is_object()) continue;
        TimelineStep step;
        const std::string type = text_of(e, "type");
        // A type this portal does not know yet (a newer receiver): the receiver's own label.
        if (auto t = parse_life_event_type(type)) step.label = life_label(*t, locale());
        else step.label = text_of(e, "label").empty() ? type : text_of(e, "label");
        if (auto at = parse_instant(text_of(e, "at")))
            step.date = i18n::format_date(policy.time_zone.local_date(*at), locale());
        if (e.contains("amount") && e["amount"].is_number_integer()) {
            amount.minor = e["amount"].get<std::int64_t>();
            step.amount = money(amount);
        }
        step.note = text_of(e, "note");
        out.push_back(std::move(step));
    }
    return out;
}

}  // namespace retour::app
