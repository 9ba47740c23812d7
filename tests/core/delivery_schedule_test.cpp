#include <gtest/gtest.h>

#include "core/delivery_schedule.h"

using namespace retour;

namespace {
const RetrySchedule kSchedule{1'000, 60'000, 3 * 86'400'000LL};
const std::int64_t kStart = 1'000'000;
NextAttempt after(std::int32_t attempts, int status, double jitter, std::optional<std::int64_t> retry_after = {},
                  std::int64_t now = kStart) {
    return next_attempt(kSchedule, attempts, status, retry_after, kStart, now, jitter);
}
}  // namespace

TEST(DeliverySchedule, TwoHundredsAreDelivered) {
    EXPECT_EQ(after(1, 200, 0.5).step, NextStep::delivered);
    EXPECT_EQ(after(1, 204, 0.5).step, NextStep::delivered);
    EXPECT_EQ(after(1, 299, 0.5).step, NextStep::delivered);
}

TEST(DeliverySchedule, GoneDisablesTheEndpoint) { EXPECT_EQ(after(1, 410, 0.5).step, NextStep::disabled); }

TEST(DeliverySchedule, RedirectsClientAndServerErrorsAndNoAnswerAreRetried) {
    for (int status : {0, 301, 400, 404, 500})
        EXPECT_EQ(after(1, status, 0.5).step, NextStep::retry) << status;
}

TEST(DeliverySchedule, FullJitterDrawsBelowTheDoublingCeiling) {
    // Ceiling after the 3rd attempt: 1 s · 2² = 4 s.
    EXPECT_EQ(after(3, 500, 0.5).at_ms, kStart + 2'000);
    EXPECT_EQ(after(3, 500, 0.999).at_ms, kStart + 3'996);
    EXPECT_EQ(after(4, 500, 0.5).at_ms, kStart + 4'000);
}

TEST(DeliverySchedule, AnUnluckyDrawStillWaitsAtLeastASecond) { EXPECT_EQ(after(5, 0, 0.0).at_ms, kStart + 1'000); }

TEST(DeliverySchedule, TheCeilingStopsGrowingAtTheMaximum) {
    EXPECT_EQ(after(30, 500, 0.5).at_ms, kStart + 30'000);
    EXPECT_EQ(after(1000, 500, 0.5).at_ms, kStart + 30'000);
}

TEST(DeliverySchedule, ThrottlingStatusesWaitTheFullDelayOrLonger) {
    for (int status : {429, 502, 503, 504}) {
        EXPECT_EQ(after(3, status, 0.0).at_ms, kStart + 4'000) << status;
        EXPECT_EQ(after(3, status, 0.5).at_ms, kStart + 6'000) << status;
    }
}

TEST(DeliverySchedule, RetryAfterIsNeverCutShort) {
    EXPECT_EQ(after(1, 429, 0.5, 120'000).at_ms, kStart + 120'000);
    EXPECT_EQ(after(1, 503, 0.5, 120'000).at_ms, kStart + 120'000);
    EXPECT_EQ(after(1, 500, 0.5, 120'000).at_ms, kStart + 120'000);
    // A shorter Retry-After than the backoff does not speed it up.
    EXPECT_EQ(after(3, 429, 0.0, 10).at_ms, kStart + 4'000);
}

TEST(DeliverySchedule, GivesUpWhenTheNextAttemptWouldBePastThreeDays) {
    const std::int64_t three_days = 3 * 86'400'000LL;
    EXPECT_EQ(after(20, 500, 0.5, {}, kStart + three_days - 31'000).step, NextStep::retry);
    EXPECT_EQ(after(20, 500, 0.5, {}, kStart + three_days - 29'000).step, NextStep::failed);
    EXPECT_EQ(after(2, 429, 0.5, three_days + 1).step, NextStep::failed);
}

TEST(DeliverySchedule, DefaultsRetryForAboutThreeDays) {
    const RetrySchedule s;
    std::int64_t now = 0;
    int attempts = 1;
    for (NextAttempt n = next_attempt(s, attempts, 0, {}, 0, now, 1.0); n.step == NextStep::retry;
         n = next_attempt(s, ++attempts, 0, {}, 0, now, 1.0))
        now = n.at_ms;
    EXPECT_GT(now, 2 * 86'400'000LL);
    EXPECT_LE(now, 3 * 86'400'000LL);
    EXPECT_GE(attempts, 15);
    EXPECT_LE(attempts, 25);
}

TEST(RetryAfter, DelaySeconds) {
    EXPECT_EQ(parse_retry_after("120", 0), 120'000);
    EXPECT_EQ(parse_retry_after(" 0 ", 0), 0);
    EXPECT_EQ(parse_retry_after("", 0), std::nullopt);
    EXPECT_EQ(parse_retry_after("-5", 0), std::nullopt);
    EXPECT_EQ(parse_retry_after("1.5", 0), std::nullopt);
}

TEST(RetryAfter, HttpDatesInAllThreeFormsOfRfc9110) {
    const std::int64_t t = 784'111'777;  // Sun, 06 Nov 1994 08:49:37 GMT
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), t);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), t);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), t);
    EXPECT_EQ(parse_http_date("Sun, 31 Nov 1994 08:49:37 GMT"), std::nullopt);
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 CET"), std::nullopt);
    EXPECT_EQ(parse_http_date("yesterday"), std::nullopt);
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", t * 1000), 60'000);
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", (t + 5) * 1000), 0);
}
