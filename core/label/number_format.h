#pragma once
// Numbers in PDF, SVG and ZPL output. Rounded through integers so the bytes are
// the same on every platform (no locale, no printf float formatting).
#include <string>

namespace retour::label {

// `value` with at most `decimals` decimals, trailing zeros dropped: 12.5, 3, -0.25.
std::string format_number(double value, int decimals = 2);

// Printer dots at 203 dpi for a length in mm, rounded to the nearest dot.
int mm_to_dots(double mm);

}  // namespace retour::label
