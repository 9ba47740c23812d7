#include <gtest/gtest.h>

#include "core/review_rules.h"
#include "request_fixture.h"

using namespace retour;

namespace {

Policy policy_with_limit(std::int32_t limit) {
    Policy p = *parse_policy_text(retour::testing::read_fixture("receiver/policy.json")).value;
    p.review.max_customer_returns = limit;
    return p;
}

std::vector<std::string> codes(const std::vector<ReviewReason>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) out.push_back(r.code);
    return out;
}

Quote quote_with_codes(std::vector<std::vector<const char*>> per_line) {
    Quote q;
    for (auto& codes : per_line) {
        q.lines.emplace_back();
        q.lines.back().review_codes = std::move(codes);
    }
    return q;
}

const Quote kPlainQuote = quote_with_codes({{}});

}  // namespace

TEST(ReviewRules, NoReasonsForAFirstOnTimeRequest) {
    EXPECT_TRUE(review_reasons(policy_with_limit(3), {}, false, kPlainQuote).empty());
}

TEST(ReviewRules, ACustomerOverTheLimitIsReviewedNotRefused) {
    const auto rs = review_reasons(policy_with_limit(3), {1, 4}, false, kPlainQuote);
    ASSERT_EQ(codes(rs), std::vector<std::string>{"customer_return_limit"});
    EXPECT_EQ(rs[0].rule, "/review/max_customer_returns");
    EXPECT_NE(rs[0].message.find("4 earlier"), std::string::npos);
}

TEST(ReviewRules, ACustomerAtTheLimitIsNotReviewed) {
    EXPECT_TRUE(review_reasons(policy_with_limit(3), {0, 3}, false, kPlainQuote).empty());
}

TEST(ReviewRules, NoLimitInThePolicyMeansNoCountRule) {
    Policy p = policy_with_limit(0);
    p.review.max_customer_returns.reset();
    EXPECT_TRUE(review_reasons(p, {50, 50}, false, kPlainQuote).empty());
}

TEST(ReviewRules, ALateRequestIsReviewedForLateDelivery) {
    EXPECT_EQ(codes(review_reasons(policy_with_limit(3), {}, true, kPlainQuote)),
              std::vector<std::string>{"late_delivery"});
}

TEST(ReviewRules, TheQuotesOwnReviewCodesComeFirstAndOnce) {
    const Quote q = quote_with_codes({{"review_reason"}, {"review_reason"}});
    EXPECT_EQ(codes(review_reasons(policy_with_limit(0), {0, 1}, true, q)),
              (std::vector<std::string>{"review_reason", "customer_return_limit", "late_delivery"}));
}

TEST(NormaliseEmail, IgnoresCaseSpacesAndPlusTags) {
    EXPECT_EQ(normalise_email("  Ana+Shoes@Example.COM \n"), "ana@example.com");
    EXPECT_EQ(normalise_email("ana@example.com"), "ana@example.com");
    EXPECT_EQ(normalise_email("first.last@example.com"), "first.last@example.com");
}

TEST(NormaliseEmail, KeepsWhatIsNotAnAddressAsItIs) {
    EXPECT_EQ(normalise_email("+x@y"), "+x@y");
    EXPECT_EQ(normalise_email("no-at-sign"), "no-at-sign");
    EXPECT_EQ(normalise_email("a@b+c"), "a@b+c");
}
