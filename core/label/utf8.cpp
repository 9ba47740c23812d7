#include "core/label/utf8.h"

namespace retour::label {

namespace {

// Returns the sequence length announced by a lead byte, 0 when it cannot lead.
std::size_t lead_length(unsigned char b) {
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes one code point at text[i]; sets `length` to the bytes consumed.
char32_t decode_one(std::string_view text, std::size_t i, std::size_t& length) {
    auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t n = lead_length(b0);
    length = 1;
    if (n == 0) return kReplacementChar;
    if (n == 1) return b0;
    if (i + n > text.size()) return kReplacementChar;
    char32_t cp = b0 & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        auto b = static_cast<unsigned char>(text[i + k]);
        if (!is_continuation(b)) return kReplacementChar;
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacementChar;
    length = n;
    return cp;
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        out.push_back(decode_one(text, i, n));
        i += n;
    }
    return out;
}

std::size_t utf8_char_length(std::string_view text, std::size_t i) {
    std::size_t n = 1;
    decode_one(text, i, n);
    return n;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string upper_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : decode_utf8(text)) {
        if (cp >= 'a' && cp <= 'z') cp -= 0x20;
        else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) cp -= 0x20;
        else if (cp == 0xFF) cp = 0x178;
        else if (cp == 0xDF) {
            out += "SS";
            continue;
        }
        append_utf8(out, cp);
    }
    return out;
}

}  // namespace retour::label
