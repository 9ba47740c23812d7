// Step 1: which items. Every line as a card: eligible ones selectable with a quantity
// stepper, ineligible ones greyed with the reason in words, review ones marked.
#include "core/i18n/i18n.h"
#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/text.h"
#include "wasm/test_hook.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_items_screen(App& app) {
    AppState& s = app.s;
    const Order& order = *s.order;
    screen_heading(app, 1, "items.title");
    ui::muted(trf("items.order", {{"number", order.number}}).c_str());
    ui::spacer(4);

    bool any_selectable = false, any_selected = false;
    for (LineChoice& c : s.lines) {
        const OrderLine* line = order.find_line(c.line_id);
        const Decision* d = decision_for(s, c.line_id);
        if (!line || !d) continue;
        const int max = returnable_quantity(s, c.line_id);
        const bool selectable = max > 0;
        any_selectable |= selectable;
        if (!selectable) c.selected = false;
        c.quantity = std::max(1, std::min(c.quantity, std::max(1, max)));
        any_selected |= c.selected;

        ImGui::PushID(c.line_id.c_str());
        ui::begin_card(c.selected);
        const std::string id = "line_" + c.line_id;
        const std::string label = line->title + "##select";
        if (!selectable) ImGui::BeginDisabled();
        ui::checkbox(label.c_str(), &c.selected, id.c_str());
        if (!selectable) ImGui::EndDisabled();
        std::string details = line->variant;
        const std::string price = money(Money{line->unit_price, order.currency});
        details += (details.empty() ? "" : " \xC2\xB7 ") + trf("items.unit_price", {{"amount", price}});
        if (line->quantity > 1) details += " \xC2\xB7 " + trf("items.quantity", {}) + " " + std::to_string(line->quantity);
        ui::muted(details.c_str());
        const std::string why = i18n::describe(*d, s.locale, order.currency);
        if (d->status == Status::ineligible) {
            ui::badge(i18n::status_text(d->status, s.locale), IM_COL32(0xF3, 0xF4, 0xF6, 255), ui::palette().muted);
            ui::muted(why.c_str());
        } else if (d->status == Status::review) {
            ui::badge(i18n::status_text(d->status, s.locale), ui::palette().warning_bg, ui::palette().warning_ink);
            ui::muted(why.c_str());
        } else {
            ui::muted(why.c_str());
        }
        mark(("why_" + c.line_id).c_str());
        // "N of M already returned or requested": returned per the signed order, plus
        // units this device sent since (the picker's maximum is what is left).
        const int taken = line->quantity_returned + requested_on_device(s, c.line_id);
        if (taken > 0 && d->status != Status::ineligible) {
            ui::muted(trf("items.already_requested",
                          {{"count", std::to_string(std::min(taken, line->quantity))}, {"total", std::to_string(line->quantity)}})
                          .c_str());
            mark(("taken_" + c.line_id).c_str());
        }
        if (c.selected && max > 1) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr("items.quantity"));
            ImGui::SameLine();
            ui::stepper(&c.quantity, 1, max, ("qty_" + c.line_id).c_str());
        }
        ui::end_card();
        ImGui::PopID();
    }
    if (!any_selectable) {
        ui::notice(tr("items.nothing_selectable"));
        draw_shop_contact(app);
        return;
    }
    ui::spacer(8);
    if (!any_selected) ui::muted(tr("items.nothing_selected"));
    if (ui::primary_button(tr("common.next"), "next", any_selected)) app.go(Screen::Reasons);
}

}  // namespace retour::app
