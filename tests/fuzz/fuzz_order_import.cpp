// Order exports for `retour publish-orders` (tools/order_import.h): a Shopify CSV or
// our JSON, files a merchant downloads from elsewhere. The first byte picks the
// format (even: CSV, odd: JSON). Invariants: no exception escapes; every error is a
// non-empty message; every imported order is valid in canonical form (parse →
// canonical JSON → parse gives the same bytes), since it is what gets signed.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_support.h"
#include "tools/order_import.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(as_text(data + 1, size - 1));
    const tools::ImportResult result = data[0] % 2 == 0 ? tools::import_shopify_csv(text, "orders.csv")
                                                        : tools::import_orders_json(text, "orders.json");
    for (const std::string& e : result.errors) require(!e.empty(), "an import error has a message");
    for (const tools::ImportedOrder& o : result.orders) {
        const std::string canonical = canonical_json(o.order);
        const Parsed<Order> again = parse_order_text(canonical);
        require(again.ok(), "an imported order is a valid order", canonical + "\n" + (again.errors.empty() ? "" : again.errors[0].text()));
        require(canonical_json(*again.value) == canonical, "canonical JSON is a fixed point", canonical);
    }
    return 0;
}
