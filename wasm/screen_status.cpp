// Before the find screen: loading the policy, or telling the shopper it failed.
#include "wasm/app.h"
#include "wasm/text.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_status_screen(const AppState& s, const View& view, Dispatch& dispatch) {
    ui::spacer(24);
    if (s.screen == Screen::Loading) {
        ui::title(tr("common.loading"));
        return;
    }
    ui::begin_card();
    ui::title(tr("error.title"));
    ui::spacer(4);
    ui::text(tr(view.online ? "error.policy_failed" : "error.network"));
    ui::spacer(8);
    if (ui::primary_button(tr("common.retry"), "retry")) dispatch(RetryPolicy{});
    ui::end_card();
}

}  // namespace retour::app
