#include "core/published_order.h"

#include <algorithm>
#include <stdexcept>

namespace retour {

namespace {

constexpr char kMagic[] = "RTO1";
constexpr std::size_t kMagicSize = 4;
constexpr std::size_t kNameBytes = 16;

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || is_control(static_cast<unsigned char>(s.front())))) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || is_control(static_cast<unsigned char>(s.back())))) s.remove_suffix(1);
    return s;
}

}  // namespace

const char* to_string(LookupIdentifier id) { return id == LookupIdentifier::email ? "email" : "postcode"; }

std::optional<LookupIdentifier> parse_lookup_identifier(std::string_view text) {
    if (text == "email") return LookupIdentifier::email;
    if (text == "postcode") return LookupIdentifier::postcode;
    return std::nullopt;
}

std::string normalize_order_number(std::string_view text) {
    std::string out;
    for (char c : trim(text)) {
        if (c == ' ' || is_control(static_cast<unsigned char>(c))) continue;
        if (c == '#' && out.empty()) continue;
        out += upper(c);
    }
    return out;
}

std::string normalize_identifier(LookupIdentifier kind, std::string_view text) {
    std::string out;
    for (char c : trim(text)) {
        if (is_control(static_cast<unsigned char>(c))) continue;
        if (kind == LookupIdentifier::email) {
            out += lower(c);
        } else if (c != ' ' && c != '-') {
            out += upper(c);
        }
    }
    return out;
}

// Measured on the build machine (best of 3, one thread): 3 passes over 32 MiB take
// ~88 ms in wasm under node 20 (portable C) and ~37 ms natively (Debian's libsodium).
// A phone is a few times slower than that desktop figure; an attacker guessing emails
// pays the same per guess. 32 MiB is what a phone's browser grants without trouble.
crypto::Argon2Cost lookup_cost() { return crypto::Argon2Cost{3, 32u << 20}; }

std::optional<LookupKey> derive_lookup_key(const crypto::Bytes& public_key, std::string_view order_number,
                                           LookupIdentifier kind, std::string_view identifier,
                                           crypto::Argon2Cost cost) {
    if (public_key.size() != crypto::kPublicKeySize) return std::nullopt;
    const std::string number = normalize_order_number(order_number);
    const std::string ident = normalize_identifier(kind, identifier);
    if (number.empty() || ident.empty()) return std::nullopt;

    const auto salt_hash = crypto::sha256("retour lookup salt v1\n" + std::string(public_key.begin(), public_key.end()));
    const crypto::Bytes salt(salt_hash.begin(), salt_hash.begin() + crypto::kSaltSize);
    // Newlines separate fields: normalization removed every control character, so the
    // encoding is unambiguous ("12" + "3x" differs from "123" + "x").
    const std::string password = std::string("retour lookup v1\n") + to_string(kind) + "\n" + number + "\n" + ident;
    auto k = crypto::argon2id(password, salt, kNameBytes + crypto::kAeadKeySize, cost);
    if (!k) return std::nullopt;
    LookupKey out;
    out.file_name = crypto::to_hex(k->data(), kNameBytes) + ".bin";
    out.key.assign(k->begin() + kNameBytes, k->end());
    return out;
}

std::size_t padded_size(std::size_t token_size) {
    for (std::size_t bucket : kPaddingBuckets)
        if (token_size <= bucket) return bucket;
    // Beyond the largest bucket (an order of hundreds of lines): whole largest buckets.
    const std::size_t last = kPaddingBuckets.back();
    return (token_size + last - 1) / last * last;
}

crypto::Bytes seal_published_order(const LookupKey& key, std::string_view order_token, const crypto::Bytes& nonce) {
    // NUL bytes up to the bucket: a token is base64url and '.', never NUL, so opening
    // strips them and files written before padding open the same way.
    std::string padded(order_token);
    padded.resize(padded_size(order_token.size()), '\0');
    auto sealed = crypto::aead_seal(padded, key.file_name, nonce, key.key);
    if (!sealed) throw std::invalid_argument("published order: nonce must be 24 bytes, key 32");
    crypto::Bytes out(kMagicSize + nonce.size() + sealed->size());
    std::copy(kMagic, kMagic + kMagicSize, out.begin());
    std::copy(nonce.begin(), nonce.end(), out.begin() + kMagicSize);
    std::copy(sealed->begin(), sealed->end(), out.begin() + static_cast<std::ptrdiff_t>(kMagicSize + nonce.size()));
    return out;
}

OpenedOrder open_published_order(const LookupKey& key, const std::uint8_t* data, std::size_t size) {
    const std::size_t header = kMagicSize + crypto::kAeadNonceSize;
    if (size < header + crypto::kAeadTagSize || std::string_view(reinterpret_cast<const char*>(data), kMagicSize) != kMagic)
        return {{}, "not a published order file (wrong format or cut off)"};
    const crypto::Bytes nonce(data + kMagicSize, data + header);
    auto token = crypto::aead_open(data + header, size - header, key.file_name, nonce, key.key);
    if (!token) return {{}, "the order file does not open with this order number and identifier"};
    const std::size_t end = token->find('\0');
    if (end != std::string::npos) token->resize(end);
    return {std::move(*token), {}};
}

}  // namespace retour
