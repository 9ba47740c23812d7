#pragma once
// Request ids: the idempotency key of a return (and its webhook-id), from which its RMA
// number is derived. What is accepted: 8 to 128 of A-Z a-z 0-9 _ - (ids made by older
// portals and by merchants' own tools stay valid). What we make: "req_" + 32 lower-case
// hex digits of 16 random bytes (128 bits: no two shoppers ever draw the same one).
// The core has no randomness: the shell draws the bytes (crypto.getRandomValues,
// libsodium's randombytes_buf) and passes them in.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace retour {

inline constexpr std::size_t kRequestIdRandomBytes = 16;
inline constexpr const char* kRequestIdExpected = "expected 8 to 128 characters of A-Z a-z 0-9 _ -";

bool valid_request_id(std::string_view id);

std::string make_request_id(const std::array<std::uint8_t, kRequestIdRandomBytes>& random);

}  // namespace retour
