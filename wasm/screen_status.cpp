// Before the find screen: loading the policy, or telling the shopper it failed.
#include "wasm/app.h"
#include "wasm/text.h"
#include "wasm/web_services.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_status_screen(App& app) {
    ui::spacer(24);
    if (app.s.screen == Screen::Loading) {
        ui::title(tr("common.loading"));
        return;
    }
    ui::begin_card();
    ui::title(tr("error.title"));
    ui::spacer(4);
    ui::text(tr(web::online() ? "error.policy_failed" : "error.network"));
    ui::spacer(8);
    if (ui::primary_button(tr("common.retry"), "retry")) app.load_policy();
    ui::end_card();
}

}  // namespace retour::app
