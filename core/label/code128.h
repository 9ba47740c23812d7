#pragma once
// Code 128 (ISO/IEC 15417), code sets B and C: printable ASCII, with runs of
// four or more digits packed two per symbol in set C. Output is the module
// pattern, so every writer draws exactly the same bars.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retour::label {

// ISO/IEC 15417 asks for at least 10 modules of quiet zone on each side.
inline constexpr int kCode128QuietZoneModules = 10;
// 2 dots of a 203 dpi thermal printer (0.25 mm): the narrowest bar most printers
// and scanners handle reliably, and an exact dot count so no bar is rounded.
inline constexpr double kDotMm = 25.4 / 203.0;
inline constexpr int kCode128ModuleDots = 2;

struct Code128 {
    std::string data;
    // Symbol values from the start symbol through the check symbol (stop excluded).
    // Starts are 104 (B) and 105 (C); 99 switches to C, 100 to B.
    std::vector<int> symbols;
    // Element widths in modules, bar first and alternating bar/space, start
    // through stop (which ends with its 2-module termination bar).
    std::vector<int> widths;
    int total_modules() const;  // without quiet zones
};

struct Bar {
    int start;  // in modules from the left edge of the start symbol
    int width;  // in modules
};
// The dark elements of `code`, left to right.
std::vector<Bar> code128_bars(const Code128& code);

// nullopt when `data` is empty or holds anything but printable ASCII (0x20..0x7E).
std::optional<Code128> encode_code128(std::string_view data);

// The 6-element pattern of a symbol value 0..105, or the 7-element stop for 106.
std::string_view code128_pattern(int value);

}  // namespace retour::label
