#include "core/label/label.h"

#include <algorithm>
#include <cstdio>

#include "core/label/layout.h"
#include "core/label/utf8.h"
#include "core/label/writers.h"

namespace retour::label {

namespace {

std::string describe(const Substitution& s) {
    std::string from;
    append_utf8(from, s.from);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(s.from));
    return "PDF font has no \"" + from + "\" (" + code + "): printed as \"" + s.to + "\"";
}

}  // namespace

Label render_label(const LabelInput& input, const LabelOptions& options) {
    Layout layout = layout_label(input, options.size);
    Label label;
    label.warnings = layout.warnings;
    switch (options.format) {
        case LabelFormat::pdf: {
            label.bytes = render_pdf(layout);
            label.media_type = "application/pdf";
            std::vector<char32_t> seen;
            for (const auto& s : pdf_substitutions(layout)) {
                if (std::find(seen.begin(), seen.end(), s.from) != seen.end()) continue;
                seen.push_back(s.from);
                label.warnings.push_back(describe(s));
            }
            break;
        }
        case LabelFormat::svg:
            label.bytes = render_svg(layout);
            label.media_type = "image/svg+xml";
            break;
        case LabelFormat::zpl:
            label.bytes = render_zpl(layout);
            label.media_type = "application/zpl";
            break;
    }
    return label;
}

std::optional<LabelSize> parse_label_size(std::string_view name) {
    if (name == "4x6") return LabelSize::four_by_six;
    if (name == "a6") return LabelSize::a6;
    if (name == "a4") return LabelSize::a4;
    if (name == "letter") return LabelSize::letter;
    return std::nullopt;
}

std::optional<LabelFormat> parse_label_format(std::string_view name) {
    if (name == "pdf") return LabelFormat::pdf;
    if (name == "svg") return LabelFormat::svg;
    if (name == "zpl") return LabelFormat::zpl;
    return std::nullopt;
}

std::string_view label_size_name(LabelSize size) {
    switch (size) {
        case LabelSize::four_by_six: return "4x6";
        case LabelSize::a6: return "a6";
        case LabelSize::a4: return "a4";
        case LabelSize::letter: return "letter";
    }
    return "";
}

std::string_view label_format_name(LabelFormat format) {
    switch (format) {
        case LabelFormat::pdf: return "pdf";
        case LabelFormat::svg: return "svg";
        case LabelFormat::zpl: return "zpl";
    }
    return "";
}

}  // namespace retour::label
