#include "core/label/winansi.h"

#include "core/label/utf8.h"

namespace retour::label {

namespace {

// Code points of WinAnsi bytes 0x80..0x9F (0 where the code is undefined).
constexpr char32_t kHigh[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// Latin Extended-A (U+0100..U+017F) without its diacritics. Entries whose
// character is in WinAnsi (Œ œ Š š Ÿ Ž ž) are never consulted.
constexpr const char* kLatinExtendedA[128] = {
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",  // 0100
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",  // 0110
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",  // 0120
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",  // 0130
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "N", "n", "O", "o", "O", "o",  // 0140
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",  // 0150
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",  // 0160
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",  // 0170
};

// A stand-in for a code point outside WinAnsi: ASCII text, "" to drop an
// invisible character, or nullptr when there is no sensible one.
const char* transliterate(char32_t cp) {
    if (cp >= 0x100 && cp <= 0x17F) return kLatinExtendedA[cp - 0x100];
    switch (cp) {
        case 0x218: return "S";  // Ș (Romanian comma below)
        case 0x219: return "s";
        case 0x21A: return "T";
        case 0x21B: return "t";
        case 0x1CD: return "A";
        case 0x1CE: return "a";
        case 0x1E9E: return "SS";  // capital sharp s
        case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0x2043: return "-";
        case 0x2015: return "\xE2\x80\x94";  // horizontal bar -> em dash (in WinAnsi)
        case 0x2032: return "'";
        case 0x2033: return "\"";
        case 0x2044: case 0x2215: return "/";
        case 0x2116: return "No";
        case 0x2190: return "<-";
        case 0x2192: return "->";
        case 0x2713: case 0x2714: return "x";
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD: return "";
        default: break;
    }
    if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000) return " ";
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return " ";  // controls, tabs, newlines
    return nullptr;
}

}  // namespace

unsigned char winansi_byte(char32_t cp) {
    if (cp >= 0x20 && cp < 0x7F) return static_cast<unsigned char>(cp);
    if (cp >= 0xA0 && cp <= 0xFF && cp != 0xAD) return static_cast<unsigned char>(cp);
    for (int i = 0; i < 32; ++i)
        if (kHigh[i] != 0 && kHigh[i] == cp) return static_cast<unsigned char>(0x80 + i);
    return 0;
}

WinAnsiText to_winansi(std::string_view utf8) {
    WinAnsiText out;
    out.bytes.reserve(utf8.size());
    for (char32_t cp : decode_utf8(utf8)) {
        if (unsigned char b = winansi_byte(cp)) {
            out.bytes += static_cast<char>(b);
            continue;
        }
        const char* stand_in = transliterate(cp);
        std::string to = stand_in ? stand_in : "?";
        // A stand-in may itself hold a WinAnsi character (the em dash).
        for (char32_t c : decode_utf8(to)) out.bytes += static_cast<char>(winansi_byte(c));
        out.substitutions.push_back({cp, to});
    }
    return out;
}

}  // namespace retour::label
