#include "core/order.h"

#include <gtest/gtest.h>

#include "core/order_token.h"
#include "tests/core/fixture.h"

namespace retour {
namespace {

using nlohmann::json;

TEST(Order, ParsesTheBaseFixture) {
    const auto o = parse_order(testing::read_json_fixture("orders/base.json"));
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o.value->lines.at(0).exchange_variants.size(), 3u);
    EXPECT_EQ(o.value->lines.at(0).total_paid(), 2500);
    EXPECT_FALSE(o.value->delivered->has_time);
}

TEST(Order, CanonicalJsonHasSortedKeysAndNoWhitespace) {
    const auto o = parse_order(testing::read_json_fixture("orders/base.json"));
    const std::string c = canonical_json(*o.value);
    EXPECT_EQ(c.find('\n'), std::string::npos);
    EXPECT_EQ(c.rfind("{\"currency\":\"EUR\",\"delivered_at\":\"2026-10-05\",\"email\":", 0), 0u) << c;
}

TEST(Order, CanonicalJsonRoundTripsToTheSameBytes) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["placed_at"] = "2026-10-01T12:00:00+02:00";  // normalized to UTC once
    doc["lines"][0]["title"] = "Tröja – blå";
    const std::string once = canonical_json(*parse_order(doc).value);
    const std::string twice = canonical_json(*parse_order_text(once).value);
    EXPECT_EQ(once, twice);
    EXPECT_NE(once.find("\"placed_at\":\"2026-10-01T10:00:00Z\""), std::string::npos);
    EXPECT_NE(once.find("Tröja – blå"), std::string::npos);
}

TEST(Order, CarriesAnOptionalExpiryAsUnixSecondsAndRoundTripsIt) {
    json doc = testing::read_json_fixture("orders/base.json");
    EXPECT_FALSE(parse_order(doc).value->expires);
    doc["exp"] = 1798761600;  // 2027-01-01T00:00:00Z
    const auto o = parse_order(doc);
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o.value->expires->unix_seconds, 1798761600);
    EXPECT_NE(canonical_json(*o.value).find("\"exp\":1798761600"), std::string::npos);
}

TEST(Order, RejectsAnExpiryThatIsNotUnixSeconds) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["exp"] = "2027-01-01";
    EXPECT_EQ(parse_order(doc).errors.at(0).pointer, "/exp");
    doc["exp"] = 1798761600000;  // milliseconds
    EXPECT_EQ(parse_order(doc).errors.at(0).pointer, "/exp");
}

TEST(OrderToken, AnExpiredLinkIsRefusedAfterItsExpiry) {
    Order o = *parse_order(testing::read_json_fixture("orders/base.json")).value;
    EXPECT_TRUE(check_expiry(o, Instant{2000000000}).ok());  // no exp: never expires
    o.expires = Instant{1798761600};
    EXPECT_TRUE(check_expiry(o, Instant{1798761600}).ok());
    const TokenError e = check_expiry(o, Instant{1798761601});
    EXPECT_EQ(e.code, "token_expired");
    EXPECT_NE(e.message.find("2027-01-01T00:00:00Z"), std::string::npos);
}

TEST(Order, ReportsDuplicateLineIds) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["lines"].push_back(doc["lines"][0]);
    const auto o = parse_order(doc);
    ASSERT_EQ(o.errors.size(), 1u);
    EXPECT_EQ(o.errors[0].text(), "/lines/1/id: duplicate line id \"L1\"");
}

TEST(Order, RejectsTaxAboveThePrice) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["lines"][0]["unit_tax"] = 3000;
    EXPECT_EQ(parse_order(doc).errors.at(0).text(), "/lines/0/unit_tax: expected at most unit_price (tax is included in it)");
}

TEST(Order, ReportsInvalidJsonText) {
    const auto o = parse_order_text("{\"id\": \"1\",");
    ASSERT_EQ(o.errors.size(), 1u);
    EXPECT_EQ(o.errors[0].message.rfind("not valid JSON: ", 0), 0u);
}

TEST(Order, AllocatesTheOrderDiscountAndRoundTripsDiscountAndShipping) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["discount"] = 1000;
    doc["shipping"] = {{"amount", 495}, {"tax", 79}};
    json second = doc["lines"][0];
    second["id"] = "L2";
    second["unit_price"] = 1000;
    doc["lines"].push_back(second);
    const auto o = parse_order(doc);
    ASSERT_TRUE(o.ok()) << o.errors.at(0).text();
    EXPECT_EQ(o.value->lines[0].order_discount, 714);
    EXPECT_EQ(o.value->lines[1].order_discount, 286);
    EXPECT_EQ(o.value->lines[0].total_paid(), 1786);
    EXPECT_EQ(o.value->shipping->tax, 79);
    const std::string c = canonical_json(*o.value);
    EXPECT_NE(c.find("\"discount\":1000"), std::string::npos) << c;
    EXPECT_EQ(c.find("order_discount"), std::string::npos) << "the allocation is derived, not carried";
    EXPECT_EQ(canonical_json(*parse_order_text(c).value), c);
}

TEST(Order, RejectsShippingTaxAboveTheAmountAndRefundsAboveIt) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["shipping"] = {{"amount", 495}, {"tax", 500}, {"amount_refunded", 496}};
    const auto o = parse_order(doc);
    ASSERT_EQ(o.errors.size(), 2u);
    EXPECT_EQ(o.errors[0].pointer, "/shipping/tax");
    EXPECT_EQ(o.errors[1].pointer, "/shipping/amount_refunded");
}

TEST(Order, AmountRefundedIsCheckedAgainstTheLineAfterItsDiscountShare) {
    json doc = testing::read_json_fixture("orders/base.json");
    doc["discount"] = 500;
    doc["lines"][0]["amount_refunded"] = 2001;
    const auto o = parse_order(doc);
    ASSERT_EQ(o.errors.size(), 1u);
    EXPECT_EQ(o.errors[0].text(), "/lines/0/amount_refunded: expected at most what the line cost (2000)");
}

}  // namespace
}  // namespace retour
