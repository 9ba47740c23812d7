#include "core/token.h"

#include <stdexcept>

#include "core/base64url.h"

namespace retour {

namespace {

// 64 signature bytes are 86 base64url characters without padding.
constexpr std::size_t kSignatureChars = (crypto::kSignatureSize * 4 + 2) / 3;

TokenError fail(std::string code, std::string message) {
    return TokenError{std::move(code), std::move(message), {}};
}

// Keys may be pasted from tools that print standard base64 ('+', '/', padding).
Base64Decoded decode_key_text(std::string_view text) {
    std::string url(text);
    for (char& c : url) c = c == '+' ? '-' : c == '/' ? '_' : c;
    return base64url_decode(url);
}

}  // namespace

DecodedKey decode_public_key(std::string_view text) {
    Base64Decoded d = decode_key_text(text);
    if (!d.ok()) return {{}, "public key is not base64: " + d.error};
    if (d.bytes.size() != crypto::kPublicKeySize)
        return {{}, "public key has " + std::to_string(d.bytes.size()) + " bytes, expected 32"};
    return {std::move(d.bytes), {}};
}

DecodedKey decode_secret_key(std::string_view text) {
    Base64Decoded d = decode_key_text(text);
    if (!d.ok()) return {{}, "secret key is not base64: " + d.error};
    if (d.bytes.size() == crypto::kSeedSize)
        return {crypto::ed25519_keypair_from_seed(d.bytes).secret_key, {}};
    if (d.bytes.size() != crypto::kSecretKeySize)
        return {{}, "secret key has " + std::to_string(d.bytes.size()) + " bytes, expected 32 or 64"};
    // A 64-byte key whose second half is not its own public key was spliced together.
    crypto::Bytes seed(d.bytes.begin(), d.bytes.begin() + crypto::kSeedSize);
    if (crypto::ed25519_keypair_from_seed(seed).secret_key != d.bytes)
        return {{}, "secret key's second half is not its public key (damaged key file?)"};
    return {std::move(d.bytes), {}};
}

std::string sign_token(std::string_view payload, const crypto::Bytes& secret_key) {
    auto sig = crypto::ed25519_sign(payload, secret_key);
    if (!sig) throw std::invalid_argument("secret key must be 64 bytes");
    return base64url_encode(payload) + "." + base64url_encode(*sig);
}

VerifiedToken verify_token(std::string_view token, const crypto::Bytes& public_key) {
    VerifiedToken out;
    const auto dot = token.find('.');
    if (token.empty()) {
        out.error = fail("token_malformed", "the order link carries no token");
        return out;
    }
    if (dot == std::string_view::npos) {
        out.error = fail("token_truncated", "the token has no signature part: the link was cut off");
        return out;
    }
    if (token.find('.', dot + 1) != std::string_view::npos) {
        out.error = fail("token_malformed", "the token has more than one '.'");
        return out;
    }
    const std::string_view payload_text = token.substr(0, dot);
    const std::string_view sig_text = token.substr(dot + 1);
    if (payload_text.empty()) {
        out.error = fail("token_malformed", "the token's order part is empty");
        return out;
    }
    Base64Decoded payload = base64url_decode(payload_text);
    if (!payload.ok()) {
        out.error = fail("token_malformed", "order part: " + payload.error);
        return out;
    }
    std::size_t sig_chars = sig_text.size();
    while (sig_chars > 0 && sig_text[sig_chars - 1] == '=') --sig_chars;
    if (sig_chars < kSignatureChars) {
        out.error = fail("token_truncated", "the signature has " + std::to_string(sig_chars) + " of " +
                                                std::to_string(kSignatureChars) +
                                                " characters: the link was cut off");
        return out;
    }
    Base64Decoded sig = base64url_decode(sig_text);
    if (!sig.ok() || sig.bytes.size() != crypto::kSignatureSize) {
        out.error = fail("token_malformed",
                         "signature part: " + (sig.ok() ? "too long (" + std::to_string(sig.bytes.size()) +
                                                              " bytes, expected 64)"
                                                        : sig.error));
        return out;
    }
    if (!crypto::ed25519_verify(payload.text(), sig.bytes, public_key)) {
        out.error = fail("token_bad_signature",
                         "the signature does not match this shop's key: the link was altered, "
                         "forged, or made for another shop");
        return out;
    }
    out.payload = payload.text();
    return out;
}

}  // namespace retour
