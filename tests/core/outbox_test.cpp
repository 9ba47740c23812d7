#include <gtest/gtest.h>

#include "core/outbox.h"

using namespace retour;

namespace {
Outbox one_request(std::int64_t now = 1000) { return enqueue({}, "req-1", R"({"id":"req-1"})", now); }
}  // namespace

TEST(Outbox, BackoffDoublesFromTheBaseDelay) {
    BackoffSchedule s{1000, 60'000};
    EXPECT_EQ(backoff_delay_ms(s, 1, 1.0), 1000);
    EXPECT_EQ(backoff_delay_ms(s, 2, 1.0), 2000);
    EXPECT_EQ(backoff_delay_ms(s, 3, 1.0), 4000);
}

TEST(Outbox, BackoffStopsGrowingAtTheCap) {
    BackoffSchedule s{1000, 60'000};
    EXPECT_EQ(backoff_delay_ms(s, 7, 1.0), 60'000);
    EXPECT_EQ(backoff_delay_ms(s, 1'000'000, 1.0), 60'000);
}

TEST(Outbox, JitterScalesTheDelayBetweenHalfAndAll) {
    BackoffSchedule s{1000, 60'000};
    EXPECT_EQ(backoff_delay_ms(s, 3, 0.0), 2000);
    EXPECT_EQ(backoff_delay_ms(s, 3, 0.5), 3000);
    EXPECT_EQ(backoff_delay_ms(s, 3, -4.0), 2000);  // out-of-range jitter is clamped
}

TEST(Outbox, ANewRequestIsDueAtOnce) {
    EXPECT_EQ(due(one_request(1000), 1000), std::vector<std::string>{"req-1"});
}

TEST(Outbox, EnqueuingTheSameIdTwiceKeepsOneEntry) {
    auto box = enqueue(one_request(), "req-1", "other body", 2000);
    ASSERT_EQ(box.entries.size(), 1u);
    EXPECT_EQ(box.entries[0].body, R"({"id":"req-1"})");
}

TEST(Outbox, ASendingEntryIsNotDueAgain) {
    EXPECT_TRUE(due(mark_sending(one_request(), "req-1"), 5000).empty());
}

TEST(Outbox, A2xxAnswerRemovesTheEntry) {
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 200, "", 2000, 0.5);
    EXPECT_EQ(r.delivery, Delivery::delivered);
    EXPECT_TRUE(r.box.entries.empty());
}

TEST(Outbox, AServerErrorSchedulesARetryWithBackoff) {
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 503, "", 2000, 1.0,
                             BackoffSchedule{1000, 60'000});
    EXPECT_EQ(r.delivery, Delivery::retry);
    ASSERT_EQ(r.box.entries.size(), 1u);
    EXPECT_EQ(r.box.entries[0].state, OutboxState::pending);
    EXPECT_EQ(r.box.entries[0].attempts, 1);
    EXPECT_EQ(r.box.entries[0].next_attempt_ms, 3000);
    EXPECT_EQ(r.box.entries[0].last_error, "HTTP 503");
}

TEST(Outbox, ANetworkErrorIsRetried) {
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 0, "", 2000, 0.0);
    EXPECT_EQ(r.delivery, Delivery::retry);
    EXPECT_EQ(r.box.entries[0].last_error, "network error");
}

TEST(Outbox, RetryAfterLongerThanTheBackoffWins) {
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 429, "", 2000, 0.0,
                             BackoffSchedule{1000, 60'000}, 30'000);
    EXPECT_EQ(r.box.entries[0].next_attempt_ms, 32'000);
}

TEST(Outbox, AMismatchIsRejectedAndKeptForTheMerchant) {
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 422, "[differences]", 2000, 0.0);
    EXPECT_EQ(r.delivery, Delivery::rejected);
    EXPECT_EQ(r.box.entries[0].state, OutboxState::rejected);
    EXPECT_EQ(r.box.entries[0].last_error, "HTTP 422: [differences]");
    EXPECT_TRUE(due(r.box, 1'000'000'000).empty());
}

TEST(Outbox, AStaleTimestampIsRetriedNotDropped) {
    // The receiver's 408 stale_timestamp: the next attempt carries a new webhook-timestamp.
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 408, "{\"error\":\"stale_timestamp\"}", 2000, 0.0);
    EXPECT_EQ(r.delivery, Delivery::retry);
    EXPECT_EQ(r.box.entries[0].state, OutboxState::pending);
    EXPECT_FALSE(due(r.box, 1'000'000).empty());
}

TEST(Outbox, AConflictingDuplicateIsNotRetried) {
    EXPECT_EQ(classify(409), Delivery::rejected);
}

TEST(Outbox, AnEntryCutOffWhileSendingIsDueAgainOnLoad) {
    auto box = resume(mark_sending(one_request(1000), "req-1"), 9000);
    EXPECT_EQ(due(box, 9000), std::vector<std::string>{"req-1"});
}

TEST(Outbox, ComingBackOnlineMakesBackedOffEntriesDueNow) {
    auto r = record_response(mark_sending(one_request(), "req-1"), "req-1", 0, "", 2000, 1.0);
    ASSERT_TRUE(due(r.box, 2500).empty());
    EXPECT_EQ(due(on_online(r.box, 2500), 2500), std::vector<std::string>{"req-1"});
}

TEST(Outbox, NextWakeupIsTheEarliestPendingAttempt) {
    auto box = enqueue(enqueue({}, "a", "{}", 5000), "b", "{}", 3000);
    EXPECT_EQ(next_wakeup(box), std::optional<std::int64_t>(3000));
    EXPECT_EQ(next_wakeup(Outbox{}), std::nullopt);
}

TEST(Outbox, SurvivesARoundTripThroughItsStorageJson) {
    auto r = record_response(mark_sending(enqueue(one_request(), "req-2", "{}", 1500), "req-1"), "req-1",
                             500, "boom", 2000, 0.3);
    auto parsed = parse_outbox(nlohmann::json::parse(outbox_to_json(r.box).dump()));
    ASSERT_TRUE(parsed.ok()) << parsed.errors.front().text();
    EXPECT_EQ(parsed.value->entries, r.box.entries);
}

TEST(Outbox, ReportsADamagedStoredQueueWithPointers) {
    auto parsed = parse_outbox(nlohmann::json::parse(
        R"({"version":1,"entries":[{"id":"a","body":"{}","created_ms":1,"attempts":0,"next_attempt_ms":1,"state":"flying","last_error":""}]})"));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.errors.front().pointer, "/entries/0/state");
}
