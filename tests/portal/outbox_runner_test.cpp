// The outbox runner on the fake platform: stored before it is posted, queued while
// offline, sent when the page comes back online, retried after failures, kept over a
// reload, and dropped only when the receiver has it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/portal/fake_platform.h"
#include "wasm/outbox_runner.h"

namespace retour::app {
namespace {

constexpr const char* kHook = "https://shop.test/hook";

struct Runner {
    test::FakePlatform& p;
    OutboxRunner runner{p};
    std::vector<OutboxRunner::Result> results{};
    void start(const std::string& content_type = "application/json") {
        runner.start(kHook, content_type, [this](const OutboxRunner::Result& r) { results.push_back(r); });
    }
};

nlohmann::json stored_outbox(test::FakePlatform& p) { return nlohmann::json::parse(p.storage.at("outbox")); }

web::HttpResponse answer(int status, std::string body = "{}") {
    web::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

TEST(OutboxRunner, StoresTheRequestBeforeItIsPosted) {
    test::FakePlatform p;
    Runner r{p};
    r.start();
    r.runner.submit("req-1", R"({"id":"req-1"})");
    ASSERT_EQ(p.requests.size(), 1u);
    EXPECT_FALSE(p.requests[0].answered);
    EXPECT_EQ(stored_outbox(p)["entries"].size(), 1u);
}

TEST(OutboxRunner, OfflineQueuesThenOnlineDelivers) {
    test::FakePlatform p;
    p.server = [](const web::HttpRequest&) { return answer(200, R"({"status":"accepted"})"); };
    Runner r{p};
    r.start();
    p.go_offline();
    r.runner.submit("req-1", "body-1");
    p.settle();
    ASSERT_EQ(r.results.size(), 1u);
    EXPECT_EQ(r.results[0].delivery, Delivery::retry);
    EXPECT_EQ(r.runner.box().entries.size(), 1u);
    EXPECT_EQ(r.runner.posts(), 0);

    p.go_online();
    p.settle();
    ASSERT_EQ(r.results.size(), 2u);
    EXPECT_EQ(r.results[1].delivery, Delivery::delivered);
    EXPECT_TRUE(r.runner.box().entries.empty());
    EXPECT_TRUE(stored_outbox(p)["entries"].empty());
    EXPECT_EQ(r.runner.posts(), 1);
    EXPECT_EQ(r.runner.last_posted(), "body-1");
}

TEST(OutboxRunner, RetriesAServerErrorAfterBackingOff) {
    test::FakePlatform p;
    int calls = 0;
    p.server = [&](const web::HttpRequest&) { return answer(++calls == 1 ? 503 : 200); };
    Runner r{p};
    r.start();
    r.runner.submit("req-1", "body");
    p.settle();
    EXPECT_EQ(p.posts(), 1);
    p.advance(999);  // the first backoff is at least 1 s (2 s with equal jitter)
    EXPECT_EQ(p.posts(), 1);
    p.advance(10'000);
    EXPECT_EQ(p.posts(), 2);
    EXPECT_TRUE(r.runner.box().entries.empty());
}

TEST(OutboxRunner, ARefusalIsKeptAndNotSentAgain) {
    test::FakePlatform p;
    p.server = [](const web::HttpRequest&) { return answer(422, R"({"error":"quote_mismatch"})"); };
    Runner r{p};
    r.start();
    r.runner.submit("req-1", "body");
    p.advance(3'600'000);
    EXPECT_EQ(p.posts(), 1);
    ASSERT_EQ(r.results.size(), 1u);
    EXPECT_EQ(r.results[0].delivery, Delivery::rejected);
    EXPECT_EQ(r.results[0].status, 422);
    EXPECT_EQ(r.results[0].detail, R"({"error":"quote_mismatch"})");
    ASSERT_NE(r.runner.box().find("req-1"), nullptr);
    r.runner.discard("req-1");
    EXPECT_TRUE(stored_outbox(p)["entries"].empty());
}

TEST(OutboxRunner, AReloadMidFlightSendsTheStoredRequestAgain) {
    test::FakePlatform p;
    p.server = [](const web::HttpRequest&) { return answer(200); };
    {
        Runner before{p};
        before.start();
        before.runner.submit("req-1", "body");  // posted, the page closes before the answer
        p.reload();
    }
    Runner after{p};
    after.start();
    p.settle();
    ASSERT_EQ(p.posts(), 2);
    EXPECT_EQ(p.requests[1].request.body, "body");
    EXPECT_TRUE(after.runner.box().entries.empty());
}

TEST(OutboxRunner, JsonPostsCarryTheWebhookHeadersTextPostsNone) {
    test::FakePlatform p;
    Runner json{p};
    json.start();
    json.runner.submit("req-1", "body");
    const web::Headers& h = p.requests.at(0).request.headers;
    EXPECT_NE(std::find(h.begin(), h.end(), web::Headers::value_type{"webhook-id", "req-1"}), h.end());
    EXPECT_NE(std::find(h.begin(), h.end(),
                        web::Headers::value_type{"webhook-timestamp", std::to_string(p.clock_ms / 1000)}),
              h.end());

    test::FakePlatform q;
    Runner text{q};
    text.start("text/plain");
    text.runner.submit("req-2", "body");
    EXPECT_EQ(q.requests.at(0).request.headers, (web::Headers{{"content-type", "text/plain"}}));
}

TEST(OutboxRunner, StorageRefusedIsReportedNotFatal) {
    test::FakePlatform p;
    p.storage_refuses = true;
    p.server = [](const web::HttpRequest&) { return answer(200); };
    Runner r{p};
    r.start();
    r.runner.submit("req-1", "body");
    EXPECT_FALSE(r.runner.saved());
    p.settle();
    EXPECT_EQ(r.runner.posts(), 1);
}

}  // namespace
}  // namespace retour::app
