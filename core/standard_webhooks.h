#pragma once
// Standard Webhooks 1.0 signatures (standard-webhooks/standard-webhooks,
// spec/standard-webhooks.md), for the events `retour hook` forwards to the merchant's
// endpoints. Pure: keys and bytes in, header text out; the clock and the ids come
// from the caller.
//
//   signed content   "{webhook-id}.{webhook-timestamp}.{body}", exactly those bytes
//   v1               HMAC-SHA256 with the bytes of a "whsec_<base64>" secret
//   v1a              Ed25519 with the sender's secret key ("whsk_<base64>"); the
//                    endpoint verifies with the public key ("whpk_<base64>")
//   header           "v1,<base64> v1a,<base64>" (space-separated, either or both)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace retour {

inline constexpr std::size_t kMinWebhookSecretBytes = 24;  // the spec's minimum
inline constexpr std::size_t kMaxWebhookSecretBytes = 64;

struct WebhookKey {
    crypto::Bytes bytes;
    std::string error;  // empty on success: what is wrong with the text, for a person
    bool ok() const { return error.empty(); }
};

// "whsec_" + base64 of 24..64 random bytes. The prefix is required: it tells a v1
// secret from an Ed25519 key, which would otherwise be taken as an HMAC key.
WebhookKey parse_webhook_secret(std::string_view text);
// "whsk_" + base64 of the 64-byte Ed25519 secret key (libsodium layout, seed then
// public key) or of the 32-byte seed; `bytes` is always the 64-byte form.
WebhookKey parse_webhook_signing_key(std::string_view text);
std::string format_webhook_secret(const crypto::Bytes& secret);           // "whsec_…"
std::string format_webhook_signing_key(const crypto::Bytes& secret_key);  // "whsk_…"
std::string format_webhook_public_key(const crypto::Bytes& public_key);   // "whpk_…"

// True for ids a signature can carry: 1..256 bytes of A–Z a–z 0–9 _ - (no '.', which
// would let "id.timestamp" be split another way).
bool valid_webhook_id(std::string_view id);

std::string signed_content(std::string_view id, std::int64_t timestamp, std::string_view body);
// "v1,<base64 HMAC-SHA256>"
std::string sign_v1(const crypto::Bytes& secret, std::string_view id, std::int64_t timestamp, std::string_view body);
// "v1a,<base64 Ed25519>"; nullopt for a key that is not 64 bytes.
std::optional<std::string> sign_v1a(const crypto::Bytes& secret_key, std::string_view id, std::int64_t timestamp,
                                    std::string_view body);

// Checks a webhook-signature header the way a consumer does: true when one of its
// entries is a valid v1 signature under `secret` (if non-empty) or a valid v1a
// signature under `public_key` (if non-empty). No clock: the caller checks the timestamp.
bool verify_webhook_signature(std::string_view header, std::string_view id, std::int64_t timestamp,
                              std::string_view body, const crypto::Bytes& secret, const crypto::Bytes& public_key);

}  // namespace retour
