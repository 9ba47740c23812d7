#include "wasm/update.h"

#include <algorithm>

#include "core/trim.h"
#include "wasm/address_form.h"
#include "wasm/device_returns.h"
#include "wasm/pricing.h"
#include "wasm/return_status.h"

namespace retour::app {

namespace {

LineChoice* choice(AppState& s, const std::string& line_id) {
    for (LineChoice& c : s.lines)
        if (c.line_id == line_id) return &c;
    return nullptr;
}

bool any_selected(const AppState& s) {
    return std::any_of(s.lines.begin(), s.lines.end(), [](const LineChoice& c) { return c.selected; });
}

// The chosen resolution can be confirmed: offered, and priced without errors.
bool resolution_complete(const AppState& s) {
    if (!s.policy || !s.resolution_chosen || !s.policy->resolutions.offers(s.resolution)) return false;
    return quote_for(s, s.resolution).ok();
}

struct Apply {
    AppState& s;
    std::vector<Effect>& effects;

    void operator()(const ToggleLine& a) {
        if (LineChoice* c = choice(s, a.line_id)) c->selected = a.selected;
    }
    void operator()(const SetQuantity& a) {
        if (LineChoice* c = choice(s, a.line_id)) c->quantity = a.quantity;
    }
    void operator()(const PickReason& a) {
        LineChoice* c = choice(s, a.line_id);
        if (!c || c->reason == a.reason) return;
        c->reason = a.reason;
        c->sub_reason.clear();  // sub-reasons belong to their reason
    }
    void operator()(const PickSubReason& a) {
        if (LineChoice* c = choice(s, a.line_id)) c->sub_reason = a.sub_reason;
    }
    void operator()(const SetPhoto& a) {
        if (LineChoice* c = choice(s, a.line_id)) c->photo = a.promised;
    }
    void operator()(const SetComment& a) {
        if (LineChoice* c = choice(s, a.line_id)) c->comment = a.comment;
    }
    void operator()(const PickResolution& a) {
        // One that cannot be chosen (no quote for it) is drawn disabled; a stray click changes nothing.
        if (!s.policy || !s.policy->resolutions.offers(a.resolution) || !can_choose(quote_for(s, a.resolution)))
            return;
        s.resolution = a.resolution;
        s.resolution_chosen = true;
    }
    void operator()(const PickVariant& a) {
        LineChoice* c = choice(s, a.line_id);
        const OrderLine* line = s.order ? s.order->find_line(a.line_id) : nullptr;
        if (!c || !line) return;
        for (const ExchangeVariant& v : line->exchange_variants)
            if (v.sku == a.sku) c->exchange_sku = a.sku;
    }
    void operator()(const PickMethod& a) { s.method = a.method; }
    void operator()(const EditFind& a) {
        s.order_number = a.order_number;
        s.contact = a.contact;
    }
    void operator()(const EditShopper& a) { s.shopper = a.form; }
    void operator()(const SwitchLanguage& a) { s.locale = a.locale; }
    void operator()(const Delivered& a) {
        std::string delivery = "queued";
        Refusal refusal;
        bool review = false;
        switch (a.delivery) {
        case Delivery::delivered:
            delivery = "sent";
            review = answer_needs_review(a.detail);
            break;
        case Delivery::retry: break;
        case Delivery::rejected:
            delivery = "rejected";
            refusal = parse_refusal(a.status, a.detail);
            effects.push_back(EmitEvent{"error", nlohmann::json{{"code", "request_rejected"},
                                                                {"message", "HTTP " + std::to_string(a.status) + ": " + a.detail},
                                                                {"id", a.id}}
                                                     .dump()});
            break;
        }
        // Every return of this device is kept up to date, not only the one on screen.
        effects.push_back(RecordDelivery{a.id, delivery, refusal, review});
        if (a.id != s.request_id) return;
        s.delivery = delivery;
        s.refusal = refusal;
        s.review = review;
        // The shop has it now: its receiver can tell where it stands.
        if (delivery == "sent") effects.push_back(FetchStatus{});
    }
    void operator()(const StatusFetched& a) {
        if (a.id != s.request_id) return;  // the shopper has moved on to another return
        if (a.status == 200) {
            auto doc = nlohmann::json::parse(a.body, nullptr, false);
            if (is_status_document(doc, a.id)) s.status = std::move(doc);
            return;
        }
        // Unknown there (not arrived yet, or a shop without status): no timeline. No
        // answer at all (offline) keeps what was shown.
        if (a.status != 0) s.status = nullptr;
    }
    void operator()(const Confirm&) {
        s.summary_tried = true;
        // The receiver and the label accept only a complete address with an ISO country.
        if (address_problems(s, s.resolution != Resolution::keep_item).empty()) effects.push_back(SubmitReturn{});
    }
    void operator()(const Continue& a) {
        switch (a.from) {
        case Screen::Items:
            if (any_selected(s)) effects.push_back(ShowScreen{Screen::Reasons});
            break;
        case Screen::Reasons:
            s.reasons_tried = true;
            if (reasons_complete(s)) effects.push_back(ShowScreen{Screen::Resolution});
            break;
        case Screen::Resolution:
            s.resolution_tried = true;
            if (resolution_complete(s)) effects.push_back(ShowScreen{Screen::Summary});
            break;
        default: break;
        }
    }
    // The shell's actions (App::apply_actions) reach the page; update() leaves them.
    template <class ShellAction>
    void operator()(const ShellAction&) {}
};

}  // namespace

void normalize_choices(AppState& s) {
    if (!s.order) return;
    for (LineChoice& c : s.lines) {
        const int max = returnable_quantity(s, c.line_id);
        if (max <= 0) c.selected = false;
        c.quantity = std::max(1, std::min(c.quantity, std::max(1, max)));
    }
}

bool reasons_complete(const AppState& s) {
    for (const LineChoice& c : s.lines) {
        if (!c.selected) continue;
        const Reason* r = s.policy->find_reason(c.reason);
        if (!r) return false;
        if (r->requires_comment && trim(c.comment).empty()) return false;
        if (r->requires_photo && !c.photo) return false;
    }
    return true;
}

Updated update(AppState s, const Action& action) {
    std::vector<Effect> effects;
    std::visit(Apply{s, effects}, action);
    normalize_choices(s);
    return {std::move(s), std::move(effects)};
}

}  // namespace retour::app
