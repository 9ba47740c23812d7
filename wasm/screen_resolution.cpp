// Step 3: how the shopper gets their money. Each resolution the policy offers, with
// its amount from core quote(); unavailable ones say why (per item when several are
// returned). An exchange asks for each item's variant: none is chosen for the shopper,
// and Continue says what is still missing.
#include <cstdlib>

#include "core/i18n/i18n.h"
#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/text.h"
#include "wasm/test_hook.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {

std::string detail_of(Resolution r, const Quote& q) {
    const QuoteTotals& t = q.totals;
    switch (r) {
    case Resolution::refund: return trf("resolution.refund_detail", {{"amount", money(t.refund)}});
    case Resolution::store_credit: return trf("resolution.store_credit_detail", {{"amount", money(t.store_credit)}});
    case Resolution::gift_card: return trf("resolution.gift_card_detail", {{"amount", money(t.gift_card)}});
    case Resolution::keep_item: return trf("resolution.keep_item_detail", {{"amount", money(t.refund)}});
    case Resolution::exchange:
        if (t.customer_pays.minor > 0) return trf("resolution.exchange_you_pay", {{"amount", money(t.customer_pays)}});
        if (t.refund.minor > 0) return trf("resolution.exchange_we_refund", {{"amount", money(t.refund)}});
        return tr("resolution.exchange_same_price");
    }
    return "";
}

// Why the resolution cannot be chosen; with several items, which item it is about.
std::string why_not(const AppState& s, const QuoteError& e) {
    std::string text = i18n::describe(e, s.locale);
    int selected = 0;
    for (const LineChoice& c : s.lines) selected += c.selected ? 1 : 0;
    constexpr std::string_view prefix = "/lines/";
    if (selected > 1 && e.pointer.compare(0, prefix.size(), prefix) == 0) {
        const Selection sel = selection_of(s, Resolution::refund);
        const size_t index = std::strtoul(e.pointer.c_str() + prefix.size(), nullptr, 10);
        if (index < sel.lines.size())
            if (const OrderLine* line = s.order->find_line(sel.lines[index].line_id)) text = line->title + ": " + text;
    }
    return text;
}

void variant_picker(const AppState& s, Dispatch& dispatch) {
    for (const LineChoice& c : s.lines) {
        if (!c.selected) continue;
        const OrderLine* line = s.order->find_line(c.line_id);
        if (!line || line->exchange_variants.empty()) continue;
        ui::spacer(2);
        ui::muted((std::string(tr("resolution.exchange_pick")) + ": " + line->title).c_str());
        ImGui::Indent(16);
        for (const ExchangeVariant& v : line->exchange_variants) {
            std::string label = v.title;
            const std::int64_t diff = v.price - line->unit_price;
            if (diff > 0) label += "  (+" + money(Money{diff, s.order->currency}) + ")";
            if (diff < 0) label += "  (" + money(Money{diff, s.order->currency}) + ")";
            label += "##" + v.sku;
            if (ui::radio(label.c_str(), c.exchange_sku == v.sku, ("variant_" + c.line_id + "_" + v.sku).c_str()))
                dispatch(PickVariant{c.line_id, v.sku});
        }
        ImGui::Unindent(16);
        if (s.resolution_tried && c.exchange_sku.empty()) {
            ui::error(tr("quote_error.exchange_variant_required"));
            mark("variant_missing_" + c.line_id);
        }
    }
}

}  // namespace

void draw_resolution_screen(const AppState& s, Dispatch& dispatch) {
    screen_heading(dispatch, 3, "resolution.title");
    bool current_available = false;
    for (Resolution r : kResolutions) {
        if (!s.policy->for_currency(s.order->currency).resolutions.offers(r)) continue;  // "currencies" may differ
        const Quote q = quote_for(s, r);
        const bool available = can_choose(q);
        const bool chosen = s.resolution_chosen && s.resolution == r;
        ImGui::PushID(to_string(r));
        ui::begin_card(chosen && available);
        if (!available) ImGui::BeginDisabled();
        const std::string id = std::string("res_") + to_string(r);
        if (ui::radio(i18n::resolution_text(r, s.locale), chosen, id.c_str()) && available)
            dispatch(PickResolution{r});
        if (!available) ImGui::EndDisabled();
        if (available) {
            if (r == Resolution::exchange) ui::muted(tr("resolution.exchange_detail"));
            if (q.ok()) {
                ui::text(detail_of(r, q).c_str());
                mark(("amount_" + std::string(to_string(r))).c_str());
            }
            if (r == Resolution::store_credit && q.totals.bonus.minor > 0) {
                ui::badge(trf("resolution.store_credit_bonus", {{"amount", money(q.totals.bonus)}}).c_str(),
                          ui::palette().accent_soft, ui::palette().accent);
            }
            if (chosen && r == Resolution::exchange) variant_picker(s, dispatch);
            if (chosen) current_available = true;
        } else {
            ui::muted(why_not(s, q.errors.front()).c_str());
            mark("why_not_" + std::string(to_string(r)));
        }
        ui::end_card();
        ImGui::PopID();
    }
    ui::spacer(8);
    if (s.resolution_tried && !current_available) {
        ui::error(tr("resolution.choose"));
        mark("resolution_missing");
    }
    if (ui::primary_button(tr("common.next"), "next")) dispatch(Continue{Screen::Resolution});
}

}  // namespace retour::app
