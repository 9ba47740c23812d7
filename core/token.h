#pragma once
// Signed order tokens: base64url(order JSON bytes) "." base64url(Ed25519 signature
// over exactly those bytes). The merchant signs with the secret key (`retour
// sign-order`, or any language: docs/token.md); the policy carries the public key; the
// portal and the receiver verify before trusting anything in the order.
//
// Checks run in this order, each with its own code, so a shopper and a merchant can
// tell a cut-off link from a forged one from a badly built order:
//   token_malformed      not two base64url parts separated by one '.'
//   token_truncated      the signature part is shorter than a signature (link cut off)
//   token_bad_signature  signature does not match this shop's key (altered, forged,
//                        or signed by another shop)
//   token_invalid_order  signed, but the payload is not a valid order (with pointer)
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace retour {

struct TokenError {
    std::string code;     // empty when there is no error
    std::string message;  // for a person, in English
    std::string pointer;  // JSON pointer into the payload, for token_invalid_order
    bool ok() const { return code.empty(); }
};

// Keys travel as base64url text (padding optional; standard base64 is accepted too). A secret key is either the 32-byte
// seed or libsodium's 64-byte seed||public key; both give the same 64-byte key here.
struct DecodedKey {
    crypto::Bytes key;
    std::string error;
    bool ok() const { return error.empty(); }
};
DecodedKey decode_public_key(std::string_view text);
DecodedKey decode_secret_key(std::string_view text);

// Signs exactly `payload` (callers pass canonical JSON). Throws std::invalid_argument
// for a secret key of the wrong size: that is a caller bug, keys come via decode_*.
std::string sign_token(std::string_view payload, const crypto::Bytes& secret_key);

struct VerifiedToken {
    std::string payload;  // the signed bytes, when error.ok()
    TokenError error;
};
// Checks format and signature only; see order_token.h for the order inside.
VerifiedToken verify_token(std::string_view token, const crypto::Bytes& public_key);

}  // namespace retour
