#pragma once
// RMA numbers: what a shopper writes on the parcel, reads to support on the
// phone, and what the Code 128 on the label encodes.
//
//   RMA = PREFIX "-" CODE CHECK          e.g. "NW-X2QBQTCXFB3C"
//
// PREFIX  the merchant's, from the policy: 2 to 6 of A-Z and 0-9 (the policy
//         parser uses valid_rma_prefix, so both agree).
// CODE    10 characters of Crockford base32 (0-9 A-Z without I L O U, so it reads
//         aloud without ambiguity): the top 50 bits of the FNV-1a 64 hash of the
//         request id, most significant first. Same id -> same RMA, on every platform.
//         50 bits keep collisions negligible: ~4 in a million at 100,000 returns.
// CHECK   two characters of the same alphabet: the parity symbols of a Reed-Solomon
//         code over GF(32) (generator (x - a)(x - a^2), a a root of x^5 + x^2 + 1),
//         taking CODE's characters as the field elements 0..31. CODE + CHECK is a
//         codeword of minimum distance 3, so any one or two wrong characters are
//         caught, and with them every swap of two different characters, adjacent or
//         not, check characters included. Only letters and digits: no "*~$=U".
//         The prefix is not covered: it is the merchant's constant, compared directly.
//
// Legacy numbers (made before 2026-12): CODE plus ONE check symbol, Crockford's
// "value modulo 37" in the alphabet extended by * ~ $ = U. They are told apart by
// length (11 characters after the dash, the new ones have 12): a wrong or swapped
// character never turns a new number into a valid old one; a dropped one passes the
// old check ~1 in 37 but names another request, which is_rma_of refuses. normalize_rma
// and is_rma_of accept both forms.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace retour::label {

inline constexpr std::size_t kRmaCodeLength = 10;
inline constexpr std::size_t kRmaCheckLength = 2;
inline constexpr std::size_t kRmaPrefixMinLength = 2;
inline constexpr std::size_t kRmaPrefixMaxLength = 6;

std::uint64_t fnv1a64(std::string_view bytes);

bool valid_rma_prefix(std::string_view prefix);

// Throws std::invalid_argument when !valid_rma_prefix(prefix): callers validate
// policy input first (label_input_from_json does), so this is a bug.
std::string rma_number(std::string_view prefix, std::string_view request_id);
// The number the same request got before the check changed (one mod-37 symbol).
std::string legacy_rma_number(std::string_view prefix, std::string_view request_id);

// True when `rma` is the number of `request_id` under `prefix`, new or legacy form.
// What a receiver checks: requests made before the change are still accepted.
bool is_rma_of(std::string_view prefix, std::string_view request_id, std::string_view rma);

// True for a well-formed RMA in canonical form whose check characters match
// (new form, or the legacy one).
bool valid_rma(std::string_view rma);

// Reads an RMA as a person typed it: case-insensitive, spaces ignored, and the
// Crockford look-alikes O -> 0, I and L -> 1 accepted in CODE and in the new
// CHECK. Returns the canonical form, or nullopt when it is malformed or its check
// characters are wrong. Legacy numbers are read by their own rule.
std::optional<std::string> normalize_rma(std::string_view typed);

}  // namespace retour::label
