#include "wasm/confirmation.h"

#include "core/eligibility.h"
#include "core/i18n/i18n.h"
#include "core/quote.h"
#include "core/webhook.h"
#include "wasm/address_form.h"
#include "wasm/pricing.h"

namespace retour::app {

Confirmation confirm(const AppState& s, Instant now) {
    Confirmation c;
    if (!s.policy || !s.order) return c;
    const std::vector<Decision> decisions = evaluate(*s.policy, *s.order, now);
    const Selection selection = selection_of(s, s.resolution);
    const Quote q = quote(*s.policy, *s.order, selection, decisions);
    if (!q.ok()) {
        c.problem = i18n::describe(q.errors.front(), s.locale);
        return c;
    }
    // The receiver and the label accept only a complete address with an ISO country.
    const bool with_address = s.resolution != Resolution::keep_item;
    if (!address_problems(s, with_address).empty()) {
        c.address_incomplete = true;
        return c;
    }
    RequestDraft d;
    d.id = s.attempt_id;
    d.token = s.order_token;
    d.shopper = shopper_of(s.shopper, with_address);
    d.selection = selection;
    d.return_method = s.method;
    d.locale = i18n::locale_tag(s.locale);
    d.created_at = now;
    ReturnRequest request = build_request(*s.policy, *s.order, to_json(q), d);
    request.demo = s.demo;
    c.request_json = to_json(request);
    c.body = webhook_body(request);
    c.record.id = request.id;
    c.record.rma = request.rma;
    c.record.order_number = s.order->number;
    c.record.created_at = format_instant(now);
    c.record.request = c.request_json;
    c.record.draft = draft_json(s);  // on the summary: a refused return comes back there
    c.request = std::move(request);
    return c;
}

}  // namespace retour::app
