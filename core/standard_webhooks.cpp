#include "core/standard_webhooks.h"

#include "core/base64url.h"

namespace retour {

namespace {

constexpr std::string_view kSecretPrefix = "whsec_";
constexpr std::string_view kSigningKeyPrefix = "whsk_";
constexpr std::string_view kPublicKeyPrefix = "whpk_";

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

WebhookKey failed(std::string error) { return WebhookKey{{}, std::move(error)}; }

bool same_bytes(const crypto::Bytes& a, const crypto::Bytes& b) {
    return a.size() == b.size() && crypto::equal_constant_time(a.data(), b.data(), a.size());
}

}  // namespace

WebhookKey parse_webhook_secret(std::string_view text) {
    if (!starts_with(text, kSecretPrefix)) {
        if (starts_with(text, kSigningKeyPrefix) || starts_with(text, kPublicKeyPrefix))
            return failed("is an Ed25519 key (" + std::string(text.substr(0, 5)) + "…), not a whsec_ secret");
        return failed("does not start with whsec_ (a Standard Webhooks secret is \"whsec_\" + base64)");
    }
    Base64Decoded d = base64_decode(text.substr(kSecretPrefix.size()));
    if (!d.ok()) return failed("the part after whsec_: " + d.error);
    if (d.bytes.size() < kMinWebhookSecretBytes || d.bytes.size() > kMaxWebhookSecretBytes)
        return failed("holds " + std::to_string(d.bytes.size()) + " bytes; a secret has " +
                      std::to_string(kMinWebhookSecretBytes) + " to " + std::to_string(kMaxWebhookSecretBytes));
    return WebhookKey{std::move(d.bytes), {}};
}

WebhookKey parse_webhook_signing_key(std::string_view text) {
    if (starts_with(text, kPublicKeyPrefix))
        return failed("is a public key (whpk_…): the endpoint gets that one, the sender needs the whsk_ secret key");
    if (!starts_with(text, kSigningKeyPrefix)) return failed("does not start with whsk_");
    Base64Decoded d = base64_decode(text.substr(kSigningKeyPrefix.size()));
    if (!d.ok()) return failed("the part after whsk_: " + d.error);
    if (d.bytes.size() == crypto::kSeedSize) return WebhookKey{crypto::ed25519_keypair_from_seed(d.bytes).secret_key, {}};
    if (d.bytes.size() != crypto::kSecretKeySize)
        return failed("holds " + std::to_string(d.bytes.size()) + " bytes; an Ed25519 secret key has 64 (or a 32-byte seed)");
    // The last 32 bytes must be the public half of the first 32, or signatures would not verify.
    const crypto::Bytes seed(d.bytes.begin(), d.bytes.begin() + crypto::kSeedSize);
    if (!same_bytes(crypto::ed25519_keypair_from_seed(seed).secret_key, d.bytes))
        return failed("is not a valid Ed25519 secret key (its second half is not the public key of the first)");
    return WebhookKey{std::move(d.bytes), {}};
}

std::string format_webhook_secret(const crypto::Bytes& secret) { return std::string(kSecretPrefix) + base64_encode(secret); }
std::string format_webhook_signing_key(const crypto::Bytes& secret_key) {
    return std::string(kSigningKeyPrefix) + base64_encode(secret_key);
}
std::string format_webhook_public_key(const crypto::Bytes& public_key) {
    return std::string(kPublicKeyPrefix) + base64_encode(public_key);
}

bool valid_webhook_id(std::string_view id) {
    if (id.empty() || id.size() > 256) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    return true;
}

std::string signed_content(std::string_view id, std::int64_t timestamp, std::string_view body) {
    std::string s;
    s.reserve(id.size() + 22 + body.size());
    s.append(id).append(".").append(std::to_string(timestamp)).append(".").append(body);
    return s;
}

std::string sign_v1(const crypto::Bytes& secret, std::string_view id, std::int64_t timestamp, std::string_view body) {
    const auto mac = crypto::hmac_sha256(secret, signed_content(id, timestamp, body));
    return "v1," + base64_encode(mac.data(), mac.size());
}

std::optional<std::string> sign_v1a(const crypto::Bytes& secret_key, std::string_view id, std::int64_t timestamp,
                                    std::string_view body) {
    auto sig = crypto::ed25519_sign(signed_content(id, timestamp, body), secret_key);
    if (!sig) return std::nullopt;
    return "v1a," + base64_encode(*sig);
}

bool verify_webhook_signature(std::string_view header, std::string_view id, std::int64_t timestamp,
                              std::string_view body, const crypto::Bytes& secret, const crypto::Bytes& public_key) {
    const std::string content = signed_content(id, timestamp, body);
    while (!header.empty()) {
        const std::size_t space = header.find(' ');
        const std::string_view entry = header.substr(0, space);
        header = space == std::string_view::npos ? std::string_view() : header.substr(space + 1);
        const std::size_t comma = entry.find(',');
        if (comma == std::string_view::npos) continue;
        const std::string_view version = entry.substr(0, comma);
        const Base64Decoded sig = base64_decode(entry.substr(comma + 1));
        if (!sig.ok()) continue;
        if (version == "v1" && !secret.empty()) {
            const auto mac = crypto::hmac_sha256(secret, content);
            if (same_bytes(sig.bytes, crypto::Bytes(mac.begin(), mac.end()))) return true;
        } else if (version == "v1a" && !public_key.empty()) {
            if (crypto::ed25519_verify(content, sig.bytes, public_key)) return true;
        }
    }
    return false;
}

}  // namespace retour
