#pragma once
// Return labels: the one call a shell needs, plus the names of sizes and formats.
//
//   auto input = label_input_from_json(request, policy);      // label_json.h
//   Label label = render_label(*input.input, {LabelSize::a4, LabelFormat::pdf});
//
// Pieces, for callers that need them: rma.h (RMA numbers), code128.h, qr.h,
// layout.h (the drawing as data), writers.h (PDF, SVG, ZPL).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/label/label_input.h"

namespace retour::label {

struct Label {
    std::string bytes;       // the file
    std::string media_type;  // "application/pdf", "image/svg+xml", "application/zpl"
    // Things a person should know: text shortened, characters transliterated
    // (PDF), items left off. Empty for an ordinary label.
    std::vector<std::string> warnings;
};

Label render_label(const LabelInput& input, const LabelOptions& options = {});

// "4x6", "a6", "a4", "letter" and "pdf", "svg", "zpl" (lower case, as on the command line).
std::optional<LabelSize> parse_label_size(std::string_view name);
std::optional<LabelFormat> parse_label_format(std::string_view name);
std::string_view label_size_name(LabelSize size);
std::string_view label_format_name(LabelFormat format);

}  // namespace retour::label
