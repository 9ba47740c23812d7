#include "core/label/text_fit.h"

#include "core/label/utf8.h"
#include "core/label/winansi.h"

namespace retour::label {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool fits(std::string_view text, bool bold, double size_pt, double max_mm) {
    return text_width_mm(text, bold, size_pt) <= max_mm;
}

// Longest prefix (whole characters) of `text` that, followed by `tail`, fits.
std::size_t longest_fitting_prefix(std::string_view text, std::string_view tail, bool bold, double size_pt,
                                   double max_mm) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + utf8_char_length(text, i);
        if (!fits(std::string(text.substr(0, next)) + std::string(tail), bold, size_pt, max_mm)) break;
        best = next;
        i = next;
    }
    return best;
}

std::string trim_trailing_spaces(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

std::string fit_text(std::string_view text, bool bold, double size_pt, double max_mm) {
    if (fits(text, bold, size_pt, max_mm)) return std::string(text);
    std::size_t n = longest_fitting_prefix(text, kEllipsis, bold, size_pt, max_mm);
    return trim_trailing_spaces(std::string(text.substr(0, n))) + std::string(kEllipsis);
}

std::vector<std::string> wrap_text(std::string_view text, bool bold, double size_pt, double max_mm,
                                   std::size_t max_lines) {
    std::vector<std::string> lines;
    std::string current;
    std::size_t i = 0;
    auto flush = [&] {
        lines.push_back(trim_trailing_spaces(current));
        current.clear();
    };
    while (i < text.size()) {
        std::size_t end = text.find(' ', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(i, end - i);
        std::string candidate = current.empty() ? std::string(word) : current + " " + std::string(word);
        if (fits(candidate, bold, size_pt, max_mm)) {
            current = candidate;
        } else if (!current.empty() && fits(word, bold, size_pt, max_mm)) {
            flush();
            current = std::string(word);
        } else {
            // A word wider than a line: break it wherever the line is full.
            if (!current.empty()) flush();
            while (!fits(word, bold, size_pt, max_mm)) {
                std::size_t n = longest_fitting_prefix(word, "", bold, size_pt, max_mm);
                if (n == 0) n = utf8_char_length(word, 0);
                lines.emplace_back(word.substr(0, n));
                word.remove_prefix(n);
            }
            current = std::string(word);
        }
        i = end + 1;
    }
    if (!current.empty() || lines.empty()) flush();
    if (max_lines > 0 && lines.size() > max_lines) {
        lines.resize(max_lines);
        std::string last = lines.back() + std::string(kEllipsis);
        lines.back() = fit_text(last, bold, size_pt, max_mm);
    }
    return lines;
}

}  // namespace retour::label
