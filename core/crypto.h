#pragma once
// The few cryptographic primitives the core needs, behind one small interface.
// Implemented by core/crypto_sodium.cpp with libsodium (Debian's natively, the
// same 1.0.18 sources compiled for wasm), so both builds give identical bytes.
//
// Deliberately absent: random numbers. Seeds and nonces come in as values, so the
// core stays deterministic; the tools draw them from the OS.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retour::crypto {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::size_t kSeedSize = 32;
inline constexpr std::size_t kPublicKeySize = 32;
inline constexpr std::size_t kSecretKeySize = 64;  // libsodium layout: seed || public key
inline constexpr std::size_t kSignatureSize = 64;
inline constexpr std::size_t kSaltSize = 16;       // Argon2id salt
inline constexpr std::size_t kAeadKeySize = 32;
inline constexpr std::size_t kAeadNonceSize = 24;
inline constexpr std::size_t kAeadTagSize = 16;

struct KeyPair {
    Bytes public_key;  // kPublicKeySize
    Bytes secret_key;  // kSecretKeySize
};

// Ed25519. A wrong-sized key or signature is not a crash: sign returns nullopt,
// verify returns false.
KeyPair ed25519_keypair_from_seed(const Bytes& seed);
std::optional<Bytes> ed25519_sign(std::string_view message, const Bytes& secret_key);
bool ed25519_verify(std::string_view message, const Bytes& signature, const Bytes& public_key);
// The public half of a secret key (libsodium stores it in the last 32 bytes).
std::optional<Bytes> ed25519_public_key_of(const Bytes& secret_key);

std::array<std::uint8_t, 32> sha256(std::string_view data);
// Constant-time equality (signature checks must not leak how much of a guess matched).
bool equal_constant_time(const std::uint8_t* a, const std::uint8_t* b, std::size_t size);
// HMAC-SHA256 with a key of any length (Standard Webhooks' v1 signatures).
std::array<std::uint8_t, 32> hmac_sha256(const Bytes& key, std::string_view message);

// Argon2id (version 1.3). `memory_bytes` and `iterations` are the cost; nullopt when
// libsodium refuses them (below its minimums) or runs out of memory.
struct Argon2Cost {
    std::uint64_t iterations = 3;
    std::size_t memory_bytes = 16u << 20;
};
std::optional<Bytes> argon2id(std::string_view password, const Bytes& salt, std::size_t out_size,
                              Argon2Cost cost);

// XChaCha20-Poly1305 (IETF). Output of seal = ciphertext || 16-byte tag. open returns
// nullopt when the key, nonce, associated data or ciphertext do not match.
std::optional<Bytes> aead_seal(std::string_view plaintext, std::string_view associated_data,
                               const Bytes& nonce, const Bytes& key);
std::optional<std::string> aead_open(const std::uint8_t* ciphertext, std::size_t size,
                                     std::string_view associated_data, const Bytes& nonce,
                                     const Bytes& key);

// Lower-case hex, two characters per byte.
std::string to_hex(const std::uint8_t* data, std::size_t size);
inline std::string to_hex(const Bytes& b) { return to_hex(b.data(), b.size()); }

}  // namespace retour::crypto
