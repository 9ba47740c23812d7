#pragma once
// Orders published as static files, found by order number + email (or postcode) with
// no backend (`retour publish-orders`; the portal's "published" lookup mode).
//
// For each order: k = Argon2id(inputs, salt) where inputs are the normalized order
// number and identifier, and salt is derived from the shop's public key (so two shops
// never share a table of precomputed guesses). The first 16 bytes of k, in hex, name
// the file; the last 32 bytes are the XChaCha20-Poly1305 key of its content, the
// shop-signed order token. Listing the folder reveals nothing; opening a file needs the
// number and the identifier, and each guess costs one slow hash. The token inside is
// then verified like a signed link, so a file cannot be forged either.
//
// File: "RTO1" | 24-byte nonce | ciphertext+tag; the associated data is the file name.
// The plaintext is the token padded with NUL bytes to the next of kPaddingBuckets, so
// a file's size does not tell how many lines (or how long titles) its order has.
//
// What this protects, stated plainly: without the order number AND the e-mail (or
// postcode) nobody learns anything from the folder. With a guess of both, one guess
// costs one Argon2id run (lookup_cost). Order numbers are usually sequential, so the
// identifier is the secret: an e-mail address is hard to guess for a stranger but
// known to anyone who has it; a postcode has few values and is weak. Shops that
// need more use the "endpoint" lookup mode (their server answers, rate-limits, logs).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <array>
#include <string_view>

#include "core/crypto.h"

namespace retour {

enum class LookupIdentifier : std::uint8_t { email, postcode };
const char* to_string(LookupIdentifier id);
std::optional<LookupIdentifier> parse_lookup_identifier(std::string_view text);

// What the shopper types and what the export holds rarely match byte for byte.
// Order number: spaces and a leading '#' dropped, letters upper-cased ("#ab 1001" →
// "AB1001"). Email: trimmed, ASCII lower-cased. Postcode: spaces and '-' dropped,
// upper-cased ("1234 ab" → "1234AB"). Control characters are dropped everywhere.
std::string normalize_order_number(std::string_view text);
std::string normalize_identifier(LookupIdentifier kind, std::string_view text);

// Argon2id cost of one lookup: 3 passes over 32 MiB, ~90 ms in wasm (measured numbers
// in published_order.cpp). Part of the format: changing it changes every file name.
crypto::Argon2Cost lookup_cost();

struct LookupKey {
    std::string file_name;  // 32 hex characters + ".bin"
    crypto::Bytes key;      // 32 bytes
};
// nullopt when the public key is not 32 bytes or a normalized input is empty.
std::optional<LookupKey> derive_lookup_key(const crypto::Bytes& public_key, std::string_view order_number,
                                           LookupIdentifier kind, std::string_view identifier,
                                           crypto::Argon2Cost cost = lookup_cost());

// Token sizes the plaintext is padded to (bytes): an order of 1 to ~12 lines fills
// the first; beyond the last, whole multiples of it.
inline constexpr std::array<std::size_t, 3> kPaddingBuckets = {4096, 16384, 65536};
std::size_t padded_size(std::size_t token_size);

// `nonce`: 24 random bytes from the caller (the core draws no random numbers).
crypto::Bytes seal_published_order(const LookupKey& key, std::string_view order_token,
                                   const crypto::Bytes& nonce);

struct OpenedOrder {
    std::string token;  // the signed order token; verify it with verify_token
    std::string error;  // empty on success
    bool ok() const { return error.empty(); }
};
OpenedOrder open_published_order(const LookupKey& key, const std::uint8_t* data, std::size_t size);

}  // namespace retour
