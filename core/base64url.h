#pragma once
// Base64url (RFC 4648 §5): the alphabet A–Z a–z 0–9 - _, written without '=' padding
// so a token fits in a URL fragment untouched. Decoding also accepts correct padding
// (Python's urlsafe_b64encode adds it) but nothing else: no spaces, no '+' or '/',
// no stray bits in the last character.
// Standard base64 (RFC 4648 §4: + and /, '=' padded) is what Standard Webhooks uses for
// secrets and signatures; the same strict rules, padding optional when decoding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace retour {

std::string base64url_encode(const std::uint8_t* data, std::size_t size);
inline std::string base64url_encode(const std::vector<std::uint8_t>& bytes) {
    return base64url_encode(bytes.data(), bytes.size());
}
inline std::string base64url_encode(std::string_view text) {
    return base64url_encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

struct Base64Decoded {
    std::vector<std::uint8_t> bytes;
    std::string error;  // empty on success; else what is wrong and at which character
    bool ok() const { return error.empty(); }
    std::string text() const { return std::string(bytes.begin(), bytes.end()); }
};
Base64Decoded base64url_decode(std::string_view text);

std::string base64_encode(const std::uint8_t* data, std::size_t size);
inline std::string base64_encode(const std::vector<std::uint8_t>& bytes) { return base64_encode(bytes.data(), bytes.size()); }
Base64Decoded base64_decode(std::string_view text);

}  // namespace retour
