#pragma once
// WinAnsiEncoding (Windows-1252), the encoding of the PDF standard fonts
// Helvetica and Helvetica-Bold. Latin-1 text ("Jørgen Müller-Straße") maps
// one to one; other characters are transliterated ("ł" -> "l", "Ő" -> "O")
// or replaced by "?", and every such change is reported, never silent.
#include <string>
#include <string_view>
#include <vector>

namespace retour::label {

struct Substitution {
    char32_t from;    // the code point that has no WinAnsi byte
    std::string to;   // what was written instead (UTF-8; "" when dropped, e.g. zero-width space)
};

struct WinAnsiText {
    std::string bytes;  // one byte per glyph, WinAnsi codes 0x20..0xFF
    std::vector<Substitution> substitutions;
};

WinAnsiText to_winansi(std::string_view utf8);

// The WinAnsi byte for a code point, or 0 when it has none.
unsigned char winansi_byte(char32_t cp);

// Text in Helvetica (bold or regular) measured with Adobe's AFM widths;
// `winansi` holds bytes as produced by to_winansi.
double helvetica_width_pt(std::string_view winansi, bool bold, double size_pt);

// Convenience for layout: width of UTF-8 text as the PDF writer will set it, in mm.
double text_width_mm(std::string_view utf8, bool bold, double size_pt);

}  // namespace retour::label
