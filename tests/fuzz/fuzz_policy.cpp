// Policy JSON (a merchant's file, and what the portal fetches from the shop's site).
// Invariants: a rejection lists pointed errors; an accepted policy has a sha256 hash
// that annotations do not change, and it decides and prices the fixture order
// without throwing, with refunds never above what was paid.
#include <cstddef>
#include <cstdint>

#include "core/order.h"
#include "core/policy.h"
#include "tests/fuzz/exercise_core.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Order order = *parse_order_text(read_fixture("orders/base.json")).value;
    const Parsed<Policy> parsed = parse_policy_text(as_text(data, size));
    if (!parsed.ok()) {
        require(!parsed.value.has_value(), "a rejected policy has no value");
        require_explained(parsed.errors, "parse_policy_text");
        return 0;
    }
    const Policy& policy = *parsed.value;
    require(policy.hash.size() == 7 + 64 && policy.hash.compare(0, 7, "sha256:") == 0, "policy hash format",
            policy.hash);
    const Parsed<Policy> again = parse_policy(strip_annotations(nlohmann::json::parse(as_text(data, size))));
    require(again.ok(), "a policy without annotations still parses");
    require(again.value->hash == policy.hash, "annotations do not change the hash");

    const Instant now = *parse_instant("2026-10-20T12:00:00Z");
    for (Resolution r : kResolutions) exercise_core(policy, order, now, r);
    return 0;
}
