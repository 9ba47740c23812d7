#include "core/order_token.h"

namespace retour {

OpenedOrderToken open_order_token(std::string_view token, const crypto::Bytes& public_key) {
    OpenedOrderToken out;
    VerifiedToken v = verify_token(token, public_key);
    if (!v.error.ok()) {
        out.error = std::move(v.error);
        return out;
    }
    // Signed by the shop, so a broken payload is the shop's bug, not the shopper's:
    // the message says so and points at the field.
    Parsed<Order> parsed = parse_order_text(v.payload);
    if (!parsed.ok()) {
        out.order_errors = std::move(parsed.errors);
        const FieldError first = out.order_errors.empty() ? FieldError{"", "not an order"} : out.order_errors.front();
        out.error = TokenError{"token_invalid_order",
                               "the shop signed an order it cannot use: " + first.text() +
                                   (out.order_errors.size() > 1
                                        ? " (and " + std::to_string(out.order_errors.size() - 1) + " more)"
                                        : ""),
                               first.pointer};
        return out;
    }
    out.order = std::move(parsed.value);
    return out;
}

OpenedOrderToken open_order_token(std::string_view token, const Policy& policy) {
    return open_order_token(token, crypto::Bytes(policy.public_key_bytes.begin(), policy.public_key_bytes.end()));
}

TokenError check_expiry(const Order& order, Instant at) {
    if (!order.expires || !(*order.expires < at)) return {};
    return TokenError{"token_expired",
                      "this return link expired on " + format_instant(*order.expires) + "; ask the shop for a new one",
                      "/exp"};
}

std::string sign_order(const Order& order, const crypto::Bytes& secret_key) {
    return sign_token(canonical_json(order), secret_key);
}

}  // namespace retour
