#include "wasm/confirmation.h"

#include "core/confirm_request.h"
#include "core/i18n/i18n.h"
#include "core/webhook.h"
#include "wasm/address_form.h"
#include "wasm/pricing.h"

namespace retour::app {

Confirmation confirm(const AppState& s, Instant now) {
    Confirmation c;
    if (!s.policy || !s.order) return c;
    // The one confirmation of the core (what `retour make-request` and the tests use);
    // the receiver and the label accept only a complete address with an ISO country.
    const bool with_address = s.resolution != Resolution::keep_item;
    RequestDraft d;
    d.id = s.attempt_id;
    d.token = s.order_token;
    d.shopper = shopper_of(s.shopper, with_address);
    d.selection = selection_of(s, s.resolution);
    d.return_method = s.method;
    d.locale = i18n::locale_tag(s.locale);
    ConfirmOptions options;
    options.demo = s.demo;
    retour::Confirmation confirmed = confirm_request(*s.policy, *s.order, std::move(d), now, options);
    if (!confirmed.quote.ok()) {
        c.problem = i18n::describe(confirmed.quote.errors.front(), s.locale);
        return c;
    }
    if (!confirmed.ok()) {
        c.address_incomplete = true;
        return c;
    }
    ReturnRequest request = std::move(*confirmed.request);
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
