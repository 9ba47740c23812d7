// Order JSON (the payload of a signed link or a lookup endpoint's answer).
// Invariants: a rejection lists pointed errors; parse → canonical JSON → parse gives
// the same bytes again (what a token signs); the order decides and prices under the
// fixture policy without throwing, refunds never above what was paid.
#include <cstddef>
#include <cstdint>

#include "core/order.h"
#include "core/policy.h"
#include "tests/fuzz/exercise_core.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Policy policy = *parse_policy_text(read_fixture("policy/base.json")).value;
    const Parsed<Order> parsed = parse_order_text(as_text(data, size));
    if (!parsed.ok()) {
        require(!parsed.value.has_value(), "a rejected order has no value");
        require_explained(parsed.errors, "parse_order_text");
        return 0;
    }
    const std::string canonical = canonical_json(*parsed.value);
    const Parsed<Order> again = parse_order_text(canonical);
    require(again.ok(), "the canonical JSON of an order parses", canonical);
    require(canonical_json(*again.value) == canonical, "canonical JSON is a fixed point", canonical);

    const Instant now = *parse_instant("2026-10-20T12:00:00Z");
    for (Resolution r : kResolutions) exercise_core(policy, *parsed.value, now, r);
    return 0;
}
