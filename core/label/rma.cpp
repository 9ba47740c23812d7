#include "core/label/rma.h"

#include <stdexcept>

namespace retour::label {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kLegacyCheckAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
constexpr int kCodeBits = 5 * static_cast<int>(kRmaCodeLength);

bool is_prefix_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Crockford decoding of one character, -1 when it is not one.
int code_value(char c, bool lenient) {
    if (lenient) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
    }
    auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// GF(32) = GF(2)[x] / (x^5 + x^2 + 1); x (= 2) generates its 31 non-zero elements.
int gf32_mul(int a, int b) {
    int product = 0;
    for (; b; b >>= 1) {
        if (b & 1) product ^= a;
        a <<= 1;
        if (a & 32) a ^= 0x25;
    }
    return product;
}

// The Reed-Solomon parity of the code symbols: the remainder of code(x) * x^2 divided
// by g(x) = (x - 2)(x - 4) = x^2 + 6x + 8, computed as the usual division register.
std::string check_characters(const int (&code)[kRmaCodeLength]) {
    int r1 = 0, r0 = 0;
    for (int symbol : code) {
        const int feedback = symbol ^ r1;
        r1 = r0 ^ gf32_mul(feedback, 6);
        r0 = gf32_mul(feedback, 8);
    }
    return {kAlphabet[static_cast<std::size_t>(r1)], kAlphabet[static_cast<std::size_t>(r0)]};
}

char legacy_check_symbol(std::uint64_t value) { return kLegacyCheckAlphabet[value % 37]; }

struct Code {
    int symbols[kRmaCodeLength];
    std::uint64_t value = 0;
    std::string text;
};

Code code_of(std::string_view request_id) {
    // FNV-1a mixes upward (multiplication carries low bits into high ones), so the
    // top bits are the well-mixed ones.
    Code c;
    c.value = fnv1a64(request_id) >> (64 - kCodeBits);
    std::uint64_t v = c.value;
    for (std::size_t i = kRmaCodeLength; i-- > 0; v >>= 5) c.symbols[i] = static_cast<int>(v & 31);
    for (int s : c.symbols) c.text += kAlphabet[static_cast<std::size_t>(s)];
    return c;
}

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
    if (prefix.size() < kRmaPrefixMinLength || prefix.size() > kRmaPrefixMaxLength) return false;
    for (char c : prefix)
        if (!is_prefix_char(c)) return false;
    return true;
}

std::string rma_number(std::string_view prefix, std::string_view request_id) {
    if (!valid_rma_prefix(prefix)) throw std::invalid_argument("invalid RMA prefix");
    const Code c = code_of(request_id);
    return std::string(prefix) + "-" + c.text + check_characters(c.symbols);
}

std::string legacy_rma_number(std::string_view prefix, std::string_view request_id) {
    if (!valid_rma_prefix(prefix)) throw std::invalid_argument("invalid RMA prefix");
    const Code c = code_of(request_id);
    return std::string(prefix) + "-" + c.text + legacy_check_symbol(c.value);
}

bool is_rma_of(std::string_view prefix, std::string_view request_id, std::string_view rma) {
    if (!valid_rma_prefix(prefix)) return false;
    return rma == rma_number(prefix, request_id) || rma == legacy_rma_number(prefix, request_id);
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
    const bool legacy = rest.size() == kRmaCodeLength + 1;
    if (!legacy && rest.size() != kRmaCodeLength + kRmaCheckLength) return std::nullopt;
    int symbols[kRmaCodeLength];
    std::uint64_t value = 0;
    std::string out = s.substr(0, dash + 1);
    for (std::size_t i = 0; i < kRmaCodeLength; ++i) {
        symbols[i] = code_value(rest[i], true);
        if (symbols[i] < 0) return std::nullopt;
        value = (value << 5) | static_cast<std::uint64_t>(symbols[i]);
        out += kAlphabet[static_cast<std::size_t>(symbols[i])];
    }
    if (legacy) {
        // As read before the change: the check symbol itself is not aliased.
        if (rest.back() != legacy_check_symbol(value)) return std::nullopt;
        return out + rest.back();
    }
    const std::string check = check_characters(symbols);
    for (std::size_t i = 0; i < kRmaCheckLength; ++i) {
        const int typed_value = code_value(rest[kRmaCodeLength + i], true);
        if (typed_value < 0 || kAlphabet[static_cast<std::size_t>(typed_value)] != check[i]) return std::nullopt;
    }
    return out + check;
}

bool valid_rma(std::string_view rma) {
    auto canonical = normalize_rma(rma);
    return canonical && *canonical == rma;
}

}  // namespace retour::label
