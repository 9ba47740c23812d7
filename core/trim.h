#pragma once
// Whitespace around what a person typed or a file holds (spaces, tabs, line ends):
// one rule for the portal's forms, the core's checks and the CLI's key files.
#include <string_view>

namespace retour {

inline std::string_view trim(std::string_view s) {
    constexpr std::string_view space = " \t\r\n";
    const std::size_t a = s.find_first_not_of(space);
    if (a == std::string_view::npos) return {};
    return s.substr(a, s.find_last_not_of(space) - a + 1);
}

}  // namespace retour
