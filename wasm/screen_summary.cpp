// Step 4: check the return. Items, fees, bonus and total from core quote(), how it is
// sent back, and the shopper's address for the label (prefilled, editable).
#include "core/i18n/i18n.h"
#include "wasm/address_form.h"
#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/text.h"
#include "wasm/test_hook.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {

void totals_card(const AppState& s, const Quote& q) {
    const QuoteTotals& t = q.totals;
    ui::begin_card();
    ui::subtitle(tr("summary.items"));
    for (const QuoteLine& l : q.lines) {
        const OrderLine* line = s.order->find_line(l.line_id);
        std::string title = line ? line->title : l.line_id;
        if (l.resolution == Resolution::exchange && line)
            if (const ExchangeVariant* v = line->find_variant(l.exchange_sku)) title += " \xE2\x86\x92 " + v->title;
        ui::amount_row(trf("summary.item_line", {{"quantity", std::to_string(l.quantity)}, {"title", title}}).c_str(),
                       money(l.paid));
    }
    ui::separator();
    ui::amount_row(tr("app.items_value"), money(t.paid));
    mark("total_paid");
    const auto fee_row = [](const char* key, const Money& m, const char* id) {
        if (m.minor <= 0) return;
        ui::amount_row(tr(key), money(Money{-m.minor, m.currency}));
        mark(id);
    };
    fee_row("summary.restocking_fee", t.restocking_fees, "fee_restocking");
    fee_row("summary.label_fee", t.label_fee, "fee_label");
    fee_row("summary.handling_fee", t.handling_fee, "fee_handling");
    bool waived = false;
    for (const QuoteLine& l : q.lines) waived |= l.fees_waived;
    if (t.fees.minor == 0 && waived) ui::muted(tr("summary.fees_waived"));
    if (t.bonus.minor > 0) {
        ui::amount_row(tr("summary.bonus"), "+" + money(t.bonus), false, ui::palette().success);
        mark("bonus");
    }
    // Paid back with the refund when the policy says so (core quote.h).
    if (t.original_shipping.minor > 0) {
        ui::amount_row(tr("summary.original_shipping"), "+" + money(t.original_shipping), false, ui::palette().success);
        mark("original_shipping");
    }
    ui::separator();
    switch (s.resolution) {
    case Resolution::store_credit: ui::amount_row(tr("summary.total_store_credit"), money(t.store_credit), true); break;
    case Resolution::gift_card: ui::amount_row(tr("summary.total_gift_card"), money(t.gift_card), true); break;
    case Resolution::exchange:
        // An exchange is not a refund: say whether money goes back, or nothing at all
        // (what the shopper owes follows as "You pay").
        if (t.refund.minor > 0) ui::subtitle(trf("resolution.exchange_we_refund", {{"amount", money(t.refund)}}).c_str());
        else if (t.customer_pays.minor == 0) ui::subtitle(tr("resolution.exchange_same_price"));
        break;
    default: ui::amount_row(tr("summary.total_refund"), money(t.refund), true); break;
    }
    mark("total");
    if (t.customer_pays.minor > 0) {
        ui::amount_row(tr("summary.you_pay"), money(t.customer_pays), true, ui::palette().danger);
        mark("you_pay");
        ui::muted(trf("summary.you_pay_how", {{"shop", s.policy->shop.name}}).c_str());
        mark("you_pay_how");
    }
    ui::end_card();
    if (q.needs_review) ui::notice(tr("summary.review_note"));
}

void method_card(const AppState& s, Dispatch& dispatch) {
    const Policy& p = *s.policy;
    ui::begin_card();
    ui::subtitle(tr("summary.method"));
    struct Option {
        ReturnMethod method;
        const char* key;
        const char* detail;
        bool offered;
    };
    const Option options[] = {
        {ReturnMethod::print_label, "method.print_label", "method.print_label_detail", true},
        {ReturnMethod::drop_off, "method.drop_off", "method.drop_off_detail", !p.labels.qr_payload.empty()},
        {ReturnMethod::prepaid, "method.prepaid", "method.prepaid_detail", !p.labels.prepaid_label_url.empty()},
    };
    for (const Option& o : options) {
        if (!o.offered) continue;
        const std::string id = std::string("method_") + to_string(o.method);
        if (ui::radio(tr(o.key), s.method == o.method, id.c_str())) dispatch(PickMethod{o.method});
        ImGui::Indent(32);
        ui::muted(tr(o.detail));
        mark(id + "_detail");
        ImGui::Unindent(32);
    }
    ui::end_card();
}

}  // namespace

void draw_summary_screen(const AppState& s, Dispatch& dispatch) {
    screen_heading(dispatch, 4, "summary.title");
    const Quote q = quote_for(s, s.resolution);
    if (!q.ok()) {
        ui::error(i18n::describe(q.errors.front(), s.locale).c_str());
        draw_shop_contact(s, dispatch);
        return;
    }
    totals_card(s, q);
    const bool sends_back = s.resolution != Resolution::keep_item;
    if (sends_back) method_card(s, dispatch);
    address_card(s, sends_back, dispatch);
    if (!s.message.empty()) ui::error(s.message.c_str());
    ui::spacer(8);
    if (ui::primary_button(tr("summary.confirm"), "confirm")) dispatch(Confirm{});
}

}  // namespace retour::app
