#pragma once
// RMA numbers: what a shopper writes on the parcel, reads to support on the
// phone, and what the Code 128 on the label encodes.
//
//   RMA = PREFIX "-" CODE CHECK          e.g. "ACME-4F7Q9KX2TM$"
//
// PREFIX  the merchant's, from the policy: 1 to 8 of A-Z and 0-9.
// CODE    10 characters of Crockford base32 (0-9 A-Z without I L O U, so it reads
//         aloud without ambiguity): the top 50 bits of the FNV-1a 64 hash of the
//         request id, most significant first. Same id -> same RMA, on every platform.
//         50 bits keep collisions negligible: ~4 in a million at 100,000 returns.
// CHECK   Crockford's check symbol: the 50-bit value modulo 37, written with the
//         alphabet above extended by * ~ $ = U (values 32..36). It catches any
//         single wrong character and any swap of two adjacent ones in CODE.
//         The prefix is not covered: it is the merchant's constant, compared directly.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace retour::label {

inline constexpr std::size_t kRmaCodeLength = 10;
inline constexpr std::size_t kRmaPrefixMaxLength = 8;

std::uint64_t fnv1a64(std::string_view bytes);

bool valid_rma_prefix(std::string_view prefix);

// Throws std::invalid_argument when !valid_rma_prefix(prefix): callers validate
// policy input first (label_input_from_json does), so this is a bug.
std::string rma_number(std::string_view prefix, std::string_view request_id);

// True for a well-formed RMA in canonical form whose check symbol matches.
bool valid_rma(std::string_view rma);

// Reads an RMA as a person typed it: case-insensitive, spaces ignored, and the
// Crockford look-alikes O -> 0, I and L -> 1 accepted in CODE. Returns the
// canonical form, or nullopt when it is malformed or its check symbol is wrong.
std::optional<std::string> normalize_rma(std::string_view typed);

}  // namespace retour::label
