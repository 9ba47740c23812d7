// Published order files (fetched by the portal from a static folder anyone may have
// written to) and the shopper's typed lookup inputs. Invariants: a file that does not
// open gives no token; normalized inputs hold no control characters and
// normalizing twice changes nothing.
#include <cstddef>
#include <cstdint>

#include "core/published_order.h"
#include "tests/fuzz/fuzz_support.h"

using namespace retour;
using namespace retour::fuzz;

namespace {

void check_normalized(const std::string& once, const std::string& twice, const char* what) {
    for (unsigned char c : once) require(c >= 0x20 && c != 0x7f, what, "control character kept: " + once);
    require(once == twice, what, "normalizing twice changed it: " + once + " → " + twice);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The key of order "1001" + "ana@example.com" at the test shop (the seed files
    // were sealed with it); derived once, Argon2id is slow on purpose.
    static const LookupKey key = *derive_lookup_key(shop_key().public_key, "1001", LookupIdentifier::email,
                                                    "ana@example.com");
    const OpenedOrder opened = open_published_order(key, data, size);
    if (!opened.ok()) require(opened.token.empty(), "no token from a file that did not open");

    const std::string_view text = as_text(data, size);
    const std::string number = normalize_order_number(text);
    check_normalized(number, normalize_order_number(number), "normalize_order_number");
    for (LookupIdentifier kind : {LookupIdentifier::email, LookupIdentifier::postcode}) {
        const std::string id = normalize_identifier(kind, text);
        check_normalized(id, normalize_identifier(kind, id), to_string(kind));
    }
    return 0;
}
