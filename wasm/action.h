#pragma once
// What the shopper does on a screen, as data (lager's actions): screens dispatch these
// while drawing and never write the state; the app applies them after the frame,
// through update() (wasm/update.h) for the choices, or the shell (App) for what needs
// the page (navigation history, network, storage).
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/i18n/locale.h"
#include "core/label/label.h"
#include "core/outbox.h"
#include "core/return_request.h"
#include "wasm/app_state.h"

namespace retour::app {

// --- the shopper's choices: pure, update() ---
struct ToggleLine { std::string line_id; bool selected = false; };
struct SetQuantity { std::string line_id; int quantity = 1; };
struct PickReason { std::string line_id, reason; };
struct PickSubReason { std::string line_id, sub_reason; };
struct SetPhoto { std::string line_id; bool promised = false; };
struct SetComment { std::string line_id, comment; };
struct PickResolution { Resolution resolution = Resolution::refund; };
struct PickVariant { std::string line_id, sku; };
struct PickMethod { ReturnMethod method = ReturnMethod::print_label; };
struct EditFind { std::string order_number, contact; };  // the find screen's fields
struct EditShopper { ShopperForm form; };                // the summary's contact and address
// "Confirm" on the summary: problems show at their fields; it is sent when there are none.
struct Confirm {};
// "Next" on a step: its hints show from now on; it moves on when the step is complete.
struct Continue { Screen from = Screen::Items; };
struct SwitchLanguage { i18n::Locale locale = i18n::Locale::en; };
// The outbox heard back about a request (any of this device's, not only the one shown).
struct Delivered {
    std::string id;
    Delivery delivery = Delivery::retry;
    int status = 0;
    std::string detail;  // the answer's body, or why there was none
};
// The answer to a status request (FetchStatus) for return `id`.
struct StatusFetched {
    std::string id;
    int status = 0;  // 0: no answer (offline)
    std::string body;
};

// --- the shell's: they reach the page (App) ---
struct GoBack {};
struct OpenLink { std::string url; };        // the shop's mail, phone or web page
struct OpenReturn { std::string id; };       // one of this device's returns
struct FindOrder {};                          // look up order_number + contact
struct UseDemoOrder { std::string number; };  // demo mode's example orders
struct RetryPolicy {};                        // the policy did not load: try again
struct DownloadLabel { label::LabelFormat format = label::LabelFormat::pdf; bool print = false; };
struct Resend { bool to_items = false; };     // a refused return: correct it and send again
struct StartOver {};

using Action = std::variant<ToggleLine, SetQuantity, PickReason, PickSubReason, SetPhoto, SetComment,
                            PickResolution, PickVariant, PickMethod, EditFind, EditShopper, Confirm, Continue,
                            SwitchLanguage, Delivered, StatusFetched, GoBack, OpenLink, OpenReturn, FindOrder, UseDemoOrder, RetryPolicy,
                            DownloadLabel, Resend, StartOver>;

// What update() asks the shell to do: data, run after the state is replaced.
struct ShowScreen { Screen screen = Screen::Items; };  // a new step: a history entry, the top of the page
struct SubmitReturn {};  // price, build, store and post the request (App::submit)
// Keep a request's delivery with this device's returns (storage; another tab may share it).
struct RecordDelivery {
    std::string id, delivery;
    Refusal refusal;
    bool review = false;
};
struct EmitEvent { std::string name, detail_json; };  // a DOM event for the host page
struct FetchStatus {};  // ask for the shown return's status document (App::fetch_status)
using Effect = std::variant<ShowScreen, SubmitReturn, RecordDelivery, EmitEvent, FetchStatus>;

// The screens' way to act: actions wait here until the frame is drawn.
class Dispatch {
public:
    void operator()(Action a) { queued_.push_back(std::move(a)); }
    std::vector<Action> take() { return std::exchange(queued_, {}); }

private:
    std::vector<Action> queued_;
};

}  // namespace retour::app
