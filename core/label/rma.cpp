#include "core/label/rma.h"

#include <stdexcept>

namespace retour::label {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kCheckAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
constexpr int kCodeBits = 5 * static_cast<int>(kRmaCodeLength);

bool is_prefix_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Crockford decoding of one CODE character, -1 when it is not one.
int code_value(char c, bool lenient) {
    if (lenient) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
    }
    auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char check_symbol(std::uint64_t value) { return kCheckAlphabet[value % 37]; }

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

bool valid_rma_prefix(std::string_view prefix) {
    if (prefix.empty() || prefix.size() > kRmaPrefixMaxLength) return false;
    for (char c : prefix)
        if (!is_prefix_char(c)) return false;
    return true;
}

std::string rma_number(std::string_view prefix, std::string_view request_id) {
    if (!valid_rma_prefix(prefix)) throw std::invalid_argument("invalid RMA prefix");
    // FNV-1a mixes upward (multiplication carries low bits into high ones), so the
    // top bits are the well-mixed ones.
    std::uint64_t value = fnv1a64(request_id) >> (64 - kCodeBits);
    std::string code(kRmaCodeLength, '0');
    std::uint64_t v = value;
    for (std::size_t i = kRmaCodeLength; i-- > 0; v >>= 5) code[i] = kAlphabet[v & 31];
    return std::string(prefix) + "-" + code + check_symbol(value);
}

std::optional<std::string> normalize_rma(std::string_view typed) {
    std::string s;
    for (char c : typed) {
        if (c == ' ') continue;
        s += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    auto dash = s.rfind('-');
    if (dash == std::string::npos || !valid_rma_prefix(std::string_view(s).substr(0, dash))) return std::nullopt;
    std::string_view rest = std::string_view(s).substr(dash + 1);
    if (rest.size() != kRmaCodeLength + 1) return std::nullopt;
    std::uint64_t value = 0;
    std::string out = s.substr(0, dash + 1);
    for (std::size_t i = 0; i < kRmaCodeLength; ++i) {
        int d = code_value(rest[i], true);
        if (d < 0) return std::nullopt;
        value = (value << 5) | static_cast<std::uint64_t>(d);
        out += kAlphabet[static_cast<std::size_t>(d)];
    }
    if (rest.back() != check_symbol(value)) return std::nullopt;
    out += rest.back();
    return out;
}

bool valid_rma(std::string_view rma) {
    auto canonical = normalize_rma(rma);
    return canonical && *canonical == rma;
}

}  // namespace retour::label
