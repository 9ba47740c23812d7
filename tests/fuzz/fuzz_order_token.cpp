// Signed order tokens, as they arrive in a link (untrusted text). The first byte picks
// what the rest is: 0 = a token as typed/pasted (mostly stops at format/signature),
// else = an order payload that the test shop signs, so the parsing behind a valid
// signature is fuzzed too. Invariants: only the documented codes; an error has a
// message; token_invalid_order lists the payload's pointed errors; an opened order
// re-signs to the same token.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "core/order_token.h"
#include "core/token.h"
#include "tests/fuzz/fuzz_support.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const std::set<std::string> codes = {"token_malformed", "token_truncated", "token_bad_signature",
                                                "token_invalid_order"};
    const std::string_view rest = as_text(data + 1, size - 1);
    // Keys pasted into a policy are untrusted text too.
    (void)decode_public_key(rest);
    (void)decode_secret_key(rest);
    const std::string token = data[0] % 2 == 0 ? std::string(rest) : sign_token(rest, shop_key().secret_key);
    const OpenedOrderToken opened = open_order_token(token, shop_key().public_key);
    if (!opened.error.ok()) {
        require(codes.count(opened.error.code) == 1, "a documented token error code", opened.error.code);
        require(!opened.error.message.empty(), "a token error has a message", opened.error.code);
        require(!opened.order.has_value(), "no order with a token error");
        if (opened.error.code == "token_invalid_order") require_explained(opened.order_errors, "token payload");
        return 0;
    }
    require(opened.order.has_value(), "an opened token has an order");
    // Re-signing the canonical order gives a token that opens to the same order.
    const std::string resigned = sign_order(*opened.order, shop_key().secret_key);
    const OpenedOrderToken again = open_order_token(resigned, shop_key().public_key);
    require(again.error.ok() && canonical_json(*again.order) == canonical_json(*opened.order),
            "a re-signed order opens to the same order");
    return 0;
}
