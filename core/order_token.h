#pragma once
// The order inside a signed token (token.h): verified first, then parsed. The portal
// shows an order only through open_order_token; the receiver re-checks every request
// the same way.
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "core/date.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/token.h"

namespace retour {

struct OpenedOrderToken {
    std::optional<Order> order;  // set when error.ok()
    TokenError error;            // token_invalid_order carries the first error's pointer
    FieldErrors order_errors;    // every problem of the payload, for token_invalid_order
};

OpenedOrderToken open_order_token(std::string_view token, const crypto::Bytes& public_key);
OpenedOrderToken open_order_token(std::string_view token, const Policy& policy);

// token_expired when the signed order carries "exp" and `at` is past it. The portal
// asks at its own clock; the receiver at the request's created_at (a request made in
// time but delivered late is not the shopper's fault).
TokenError check_expiry(const Order& order, Instant at);

// Signs canonical_json(order): the token `retour sign-order` prints.
std::string sign_order(const Order& order, const crypto::Bytes& secret_key);

}  // namespace retour
