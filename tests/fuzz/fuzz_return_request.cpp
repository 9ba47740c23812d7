// A return request as the portal posts it (the "data" of a webhook; a shopper's
// browser wrote it). Invariants: a rejection lists pointed errors; parse → canonical
// JSON → parse gives the same bytes; to_selection keeps one line per request line.
#include <cstddef>
#include <cstdint>

#include "core/return_request.h"
#include "tests/fuzz/fuzz_support.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Parsed<ReturnRequest> parsed = parse_return_request_text(as_text(data, size));
    if (!parsed.ok()) {
        require(!parsed.value.has_value(), "a rejected request has no value");
        require_explained(parsed.errors, "parse_return_request_text");
        return 0;
    }
    const ReturnRequest& request = *parsed.value;
    require(valid_request_id(request.id), "an accepted request has a valid id", request.id);
    const std::string canonical = canonical_json(request);
    const Parsed<ReturnRequest> again = parse_return_request_text(canonical);
    require(again.ok(), "the canonical JSON of a request parses", canonical);
    require(canonical_json(*again.value) == canonical, "canonical JSON is a fixed point", canonical);
    require(to_selection(request).lines.size() == request.lines.size(), "one selection line per request line");
    return 0;
}
