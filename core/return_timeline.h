#pragma once
// A return's life as people read it, in one of the shopper's languages: the status
// document the receiver serves (GET /status/<request id>) and `retour publish-status`
// writes, and the words for a refused change (return_life.h).
//
// Status document (canonical JSON):
//   {"currency","id","locale","rma","state","state_label",
//    "refunded","store_credit_issued",                 minor units, summed
//    "events":[{"at","label","type",
//               "amount"?, "amount_text"?,             refunded / store credit
//               "inspection"?: [{"label","line_id","result"}],
//               "note"?}]}                             rejected and info_requested only
// Only what the shopper may see: who made a change and the shop's own notes (approvals,
// overrides, closing) stay in the receiver; the notes of a rejection and of a request
// for information are written to the shopper.
#include <string>

#include <nlohmann/json.hpp>

#include "core/i18n/locale.h"
#include "core/return_life.h"

namespace retour {

// "Approved", "Genehmigt", …: the label of a change, and of the state of the same name.
const char* life_label(LifeEventType type, i18n::Locale locale);
const char* life_label(ReturnState state, i18n::Locale locale);
const char* inspection_label(InspectionResult result, i18n::Locale locale);

// The refusal in `locale`, placeholders filled ({left} as money of `currency`).
std::string describe(const LifeRefusal& refusal, const std::string& currency, i18n::Locale locale);

nlohmann::json status_document(const ReturnRequest& request, const ReturnLife& life, i18n::Locale locale);

}  // namespace retour
