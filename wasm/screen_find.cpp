// Step 0: find the order (order number + email or postcode), or the message for a
// signed link that did not open. Demo mode lists its example orders.
#include "core/i18n/i18n.h"
#include "wasm/app.h"
#include "wasm/text.h"
#include "wasm/test_hook.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_find_screen(const AppState& s, const View& view, Dispatch& dispatch) {
    const Policy& p = *s.policy;
    const bool postcode = p.lookup.identifier == "postcode";
    const bool has_form = s.demo || p.lookup.mode == "published" || p.lookup.mode == "endpoint";

    ui::title(tr("find.title"));
    ui::spacer(4);
    std::string problem;
    if (!s.problem.token.ok()) problem = i18n::describe(s.problem.token, s.locale);
    else if (!s.problem.key.empty()) problem = tr(s.problem.key.c_str());

    ui::begin_card();
    if (!has_form) {
        if (!problem.empty()) {
            ui::error(problem.c_str());
            mark("problem");
            ui::spacer(4);
        }
        ui::text(tr("find.link_fallback"));
        mark("link_help");
        ui::end_card();
        draw_shop_contact(s, dispatch);
        draw_device_returns(s, dispatch);
        return;
    }
    ui::muted(tr(postcode ? "find.intro_postcode" : "find.intro_email"));
    ui::spacer(4);
    const bool show_required = s.tried_submit && !s.finding;
    // ImGui edits copies; a change is an action (an active field keeps its own buffer).
    EditFind typed{s.order_number, s.contact};
    bool changed = ui::text_field(tr("find.order_number"), &typed.order_number, "order_number", nullptr,
                                  show_required && s.order_number.empty() ? tr("error.required") : nullptr);
    bool submit = ui::submitted();
    changed |= ui::text_field(tr(postcode ? "find.postcode" : "find.email"), &typed.contact, "email", nullptr,
                              show_required && s.contact.empty() ? tr("error.required") : nullptr);
    submit |= ui::submitted();
    if (changed) dispatch(typed);
    if (!problem.empty()) {
        ui::error(problem.c_str());
        mark("problem");
        if (s.builtin_orders && !s.problem.key.empty()) ui::muted(tr("app.not_found_demo"));
    }
    ui::spacer(4);
    if (ui::primary_button(tr(s.finding ? "find.loading" : "find.button"), "find_order", !s.finding)) submit = true;
    if (submit && !s.finding) dispatch(FindOrder{});
    ui::end_card();
    draw_device_returns(s, dispatch);

    if (s.demo && view.demo_orders && !view.demo_orders->empty()) {
        ui::spacer(12);
        ui::subtitle(tr("app.demo_orders"));
        ui::spacer(2);
        for (const DemoOrder& d : *view.demo_orders) {
            ImGui::PushID(d.number.c_str());
            ui::begin_card();
            ui::subtitle(tr(("app.scenario." + d.scenario).c_str()));
            const std::string who = "#" + d.number + " \xC2\xB7 " + (postcode ? d.postcode : d.email);
            ui::muted(who.c_str());
            const std::string id = "demo_" + d.scenario;
            if (ui::secondary_button(tr("app.use_order"), id.c_str())) dispatch(UseDemoOrder{d.number});
            ui::end_card();
            ImGui::PopID();
        }
    }
}

}  // namespace retour::app
