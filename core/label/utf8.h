#pragma once
// UTF-8 in and out for the label writers. Label text comes from shoppers and
// merchants, so malformed bytes are expected input: they decode to U+FFFD
// (and are then visible on the label as a replacement), never to a crash.
#include <string>
#include <string_view>
#include <vector>

namespace retour::label {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes UTF-8; invalid, overlong or surrogate sequences become U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t cp);

// Upper case for the label's section headings ("Rücksendeart" -> "RÜCKSENDEART"):
// ASCII and Latin-1 letters, "ß" as "SS"; everything else stays as it is.
std::string upper_case(std::string_view text);

// The byte length of the code point starting at text[i] (1 for invalid bytes),
// so text can be cut without splitting a character.
std::size_t utf8_char_length(std::string_view text, std::size_t i);

}  // namespace retour::label
