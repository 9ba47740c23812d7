#include <gtest/gtest.h>

#include "core/webhook.h"
#include "request_fixture.h"

using namespace retour;
using retour::testing::RequestFixture;

namespace {
const RequestFixture& fx() {
    static const RequestFixture f;
    return f;
}
}  // namespace

TEST(ReturnRequest, TheFixtureQuoteIsValid) {
    const auto r = fx().request();
    EXPECT_EQ(r.quote.value("ok", false), true) << r.quote.dump();
}

TEST(ReturnRequest, CanonicalJsonRoundTripsByteForByte) {
    const std::string bytes = canonical_json(fx().request());
    auto parsed = parse_return_request_text(bytes);
    ASSERT_TRUE(parsed.ok()) << parsed.errors.front().text();
    EXPECT_EQ(canonical_json(*parsed.value), bytes);
}

TEST(ReturnRequest, CanonicalJsonHasSortedKeysAndNoWhitespace) {
    const std::string bytes = canonical_json(fx().request());
    EXPECT_EQ(bytes.rfind("{\"created_at\":\"2026-11-20T12:00:00Z\",\"demo\":false,\"id\":", 0), 0u) << bytes.substr(0, 80);
    EXPECT_EQ(bytes.find('\n'), std::string::npos);
}

TEST(ReturnRequest, BuildTakesLineDetailsAndRmaFromOrderAndPolicy) {
    const auto r = fx().request();
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].sku, "JKT-M-NAVY");
    EXPECT_EQ(r.lines[0].variant, "M / Navy");
    EXPECT_EQ(r.rma.rfind("NW-", 0), 0u);
    EXPECT_EQ(r.policy_hash, fx().policy.hash);
}

TEST(ReturnRequest, RejectsUnknownKeysWithTheirPointer) {
    auto j = to_json(fx().request());
    j["lines"][1]["discount"] = 5;
    auto parsed = parse_return_request(j);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.errors.front().pointer, "/lines/1/discount");
    EXPECT_EQ(parsed.errors.front().message, "unknown key");
}

TEST(ReturnRequest, ReportsEveryBadFieldAtOnce) {
    auto j = to_json(fx().request());
    j["return_method"] = "pigeon";
    j["lines"][0]["quantity"] = 0;
    j["shopper"].erase("email");
    auto parsed = parse_return_request(j);
    std::vector<std::string> pointers;
    for (const auto& e : parsed.errors) pointers.push_back(e.pointer);
    EXPECT_EQ(pointers, (std::vector<std::string>{"/shopper/email", "/lines/0/quantity", "/return_method"}));
}

TEST(ReturnRequest, RejectsAnIdThatCannotBeAHeader) {
    auto j = to_json(fx().request());
    j["id"] = "req 1\r\nx: y";
    auto parsed = parse_return_request(j);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.errors.front().pointer, "/id");
}

TEST(ReturnRequest, ReportsMalformedJsonWithItsPosition) {
    auto parsed = parse_return_request_text("{\"id\": \"abc\",\n  \"rma\" 5}");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.errors.front().message.find("line 2"), std::string::npos) << parsed.errors.front().message;
}

TEST(Webhook, EnvelopeCarriesIdTypeAndTimeOfTheRequest) {
    const auto r = fx().request();
    const auto j = nlohmann::json::parse(webhook_body(r));
    EXPECT_EQ(j["id"], r.id);
    EXPECT_EQ(j["type"], "return.requested");
    EXPECT_EQ(j["created_at"], "2026-11-20T12:00:00Z");
    EXPECT_EQ(j["data"], to_json(r));
}

TEST(Webhook, HeadersNameTheRequestAndTheAttemptTime) {
    const auto h = webhook_headers(fx().request(), Instant{1'790'000'000});
    EXPECT_EQ(h.id, "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    EXPECT_EQ(h.timestamp, "1790000000");
}

TEST(Webhook, ParsesWhatItWrites) {
    const auto r = fx().request();
    auto parsed = parse_webhook_text(webhook_body(r));
    ASSERT_TRUE(parsed.ok()) << parsed.errors.front().text();
    EXPECT_EQ(canonical_json(parsed.value->data), canonical_json(r));
}

TEST(Webhook, PointsIntoDataForErrorsOfTheRequest) {
    auto j = nlohmann::json::parse(webhook_body(fx().request()));
    j["data"]["lines"][0]["reason"] = 7;
    auto parsed = parse_webhook(j);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.errors.front().pointer, "/data/lines/0/reason");
}

TEST(Webhook, RejectsAnEnvelopeIdThatIsNotTheRequestsId) {
    auto j = nlohmann::json::parse(webhook_body(fx().request()));
    j["id"] = "req_somebody_else";
    auto parsed = parse_webhook(j);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.errors.front().pointer, "/id");
}
