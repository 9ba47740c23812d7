#include <gtest/gtest.h>

#include "core/base64url.h"
#include "core/token.h"

using namespace retour;

namespace {

crypto::KeyPair shop_key(std::uint8_t fill) {
    return crypto::ed25519_keypair_from_seed(crypto::Bytes(crypto::kSeedSize, fill));
}

const std::string kPayload = R"({"id":"1001","number":"#1001"})";

}  // namespace

TEST(Token, VerifiesATokenSignedWithTheShopsKey) {
    auto kp = shop_key(1);
    auto v = verify_token(sign_token(kPayload, kp.secret_key), kp.public_key);
    ASSERT_TRUE(v.error.ok()) << v.error.message;
    EXPECT_EQ(v.payload, kPayload);
}

TEST(Token, HasTheDocumentedShape) {
    auto kp = shop_key(1);
    const std::string token = sign_token(kPayload, kp.secret_key);
    const auto dot = token.find('.');
    ASSERT_NE(dot, std::string::npos);
    EXPECT_EQ(base64url_decode(token.substr(0, dot)).text(), kPayload);
    EXPECT_EQ(token.size() - dot - 1, 86u);
    EXPECT_EQ(token.find_first_of("+/="), std::string::npos);
}

TEST(Token, RejectsAnAlteredPayloadAsBadSignature) {
    auto kp = shop_key(1);
    const std::string token = sign_token(kPayload, kp.secret_key);
    const std::string forged_payload = base64url_encode(std::string_view(R"({"id":"1001","number":"#1002"})"));
    const std::string forged = forged_payload + token.substr(token.find('.'));
    EXPECT_EQ(verify_token(forged, kp.public_key).error.code, "token_bad_signature");
}

TEST(Token, RejectsATokenSignedByAnotherShop) {
    auto ours = shop_key(1), theirs = shop_key(2);
    auto v = verify_token(sign_token(kPayload, theirs.secret_key), ours.public_key);
    EXPECT_EQ(v.error.code, "token_bad_signature");
    EXPECT_TRUE(v.payload.empty());
}

TEST(Token, ReportsALinkCutOffInsideTheSignatureAsTruncated) {
    auto kp = shop_key(1);
    const std::string token = sign_token(kPayload, kp.secret_key);
    EXPECT_EQ(verify_token(token.substr(0, token.size() - 10), kp.public_key).error.code, "token_truncated");
}

TEST(Token, ReportsALinkCutOffBeforeTheSignatureAsTruncated) {
    auto kp = shop_key(1);
    const std::string token = sign_token(kPayload, kp.secret_key);
    EXPECT_EQ(verify_token(token.substr(0, token.find('.')), kp.public_key).error.code, "token_truncated");
    EXPECT_EQ(verify_token(token.substr(0, token.find('.') + 1), kp.public_key).error.code, "token_truncated");
}

TEST(Token, ReportsGarbageAsMalformed) {
    auto kp = shop_key(1);
    EXPECT_EQ(verify_token("", kp.public_key).error.code, "token_malformed");
    EXPECT_EQ(verify_token("a.b.c", kp.public_key).error.code, "token_malformed");
    const std::string sig(86, 'A');
    EXPECT_EQ(verify_token("not base64!." + sig, kp.public_key).error.code, "token_malformed");
    EXPECT_EQ(verify_token("." + sig, kp.public_key).error.code, "token_malformed");
    EXPECT_EQ(verify_token("e30." + sig + "AAAA", kp.public_key).error.code, "token_malformed");
}

TEST(Token, ReadsASecretKeyGivenAsSeedOrAsFullKey) {
    auto kp = shop_key(3);
    auto from_seed = decode_secret_key(base64url_encode(crypto::Bytes(crypto::kSeedSize, 3)));
    auto from_full = decode_secret_key(base64url_encode(kp.secret_key));
    ASSERT_TRUE(from_seed.ok()) << from_seed.error;
    ASSERT_TRUE(from_full.ok()) << from_full.error;
    EXPECT_EQ(from_seed.key, kp.secret_key);
    EXPECT_EQ(from_full.key, kp.secret_key);
}

TEST(Token, RefusesASplicedSecretKey) {
    auto a = shop_key(3), b = shop_key(4);
    crypto::Bytes spliced(a.secret_key.begin(), a.secret_key.begin() + 32);
    spliced.insert(spliced.end(), b.public_key.begin(), b.public_key.end());
    EXPECT_FALSE(decode_secret_key(base64url_encode(spliced)).ok());
}

TEST(Token, RefusesAPublicKeyOfTheWrongLength) {
    auto d = decode_public_key(base64url_encode(crypto::Bytes(31, 1)));
    EXPECT_FALSE(d.ok());
    EXPECT_NE(d.error.find("31 bytes"), std::string::npos) << d.error;
}

// ---- the order inside ---------------------------------------------------------------

#include "core/order_token.h"

namespace {

const char* kOrder = R"({
  "id": "gid-1001", "number": "#1001", "email": "anna@example.com",
  "placed_at": "2026-11-02", "delivered_at": "2026-11-05", "ship_to_country": "DE", "currency": "EUR",
  "lines": [ { "id": "L1", "sku": "TEE-M", "title": "Tee", "quantity": 2, "unit_price": 2500 } ] })";

}  // namespace

TEST(OrderToken, OpensTheOrderASignedLinkCarries) {
    auto kp = shop_key(1);
    auto order = parse_order_text(kOrder);
    ASSERT_TRUE(order.ok());
    auto opened = open_order_token(sign_order(*order.value, kp.secret_key), kp.public_key);
    ASSERT_TRUE(opened.error.ok()) << opened.error.message;
    EXPECT_EQ(canonical_json(*opened.order), canonical_json(*order.value));
}

TEST(OrderToken, SignsTheCanonicalOrderJson) {
    auto kp = shop_key(1);
    auto order = *parse_order_text(kOrder).value;
    const std::string token = sign_order(order, kp.secret_key);
    EXPECT_EQ(base64url_decode(token.substr(0, token.find('.'))).text(), canonical_json(order));
}

TEST(OrderToken, ReportsASignedPayloadThatIsNotAnOrderWithItsPointer) {
    auto kp = shop_key(1);
    const std::string bad = R"({"id":"1","number":"1","email":"a@b.c","placed_at":"2026-11-02","ship_to_country":"DE","currency":"EUR","lines":[{"id":"L1","sku":"S","title":"T","quantity":0,"unit_price":1}]})";
    auto opened = open_order_token(sign_token(bad, kp.secret_key), kp.public_key);
    EXPECT_EQ(opened.error.code, "token_invalid_order");
    EXPECT_EQ(opened.error.pointer, "/lines/0/quantity");
    EXPECT_FALSE(opened.order);
}

TEST(OrderToken, ReportsSignedTextThatIsNotJson) {
    auto kp = shop_key(1);
    auto opened = open_order_token(sign_token("{\"id\":", kp.secret_key), kp.public_key);
    EXPECT_EQ(opened.error.code, "token_invalid_order");
}

TEST(OrderToken, ChecksTheSignatureBeforeReadingTheOrder) {
    auto ours = shop_key(1), theirs = shop_key(2);
    auto opened = open_order_token(sign_token("not json", theirs.secret_key), ours.public_key);
    EXPECT_EQ(opened.error.code, "token_bad_signature");
}
