#include "core/base64url.h"

namespace retour {

namespace {

constexpr char kUrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kStdAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(char c, const char* alphabet) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == alphabet[62]) return 62;
    if (c == alphabet[63]) return 63;
    return -1;
}

std::string encode(const std::uint8_t* data, std::size_t size, const char* alphabet) {
    std::string out;
    out.reserve((size * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const std::uint32_t n = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    const std::size_t rest = size - i;
    if (rest == 1) {
        const std::uint32_t n = std::uint32_t{data[i]} << 16;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
    } else if (rest == 2) {
        const std::uint32_t n = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
    }
    return out;
}

Base64Decoded decode(std::string_view text, const char* alphabet, const char* name) {
    Base64Decoded result;
    std::size_t end = text.size();
    std::size_t padding = 0;
    while (end > 0 && text[end - 1] == '=') {
        --end;
        ++padding;
    }
    if (padding > 0 && (text.size() % 4 != 0 || padding > 2)) {
        result.error = "wrong '=' padding at character " + std::to_string(end + 1);
        return result;
    }
    if (end % 4 == 1) {
        result.error = "length " + std::to_string(end) + " is impossible for " + name + " (cut off?)";
        return result;
    }
    result.bytes.reserve(end * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const int v = value_of(text[i], alphabet);
        if (v < 0) {
            result.error = "character " + std::to_string(i + 1) + " is not " + name;
            result.bytes.clear();
            return result;
        }
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            result.bytes.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xff));
        }
    }
    // Leftover bits must be zero, so each byte string has exactly one encoding.
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) {
        result.error = "last character " + std::to_string(end) + " carries stray bits (altered?)";
        result.bytes.clear();
    }
    return result;
}

}  // namespace

std::string base64url_encode(const std::uint8_t* data, std::size_t size) { return encode(data, size, kUrlAlphabet); }

Base64Decoded base64url_decode(std::string_view text) { return decode(text, kUrlAlphabet, "base64url"); }

std::string base64_encode(const std::uint8_t* data, std::size_t size) {
    std::string out = encode(data, size, kStdAlphabet);
    while (out.size() % 4) out += '=';
    return out;
}

Base64Decoded base64_decode(std::string_view text) { return decode(text, kStdAlphabet, "base64"); }

}  // namespace retour
