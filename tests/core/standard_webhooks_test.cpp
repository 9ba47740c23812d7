#include <gtest/gtest.h>

#include "core/base64url.h"
#include "core/return_event.h"
#include "core/standard_webhooks.h"

using namespace retour;

namespace {
// The vector the Standard Webhooks reference libraries test against (their secret,
// id, timestamp and payload; the expected v1 signature).
const char* kSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const char* kId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const std::int64_t kTimestamp = 1614265330;
const char* kPayload = R"({"test": 2432232314})";

// Ed25519 with the seed 00 01 … 1f; the signature was made with node's crypto (OpenSSL).
const char* kSeedKey = "whsk_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const char* kPublicKey = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
const char* kV1a = "v1a,yoUrgEkc12aGqm0n4Sydmdz55xJfTz4AsAgieHFjmkR7LJtqVCZOQYzvvHjI5kAey+r4iaBGxTFRrl2iBQxtDQ==";

crypto::Bytes secret() { return parse_webhook_secret(kSecret).bytes; }
crypto::Bytes public_key() { return base64_decode(kPublicKey).bytes; }
}  // namespace

TEST(Base64, EncodesTheRfc4648VectorsWithPaddingAndPlusSlash) {
    auto enc = [](std::string_view s) { return base64_encode(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); };
    EXPECT_EQ(enc("f"), "Zg==");
    EXPECT_EQ(enc("fo"), "Zm8=");
    EXPECT_EQ(enc("foo"), "Zm9v");
    EXPECT_EQ(base64_encode(std::vector<std::uint8_t>{0xfb, 0xff, 0xbf}), "+/+/");
    EXPECT_EQ(base64_decode("Zm8=").text(), "fo");
    EXPECT_EQ(base64_decode("Zm8").text(), "fo");
    EXPECT_FALSE(base64_decode("-_-_").ok());
}

TEST(StandardWebhooks, SignedContentIsIdDotTimestampDotBody) {
    EXPECT_EQ(signed_content("msg_1", 1614265330, "{}"), "msg_1.1614265330.{}");
}

TEST(StandardWebhooks, V1SignatureMatchesTheSpecsTestVector) {
    ASSERT_TRUE(parse_webhook_secret(kSecret).ok());
    EXPECT_EQ(sign_v1(secret(), kId, kTimestamp, kPayload), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(StandardWebhooks, V1aSignatureMatchesAnIndependentEd25519) {
    const WebhookKey key = parse_webhook_signing_key(kSeedKey);
    ASSERT_TRUE(key.ok()) << key.error;
    EXPECT_EQ(key.bytes.size(), 64u);
    EXPECT_EQ(sign_v1a(key.bytes, kId, kTimestamp, kPayload), std::optional<std::string>(kV1a));
    // The 64-byte form of the same key signs the same.
    EXPECT_TRUE(parse_webhook_signing_key(format_webhook_signing_key(key.bytes)).ok());
    EXPECT_EQ(format_webhook_public_key(public_key()), std::string("whpk_") + kPublicKey);
}

TEST(StandardWebhooks, VerifiesEitherSignatureInASpaceSeparatedHeader) {
    const std::string header = "v1,bm90IGl0 " + sign_v1(secret(), kId, kTimestamp, kPayload) + " " + kV1a;
    EXPECT_TRUE(verify_webhook_signature(header, kId, kTimestamp, kPayload, secret(), {}));
    EXPECT_TRUE(verify_webhook_signature(header, kId, kTimestamp, kPayload, {}, public_key()));
    EXPECT_FALSE(verify_webhook_signature(header, kId, kTimestamp + 1, kPayload, secret(), public_key()));
    EXPECT_FALSE(verify_webhook_signature(header, "msg_other", kTimestamp, kPayload, secret(), public_key()));
    EXPECT_FALSE(verify_webhook_signature(header, kId, kTimestamp, R"({"test": 2432232315})", secret(), public_key()));
    EXPECT_FALSE(verify_webhook_signature("v1a,garbage v1", kId, kTimestamp, kPayload, secret(), public_key()));
}

TEST(StandardWebhooks, SecretsNeedThePrefixAndEnoughBytes) {
    EXPECT_NE(parse_webhook_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").error.find("whsec_"), std::string::npos);
    EXPECT_NE(parse_webhook_secret("whsec_c2hvcnQ=").error.find("5 bytes"), std::string::npos);
    EXPECT_NE(parse_webhook_secret("whsec_not base64!").error.find("not base64"), std::string::npos);
    EXPECT_NE(parse_webhook_secret(kSeedKey).error.find("Ed25519"), std::string::npos);
    EXPECT_NE(parse_webhook_signing_key(std::string("whpk_") + kPublicKey).error.find("public key"), std::string::npos);
    // A 64-byte key whose halves do not belong together.
    crypto::Bytes bad = parse_webhook_signing_key(kSeedKey).bytes;
    bad[40] ^= 1;
    EXPECT_FALSE(parse_webhook_signing_key(format_webhook_signing_key(bad)).ok());
}

TEST(StandardWebhooks, IdsCannotContainAFullStop) {
    EXPECT_TRUE(valid_webhook_id("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"));
    EXPECT_FALSE(valid_webhook_id("msg.1"));
    EXPECT_FALSE(valid_webhook_id(""));
}

TEST(ReturnEvent, BodyIsCanonicalTypeTimestampAndData) {
    EXPECT_EQ(event_body("return.requested", Instant{1764684000}, {{"id", "req_1"}}),
              R"({"data":{"id":"req_1"},"timestamp":"2025-12-02T14:00:00Z","type":"return.requested"})");
}

TEST(ReturnEvent, RequestedDataIsSmallAndNamesTheReviewReasonsOnce) {
    ReturnRequest r;
    r.id = "req_12345678";
    r.rma = "NW-1";
    r.order = {"gid://shop/Order/1", "#1001", "token-not-forwarded"};
    r.policy_version = "2026-11-01";
    r.policy_hash = "sha256:ab";
    Quote q;
    q.currency = *Currency::from_code("EUR");
    q.lines.resize(2);
    q.lines[0].review_codes = {"review_reason"};
    q.lines[1].review_codes = {"review_reason", "review_high_value"};
    q.totals.refund = Money{2838, q.currency};
    nlohmann::json d = return_requested_data(r, q, "review");
    // The totals are the receiver's quote's, as its JSON writes them.
    EXPECT_EQ(d["totals"], to_json(q)["totals"]);
    EXPECT_EQ(d["totals"]["refund"], 2838);
    d.erase("totals");
    EXPECT_EQ(d, nlohmann::json::parse(R"({"currency":"EUR","id":"req_12345678","order":{"id":"gid://shop/Order/1","number":"#1001"},
        "policy":{"hash":"sha256:ab","version":"2026-11-01"},"review_reasons":["review_reason","review_high_value"],
        "rma":"NW-1","status":"review"})"));
    // What the receiver decided joins them, still each once.
    EXPECT_EQ(return_requested_data(r, q, "review", {"review_high_value", "late_delivery", "customer_return_limit"})["review_reasons"],
              nlohmann::json::parse(R"(["review_reason","review_high_value","late_delivery","customer_return_limit"])"));
}
