#pragma once
// The return's timeline on the done screen: where its status document is (the shop's
// receiver, GET /status/<request id>, or the file `retour publish-status` wrote beside
// a published shop's portal), and the steps to draw from it in the shopper's language.
// No answer (offline, 404, a shop with neither) means no timeline; nothing else changes.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/i18n/locale.h"
#include "core/policy.h"

namespace retour::app {

// "" when the shop has no place for it. `receiver`: the portal posts to the policy's
// webhook (App::posting_enabled), whose origin then serves /status/.
std::string status_url(const Policy& policy, bool receiver, const std::string& request_id, i18n::Locale locale);

// A status document worth showing for `request_id`: an object about that request with events.
bool is_status_document(const nlohmann::json& doc, const std::string& request_id);

struct TimelineStep {
    std::string label;   // the state's name in the current language (tr)
    std::string date;    // the day in the shop's time zone, "" when the document had no time
    std::string amount;  // refunded / store credit, formatted; "" otherwise
    std::string note;    // the shop's words for a rejection or a request for information
};

// Re-labelled from each event's type with the current tr() locale, so switching language
// needs no new request (the document's own labels are in the language it was asked in).
std::vector<TimelineStep> timeline_steps(const nlohmann::json& doc, const Policy& policy);

}  // namespace retour::app
