// Step 1: which items. Every line as a card: eligible ones selectable with a quantity
// stepper, ineligible ones greyed with the reason in words, review ones marked.
#include "core/i18n/i18n.h"
#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/view.h"
#include "wasm/text.h"
#include "wasm/test_hook.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_items_screen(const AppState& s, const View& v, Dispatch& dispatch) {
    const Order& order = *s.order;
    screen_heading(dispatch, 1, "items.title");
    ui::muted(trf("items.order", {{"number", order.number}}).c_str());
    ui::spacer(4);

    for (const LineView& l : v.lines) {
        const LineChoice& c = *l.choice;
        const OrderLine* line = l.line;
        const Decision* d = l.decision;
        const int max = l.returnable;
        const bool selectable = max > 0;

        ImGui::PushID(c.line_id.c_str());
        ui::begin_card(c.selected);
        const std::string id = "line_" + c.line_id;
        const std::string label = line->title + "##select";
        if (!selectable) ImGui::BeginDisabled();
        bool selected = c.selected;
        if (ui::checkbox(label.c_str(), &selected, id.c_str())) dispatch(ToggleLine{c.line_id, selected});
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
        if (l.taken > 0 && d->status != Status::ineligible) {
            ui::muted(trf("items.already_requested",
                          {{"count", std::to_string(std::min(l.taken, line->quantity))}, {"total", std::to_string(line->quantity)}})
                          .c_str());
            mark(("taken_" + c.line_id).c_str());
        }
        if (c.selected && max > 1) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr("items.quantity"));
            ImGui::SameLine();
            int quantity = c.quantity;
            if (ui::stepper(&quantity, 1, max, ("qty_" + c.line_id).c_str()))
                dispatch(SetQuantity{c.line_id, quantity});
        }
        ui::end_card();
        ImGui::PopID();
    }
    if (!v.any_selectable) {
        ui::notice(tr("items.nothing_selectable"));
        draw_shop_contact(s, dispatch);
        return;
    }
    ui::spacer(8);
    if (!v.any_selected) ui::muted(tr("items.nothing_selected"));
    if (ui::primary_button(tr("common.next"), "next", v.any_selected)) dispatch(Continue{Screen::Items});
}

}  // namespace retour::app
