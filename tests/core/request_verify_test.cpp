#include <gtest/gtest.h>

#include "core/label/rma.h"
#include "core/request_verify.h"
#include "request_fixture.h"

using namespace retour;
using retour::testing::RequestFixture;

namespace {

const RequestFixture& fx() {
    static const RequestFixture f;
    return f;
}

Instant minutes_after(Instant t, std::int64_t m) { return Instant{t.unix_seconds + m * 60}; }

Verification check(const ReturnRequest& r, Instant now) { return verify_request(fx().policy, r, now); }
Verification check(const ReturnRequest& r) { return check(r, minutes_after(r.created_at, 2)); }

std::vector<std::string> codes(const Verification& v) {
    std::vector<std::string> out;
    for (const auto& d : v.differences) out.push_back(d.code + " " + d.pointer);
    return out;
}

}  // namespace

TEST(VerifyRequest, AcceptsTheRequestThePortalBuilt) {
    const auto v = check(fx().request());
    EXPECT_TRUE(v.ok()) << to_json(v.differences).dump(1);
}

TEST(VerifyRequest, RefusesAnEditedRefundTotal) {
    auto r = fx().request();
    r.quote["totals"]["refund"] = r.quote["totals"]["refund"].get<std::int64_t>() + 1;
    const auto v = check(r);
    ASSERT_EQ(v.differences.size(), 1u) << to_json(v.differences).dump(1);
    EXPECT_EQ(v.differences[0].pointer, "/quote/totals/refund");
    EXPECT_EQ(v.differences[0].code, "quote_differs");
    EXPECT_EQ(v.differences[0].got.get<std::int64_t>(), v.differences[0].expected.get<std::int64_t>() + 1);
}

TEST(VerifyRequest, RefusesAnAmountWrittenAsAFloat) {
    auto r = fx().request();
    r.quote["totals"]["refund"] = r.quote["totals"]["refund"].get<double>();
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"quote_differs /quote/totals/refund"});
}

TEST(VerifyRequest, RefusesMoreUnitsThanTheOrderLineHas) {
    auto r = fx().request();
    r.lines[0].quantity = 2;  // L1 has one jacket
    const auto v = check(r);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.differences[0].code, "quantity_above_returnable");
    EXPECT_EQ(v.differences[0].pointer, "/lines/0/quantity");
}

TEST(VerifyRequest, RefusesAQuantityChangedWithoutItsQuote) {
    auto r = fx().request();
    r.lines[1].quantity = 3;  // allowed, but the quote was for 2
    const auto v = check(r);
    ASSERT_FALSE(v.ok());
    for (const auto& d : v.differences) EXPECT_EQ(d.code, "quote_differs") << d.pointer;
}

TEST(VerifyRequest, RefusesAReasonSwappedToWaiveFees) {
    // changed_mind pays restocking and label fees; damaged (merchant fault) does not.
    auto honest = fx().selection();
    honest.lines[0].reason = "changed_mind";
    auto r = fx().request(honest, fx().created_at);
    r.lines[0].reason = "damaged";
    const auto v = check(r);
    ASSERT_FALSE(v.ok());
    bool fee_reported = false;
    for (const auto& d : v.differences) fee_reported = fee_reported || d.pointer == "/quote/totals/fees";
    EXPECT_TRUE(fee_reported) << to_json(v.differences).dump(1);
}

TEST(VerifyRequest, RefusesAReasonThePolicyDoesNotHave) {
    auto r = fx().request();
    r.lines[0].reason = "just_because";
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"unknown_reason /lines/0/reason"});
}

TEST(VerifyRequest, RefusesAReturnAfterTheWindowClosed) {
    // Delivered 2026-11-05, 30 days: the last day is 2026-12-05 (Berlin time).
    const Instant late = *parse_instant("2026-12-07T10:00:00Z");
    const auto v = check(fx().request(fx().selection(), late));
    ASSERT_EQ(v.differences.size(), 2u) << to_json(v.differences).dump(1);
    EXPECT_EQ(v.differences[0].code, "decision_differs");
    EXPECT_EQ(v.differences[0].pointer, "/lines/0");
    EXPECT_EQ(v.differences[0].expected["status"], "ineligible");
    EXPECT_EQ(v.differences[0].expected["codes"][0], "window_closed");
}

TEST(VerifyRequest, RefusesAFinalSaleLine) {
    auto sel = fx().selection();
    sel.lines.push_back(SelectionLine{"L3", 1, "too_small", "", Resolution::refund, "", "", 0});
    auto r = fx().request(sel, fx().created_at);
    const auto v = check(r);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.differences[0].code, "decision_differs");
    EXPECT_EQ(v.differences[0].pointer, "/lines/2");
    EXPECT_EQ(v.differences[0].expected["codes"][0], "final_sale");
}

TEST(VerifyRequest, RefusesALineTheSignedOrderDoesNotHave) {
    auto r = fx().request();
    r.lines[1].line_id = "L9";
    const auto v = check(r);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.differences[0].code, "line_not_in_order");
    EXPECT_EQ(v.differences[0].pointer, "/lines/1/line_id");
}

TEST(VerifyRequest, RefusesLineDetailsThatDifferFromTheOrder) {
    auto r = fx().request();
    r.lines[0].sku = "JKT-XL-GOLD";
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"line_details_differ /lines/0/sku"});
}

TEST(VerifyRequest, RefusesAForgedToken) {
    auto r = fx().request();
    const auto other = crypto::ed25519_keypair_from_seed(crypto::Bytes(32, 0x22));
    r.order.token = sign_order(fx().order, other.secret_key);
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"token_bad_signature /order/token"});
}

TEST(VerifyRequest, RefusesAnOrderNumberThatIsNotTheSignedOne) {
    auto r = fx().request();
    r.order.number = "#1002";
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"order_mismatch /order/number"});
}

TEST(VerifyRequest, AcceptsClockSkewUpToTenMinutesEitherWayAsOnTime) {
    const auto r = fx().request();
    const auto behind = check(r, minutes_after(r.created_at, 10));
    EXPECT_TRUE(behind.ok());
    EXPECT_FALSE(behind.late);
    EXPECT_TRUE(check(r, minutes_after(r.created_at, -10)).ok());
}

TEST(VerifyRequest, RefusesACreatedAtMoreThanTenMinutesAhead) {
    const auto r = fx().request();
    EXPECT_EQ(codes(check(r, minutes_after(r.created_at, -11))),
              std::vector<std::string>{"created_at_out_of_range /created_at"});
}

TEST(VerifyRequest, AcceptsARequestTwoDaysOldAsLateVerifiedAtItsCreatedAt) {
    const auto r = fx().request();
    const auto v = check(r, minutes_after(r.created_at, 2 * 24 * 60));
    EXPECT_TRUE(v.ok()) << to_json(v.differences).dump(1);
    EXPECT_TRUE(v.late);
    EXPECT_EQ(v.age_seconds, 2 * 86400);
    EXPECT_TRUE(check(r, minutes_after(r.created_at, 11)).late);
}

TEST(VerifyRequest, AcceptsALateRequestUpToTheGracePeriod) {
    const auto r = fx().request();
    EXPECT_TRUE(check(r, minutes_after(r.created_at, 7 * 24 * 60 + 10)).ok());
}

TEST(VerifyRequest, RefusesARequestOlderThanTheGracePeriodAsTooLate) {
    const auto r = fx().request();
    const auto v = check(r, minutes_after(r.created_at, 8 * 24 * 60));
    EXPECT_EQ(codes(v), std::vector<std::string>{"too_late /created_at"});
    EXPECT_NE(v.differences[0].message.find("contact the shop"), std::string::npos);
}

TEST(VerifyRequest, TheGracePeriodComesFromThePolicy) {
    Policy strict = fx().policy;
    strict.webhook.late_grace_days = 0;
    const auto r = fx().request();
    EXPECT_EQ(codes(verify_request(strict, r, minutes_after(r.created_at, 11))),
              std::vector<std::string>{"too_late /created_at"});
    EXPECT_TRUE(verify_request(strict, r, minutes_after(r.created_at, 9)).ok());
}

TEST(VerifyRequest, RefusesARequestMadeAfterTheLinkExpired) {
    Order expiring = fx().order;
    const auto r0 = fx().request();
    expiring.expires = Instant{r0.created_at.unix_seconds - 1};
    const auto v = verify_request(fx().policy, r0, expiring, minutes_after(r0.created_at, 2));
    EXPECT_EQ(codes(v), std::vector<std::string>{"token_expired /order/token"});
}

TEST(VerifyRequest, AcceptsALateRequestMadeBeforeTheLinkExpired) {
    // Made in time, delivered after the expiry: judged at created_at.
    Order expiring = fx().order;
    const auto r0 = fx().request();
    expiring.expires = Instant{r0.created_at.unix_seconds + 60};
    EXPECT_TRUE(verify_request(fx().policy, r0, expiring, minutes_after(r0.created_at, 3 * 24 * 60)).ok());
}

TEST(VerifyRequest, RefusesARequestMadeUnderAnotherPolicy) {
    auto r = fx().request();
    r.policy_hash = "sha256:00";
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"policy_changed /policy/hash"});
}

TEST(VerifyRequest, RefusesAnRmaThatDoesNotBelongToTheId) {
    auto r = fx().request();
    r.rma = "NW-0000000000*";
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"rma_mismatch /rma"});
}

TEST(VerifyRequest, AcceptsTheLegacyRmaOfTheSameId) {
    auto r = fx().request();
    r.rma = label::legacy_rma_number(fx().policy.labels.rma_prefix, r.id);
    ASSERT_NE(r.rma, fx().request().rma);
    EXPECT_TRUE(check(r).ok()) << to_json(check(r).differences).dump(1);
}

TEST(VerifyRequest, RefusesTheLegacyRmaOfAnotherId) {
    auto r = fx().request();
    r.rma = label::legacy_rma_number(fx().policy.labels.rma_prefix, r.id + "x");
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"rma_mismatch /rma"});
}

TEST(VerifyRequest, RefusesADemoRequestAtALiveShop) {
    auto r = fx().request();
    r.demo = true;
    EXPECT_EQ(codes(check(r)), std::vector<std::string>{"demo_mismatch /demo"});
}

TEST(VerifyRequest, RefusesAReviewLineClaimedAsPlainEligible) {
    auto r = fx().request();
    ASSERT_EQ(r.quote["lines"][1]["review"], true);  // "damaged" is a review reason
    r.quote["lines"][1]["review"] = false;
    const auto v = check(r);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(codes(v)[0].rfind("quote_differs /quote/lines/1/review", 0), 0u) << codes(v)[0];
}

TEST(DiffJson, ReportsAddedAndMissingKeysByPointer) {
    std::vector<Difference> out;
    diff_json(nlohmann::json{{"a", 1}, {"b~/c", 2}}, nlohmann::json{{"a", 1}, {"z", 3}}, "", out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].pointer, "/b~0~1c");
    EXPECT_EQ(out[1].pointer, "/z");
}
