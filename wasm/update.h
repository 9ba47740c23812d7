#pragma once
// The portal's pure transitions (lager's update): the state and an action in, the new
// state and the effects for the shell out. No clock, no page: what they need of the
// world is in the state already (the order's decisions, this device's returns).
#include <vector>

#include "wasm/action.h"
#include "wasm/app_state.h"

namespace retour::app {

struct Updated {
    AppState state;
    std::vector<Effect> effects;
};

Updated update(AppState s, const Action& action);

// The choices made consistent with the order: a line nothing can be returned of is
// not selected, a quantity lies within 1..what is left. Applied by every update and
// when an order opens or a draft is restored (the screens only show the result).
void normalize_choices(AppState& s);

// Whether the reasons step is complete (reason, required sub-reason/comment/photo).
bool reasons_complete(const AppState& s);

}  // namespace retour::app
