#pragma once
// What the done screen shows for the return on it, decided from the state alone (the
// screen only draws it; the test hook reports it): a registered return, one waiting
// to be sent, and a refused one must not look alike.
#include <string>
#include <vector>

#include "wasm/app_state.h"

namespace retour::app {

struct DoneView {
    const char* icon = "check";       // "check" | "pending" | "refused"
    const char* title_key = "done.title";
    std::string status;               // under the return number, in the current language
    bool status_is_problem = false;   // drawn as an error (refused) or a notice (waiting)
    bool labels = false;              // label downloads offered
    bool resend = false;              // "Correct and send again"
    bool fix_items = false;           // "Change the items": too many units, back to step 1
    std::vector<std::string> next;    // "What happens next", paragraph by paragraph
};

DoneView done_view(const AppState& s, bool online);

}  // namespace retour::app
