#pragma once
// The shopper's choices turned into the core's Selection and priced with core quote().
// Every amount the portal shows comes from here; nothing is computed in the screens.
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/quote.h"
#include "core/selection.h"
#include "wasm/app_state.h"

namespace retour::app {

// The selected lines with `resolution` for all of them. An exchange carries the
// variants the shopper chose, none picked for them.
Selection selection_of(const AppState& s, Resolution resolution);
Quote quote_for(const AppState& s, Resolution resolution);
// The quote fails only because exchange variants are still to be chosen.
bool only_variants_missing(const Quote& q);
// The shopper may pick the resolution of `q` (fine, or only variants missing).
bool can_choose(const Quote& q);

// The amount in the current locale ("1.234,56 €" in de).
std::string money(const Money& m);

// How much of the line the shopper may send back.
// Units of the line the shopper may still choose: the signed order's, minus units of
// the same order this device already sent or is sending (device returns).
int returnable_quantity(const AppState& s, const std::string& line_id);
int requested_on_device(const AppState& s, const std::string& line_id);
const Decision* decision_for(const AppState& s, const std::string& line_id);

}  // namespace retour::app
