// Labels from a return request: the request's text (names, addresses, titles,
// comments) came from a shopper's browser and ends up in PDF, SVG and ZPL. The first
// byte picks size and format. Invariants: a rejection lists errors with messages; a
// label is never empty and has its media type.
#include <cstddef>
#include <cstdint>

#include "core/label/label.h"
#include "core/label/label_json.h"
#include "tests/fuzz/fuzz_support.h"

using namespace retour;
using namespace retour::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const std::string policy = read_fixture("labels/policy.json");
    static const label::LabelSize sizes[] = {label::LabelSize::four_by_six, label::LabelSize::a6,
                                             label::LabelSize::a4, label::LabelSize::letter};
    static const label::LabelFormat formats[] = {label::LabelFormat::pdf, label::LabelFormat::svg,
                                                 label::LabelFormat::zpl};
    const auto result = label::label_input_from_json_text(as_text(data + 1, size - 1), policy);
    if (!result.ok()) {
        require(!result.errors.empty(), "a rejected label input says why");
        for (const auto& e : result.errors) require(!e.message.empty(), "a label error has a message", e.to_string());
        return 0;
    }
    label::LabelOptions options;
    options.size = sizes[(data[0] >> 2) % 4];
    options.format = formats[data[0] % 3];
    const label::Label l = label::render_label(*result.input, options);
    require(!l.bytes.empty() && !l.media_type.empty(), "a label has bytes and a media type");
    return 0;
}
