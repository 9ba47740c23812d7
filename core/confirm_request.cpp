#include "core/confirm_request.h"

#include <stdexcept>

namespace retour {

Confirmation confirm_request(const Policy& policy, const Order& order, RequestDraft draft, Instant now,
                             const ConfirmOptions& options) {
    if (!valid_request_id(draft.id)) throw std::invalid_argument("confirm_request: invalid request id");
    Confirmation c;
    c.quote = quote(policy, order, draft.selection, now);
    if (!options.skip_shopper_check) c.problems = check_shopper(draft.shopper, policy.non_returnable.countries_served);
    if (!c.quote.ok() || !c.problems.empty()) return c;
    draft.created_at = now;
    c.request = build_request(policy, order, to_json(c.quote), draft);
    if (options.demo) c.request->demo = *options.demo;
    return c;
}

}  // namespace retour
