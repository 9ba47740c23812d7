#pragma once
// Fitting UTF-8 text into a width, measured as the PDF writer sets it
// (Helvetica metrics). Cuts never split a character.
#include <string>
#include <string_view>
#include <vector>

namespace retour::label {

// The text itself when it fits, else its longest prefix that fits with "…" appended.
std::string fit_text(std::string_view text, bool bold, double size_pt, double max_mm);

// Greedy word wrap into at most `max_lines` lines (0 = unlimited); words longer
// than a line are broken, and a last line that drops text ends in "…".
std::vector<std::string> wrap_text(std::string_view text, bool bold, double size_pt, double max_mm,
                                   std::size_t max_lines = 0);

}  // namespace retour::label
