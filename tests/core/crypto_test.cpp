#include <gtest/gtest.h>

#include "core/crypto.h"

namespace crypto = retour::crypto;

namespace {

crypto::Bytes from_hex(const std::string& hex) {
    crypto::Bytes out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

// RFC 8032, section 7.1, TEST 1.
const char* kSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const char* kPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const char* kSignature =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
    "d25bf5f0595bbe24655141438e7a100b";

}  // namespace

TEST(Crypto, DerivesTheRfc8032PublicKeyFromItsSeed) {
    auto kp = crypto::ed25519_keypair_from_seed(from_hex(kSeed));
    EXPECT_EQ(crypto::to_hex(kp.public_key), kPublic);
}

TEST(Crypto, SignsTheRfc8032EmptyMessageVector) {
    auto kp = crypto::ed25519_keypair_from_seed(from_hex(kSeed));
    auto sig = crypto::ed25519_sign("", kp.secret_key);
    ASSERT_TRUE(sig);
    EXPECT_EQ(crypto::to_hex(*sig), kSignature);
}

TEST(Crypto, VerifiesTheRfc8032VectorAndRejectsAnyOtherMessage) {
    EXPECT_TRUE(crypto::ed25519_verify("", from_hex(kSignature), from_hex(kPublic)));
    EXPECT_FALSE(crypto::ed25519_verify("x", from_hex(kSignature), from_hex(kPublic)));
}

TEST(Crypto, RejectsWrongSizedKeysAndSignaturesWithoutCrashing) {
    EXPECT_FALSE(crypto::ed25519_verify("", crypto::Bytes(63), from_hex(kPublic)));
    EXPECT_FALSE(crypto::ed25519_verify("", from_hex(kSignature), crypto::Bytes(31)));
    EXPECT_FALSE(crypto::ed25519_sign("", crypto::Bytes(32)));
}

TEST(Crypto, RecoversThePublicKeyFromASecretKey) {
    auto kp = crypto::ed25519_keypair_from_seed(from_hex(kSeed));
    EXPECT_EQ(crypto::ed25519_public_key_of(kp.secret_key), kp.public_key);
}

TEST(Crypto, HashesAbcToTheFips180Sha256Vector) {
    auto h = crypto::sha256("abc");
    EXPECT_EQ(crypto::to_hex(h.data(), h.size()),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, Argon2idMatchesLibsodiumsOwnTestVector) {
    // libsodium 1.0.18 test/default/pwhash_argon2id.c, vector 6 (opslimit 1, 1631659 bytes).
    const auto password = from_hex("b540beb016a5366524d4605156493f9874514a5aa58818cd0c6dfffaa9e90205f17b");
    const auto salt = from_hex("44071f6d181561670bda728d43fb79b4");
    auto out = crypto::argon2id(std::string(password.begin(), password.end()), salt, 231,
                                crypto::Argon2Cost{1, 1631659});
    ASSERT_TRUE(out);
    EXPECT_EQ(crypto::to_hex(*out).substr(0, 64),
              "7fb72409b0987f8190c3729710e98c3f80c5a8727d425fdcde7f3644d467fe97");
    EXPECT_EQ(crypto::to_hex(*out).substr(418),
              "5b2d98c13303b3fe76285531a826b6fc0fe8e3dddecf");
}

TEST(Crypto, Argon2idRefusesASaltOfTheWrongSize) {
    EXPECT_FALSE(crypto::argon2id("pw", crypto::Bytes(8), 32, crypto::Argon2Cost{1, 8192}));
}

TEST(Crypto, AeadOpensWhatItSealed) {
    const crypto::Bytes key(32, 7), nonce(24, 9);
    auto sealed = crypto::aead_seal("order 1001", "name", nonce, key);
    ASSERT_TRUE(sealed);
    EXPECT_EQ(sealed->size(), 10u + crypto::kAeadTagSize);
    auto opened = crypto::aead_open(sealed->data(), sealed->size(), "name", nonce, key);
    EXPECT_EQ(opened, std::optional<std::string>("order 1001"));
}

TEST(Crypto, AeadRefusesAFlippedBitAnotherKeyOrOtherAssociatedData) {
    const crypto::Bytes key(32, 7), nonce(24, 9);
    auto sealed = *crypto::aead_seal("order 1001", "name", nonce, key);
    auto flipped = sealed;
    flipped[3] ^= 1;
    EXPECT_FALSE(crypto::aead_open(flipped.data(), flipped.size(), "name", nonce, key));
    EXPECT_FALSE(crypto::aead_open(sealed.data(), sealed.size(), "name", nonce, crypto::Bytes(32, 8)));
    EXPECT_FALSE(crypto::aead_open(sealed.data(), sealed.size(), "other", nonce, key));
}
