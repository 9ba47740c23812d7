// core/crypto.h on libsodium. Only functions that compute on memory are used
// (no randombytes), so the core keeps its no-I/O, no-randomness rule.
#include <sodium.h>

#include <stdexcept>

#include "core/crypto.h"

namespace retour::crypto {

namespace {

// libsodium wants sodium_init() once before use; a function-local static makes that
// lazy and thread-safe (the receiver verifies on several threads).
void ensure_sodium() {
    static const int status = sodium_init();
    if (status < 0) throw std::runtime_error("libsodium failed to initialise");
}

const unsigned char* u8(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

KeyPair ed25519_keypair_from_seed(const Bytes& seed) {
    if (seed.size() != kSeedSize) throw std::invalid_argument("ed25519 seed must be 32 bytes");
    ensure_sodium();
    KeyPair kp{Bytes(kPublicKeySize), Bytes(kSecretKeySize)};
    crypto_sign_seed_keypair(kp.public_key.data(), kp.secret_key.data(), seed.data());
    return kp;
}

std::optional<Bytes> ed25519_sign(std::string_view message, const Bytes& secret_key) {
    if (secret_key.size() != kSecretKeySize) return std::nullopt;
    ensure_sodium();
    Bytes sig(kSignatureSize);
    crypto_sign_detached(sig.data(), nullptr, u8(message), message.size(), secret_key.data());
    return sig;
}

bool ed25519_verify(std::string_view message, const Bytes& signature, const Bytes& public_key) {
    if (signature.size() != kSignatureSize || public_key.size() != kPublicKeySize) return false;
    ensure_sodium();
    return crypto_sign_verify_detached(signature.data(), u8(message), message.size(),
                                       public_key.data()) == 0;
}

std::optional<Bytes> ed25519_public_key_of(const Bytes& secret_key) {
    if (secret_key.size() != kSecretKeySize) return std::nullopt;
    ensure_sodium();
    Bytes pk(kPublicKeySize);
    crypto_sign_ed25519_sk_to_pk(pk.data(), secret_key.data());
    return pk;
}

std::array<std::uint8_t, 32> sha256(std::string_view data) {
    ensure_sodium();
    std::array<std::uint8_t, 32> out{};
    crypto_hash_sha256(out.data(), u8(data), data.size());
    return out;
}

bool equal_constant_time(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) {
    ensure_sodium();
    return sodium_memcmp(a, b, size) == 0;
}

std::array<std::uint8_t, 32> hmac_sha256(const Bytes& key, std::string_view message) {
    ensure_sodium();
    // The init/update/final form: crypto_auth_hmacsha256() itself takes 32-byte keys only.
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    crypto_auth_hmacsha256_update(&state, u8(message), message.size());
    std::array<std::uint8_t, 32> out{};
    crypto_auth_hmacsha256_final(&state, out.data());
    return out;
}

std::optional<Bytes> argon2id(std::string_view password, const Bytes& salt, std::size_t out_size,
                              Argon2Cost cost) {
    if (salt.size() != crypto_pwhash_SALTBYTES) return std::nullopt;
    if (out_size < crypto_pwhash_BYTES_MIN) return std::nullopt;
    ensure_sodium();
    Bytes out(out_size);
    if (crypto_pwhash(out.data(), out.size(), password.data(), password.size(), salt.data(),
                      cost.iterations, cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    return out;
}

std::optional<Bytes> aead_seal(std::string_view plaintext, std::string_view associated_data,
                               const Bytes& nonce, const Bytes& key) {
    if (nonce.size() != kAeadNonceSize || key.size() != kAeadKeySize) return std::nullopt;
    ensure_sodium();
    Bytes out(plaintext.size() + kAeadTagSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data(), &written, u8(plaintext), plaintext.size(),
                                               u8(associated_data), associated_data.size(), nullptr,
                                               nonce.data(), key.data());
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::optional<std::string> aead_open(const std::uint8_t* ciphertext, std::size_t size,
                                     std::string_view associated_data, const Bytes& nonce,
                                     const Bytes& key) {
    if (nonce.size() != kAeadNonceSize || key.size() != kAeadKeySize || size < kAeadTagSize)
        return std::nullopt;
    ensure_sodium();
    std::string out(size - kAeadTagSize, '\0');
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()),
                                                   &written, nullptr, ciphertext, size,
                                                   u8(associated_data), associated_data.size(),
                                                   nonce.data(), key.data()) != 0)
        return std::nullopt;
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::string to_hex(const std::uint8_t* data, std::size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0f];
    }
    return out;
}

}  // namespace retour::crypto
