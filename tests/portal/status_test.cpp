// The done screen's timeline: the status document asked of the shop's receiver (or of
// the published status file), drawn in the shopper's language and the shop's time zone;
// 404 and offline show none and change nothing else.
#include <gtest/gtest.h>

#include "tests/portal/portal_fixture.h"
#include "wasm/app.h"
#include "wasm/return_status.h"
#include "wasm/update.h"

namespace retour::app {
namespace {

using test::Portal;

// A receiver's answer for `id`: requested late on 27 May UTC (28 May in Berlin), then
// a request for information with the shop's note, then a refund of 19.95.
std::string status_body(const std::string& id) {
    nlohmann::json doc = {
        {"id", id}, {"currency", "EUR"}, {"locale", "en"}, {"rma", "R-1"}, {"state", "refunded"},
        {"events",
         {{{"at", "2026-05-27T22:30:00Z"}, {"type", "requested"}, {"label", "Return requested"}},
          {{"at", "2026-05-29T09:00:00Z"}, {"type", "info_requested"}, {"label", "More information needed"},
           {"note", "Please send a photo of the label."}},
          {{"at", "2026-06-02T09:00:00Z"}, {"type", "refunded"}, {"label", "Refunded"}, {"amount", 1995}}}}};
    return doc.dump();
}

// A shop (not a demo: demos ask for no status) using the demo's example orders, its
// receiver at shop.test also answering /status/ with `status`.
struct StatusPortal : Portal {
    int status = 200;
    std::vector<std::string> asked;
    StatusPortal() {
        page.server = [this](const web::HttpRequest& r) {
            const std::string prefix = "https://shop.test/status/";
            if (r.url.rfind(prefix, 0) != 0) {
                web::HttpRequest demo = r;
                if (r.url == "policy.json") demo.url = "demo/policy.json";  // the shop's own page
                web::HttpResponse a = test::demo_site(demo, hook_status);
                if (demo.url == "demo/policy.json") {
                    auto policy = nlohmann::json::parse(a.body);
                    policy["demo"] = false;
                    a.body = policy.dump();
                }
                return a;
            }
            asked.push_back(r.url);
            const std::string id = r.url.substr(prefix.size(), r.url.find('?') - prefix.size());
            return status == 200 ? web::HttpResponse{200, status_body(id), "", 0} : web::HttpResponse{status, "", "", 0};
        };
    }
    void confirm_a_return() {
        s().demo = false;  // ?demo brings the example orders and marks a demo; this is a shop
        confirm_a_refund();
    }
    void act(Action a) {
        app->dispatch()(std::move(a));
        app->apply_actions();
        page.settle();
        imgui.frames(*app);
    }
    nlohmann::json timeline() { return state()["done"]["timeline"]; }
};

TEST(ReturnStatus, TheUrlIsTheReceiversOriginOrThePublishedFile) {
    Policy p;
    p.webhook.url = "https://hooks.shop.example:8443/retour/hook?x=1";
    EXPECT_EQ(status_url(p, true, "req_1", i18n::Locale::de), "https://hooks.shop.example:8443/status/req_1?lang=de");
    p.lookup.mode = "published";
    EXPECT_EQ(status_url(p, false, "req_1", i18n::Locale::nl), "status/req_1.nl.json");
    p.lookup.mode = "signed_link";
    EXPECT_EQ(status_url(p, false, "req_1", i18n::Locale::en), "");
    EXPECT_EQ(status_url(p, true, "", i18n::Locale::en), "");
}

TEST(ReturnStatus, TheDoneScreenDrawsTheReceiversSteps) {
    StatusPortal p;
    p.confirm_a_return();
    ASSERT_EQ(p.screen(), "done");
    ASSERT_EQ(p.s().delivery, "sent");
    ASSERT_FALSE(p.asked.empty());
    EXPECT_EQ(p.asked.back(), "https://shop.test/status/" + p.s().request_id + "?lang=en");
    const auto steps = p.timeline();
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(steps[0]["label"], "Return requested");
    EXPECT_EQ(steps[0]["date"], "28 May 2026");  // Berlin, not UTC
    EXPECT_EQ(steps[1]["note"], "Please send a photo of the label.");
    EXPECT_EQ(steps[2]["label"], "Refunded");
    EXPECT_NE(steps[2]["amount"].get<std::string>().find("19.95"), std::string::npos);
    EXPECT_TRUE(p.state()["items"].contains("timeline"));
}

TEST(ReturnStatus, ALanguageSwitchRelabelsTheSteps) {
    StatusPortal p;
    p.confirm_a_return();
    p.act(SwitchLanguage{i18n::Locale::de});
    const auto steps = p.timeline();
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(steps[2]["label"], "Erstattet");
    EXPECT_EQ(steps[0]["date"], "28. Mai 2026");
}

TEST(ReturnStatus, AnUnknownReturnShowsNoTimeline) {
    StatusPortal p;
    p.status = 404;
    p.confirm_a_return();
    EXPECT_EQ(p.screen(), "done");
    EXPECT_EQ(p.s().delivery, "sent");
    EXPECT_FALSE(p.asked.empty());
    EXPECT_TRUE(p.timeline().empty());
    EXPECT_FALSE(p.state()["items"].contains("timeline"));
    EXPECT_FALSE(p.state()["done"]["labels"].is_null());
}

TEST(ReturnStatus, OfflineShowsNoTimelineAndKeepsTheReturnQueued) {
    StatusPortal p;
    p.page.go_offline();
    p.confirm_a_return();
    EXPECT_EQ(p.s().delivery, "queued");
    EXPECT_TRUE(p.timeline().empty());
    // The shop cannot know a return it has not got: nothing is asked before delivery
    // (a receiver answers 404, a console error in the shopper's browser).
    EXPECT_TRUE(p.asked.empty());
    p.page.go_online();
    p.page.settle();
    p.imgui.frames(*p.app);
    // Delivered: now the receiver knows it.
    EXPECT_EQ(p.s().delivery, "sent");
    EXPECT_EQ(p.asked.size(), 1u);
    EXPECT_EQ(p.timeline().size(), 3u);
}

TEST(ReturnStatus, NothingIsAskedBeforeTheShopHasTheReturn) {
    StatusPortal p;
    p.hook_status = 503;  // the receiver is down for a deploy: the return waits in the outbox
    p.confirm_a_return();
    ASSERT_EQ(p.screen(), "done");
    EXPECT_NE(p.s().delivery, "sent");
    EXPECT_TRUE(p.asked.empty()) << p.asked.front();
    EXPECT_TRUE(p.timeline().empty());
}

TEST(ReturnStatus, AReloadAsksAgain) {
    StatusPortal p;
    p.confirm_a_return();
    const std::size_t before = p.asked.size();
    p.status = 404;  // e.g. the shop removed it
    p.page.query = "";  // the shop's own page: no demo
    p.open();
    EXPECT_EQ(p.screen(), "done");
    EXPECT_GT(p.asked.size(), before);
    EXPECT_TRUE(p.timeline().empty());
}

TEST(ReturnStatus, ADemoAsksForNoStatus) {
    Portal p;  // ?demo
    p.confirm_a_refund();
    ASSERT_EQ(p.screen(), "done");
    for (const auto& sent : p.page.requests) EXPECT_EQ(sent.request.url.find("/status/"), std::string::npos);
}

TEST(ReturnStatus, AMalformedDocumentShowsWhatItCanAndNeverThrows) {
    AppState s;
    s.request_id = "req_a";
    // The id as a number: not this return's document.
    EXPECT_TRUE(update(s, StatusFetched{"req_a", 200, R"({"id": 7, "events": [{"type": "requested"}]})"}).state.status.is_null());
    EXPECT_TRUE(update(s, StatusFetched{"req_a", 200, "not json"}).state.status.is_null());
    // Fields of the wrong type read as missing; the step keeps what it can.
    const auto doc = nlohmann::json::parse(
        R"({"id": "req_a", "currency": 5, "events": [{"type": 3, "label": ["x"], "at": 1, "note": {}, "amount": "9"},
            {"type": "approved", "at": "2026-05-29T09:00:00Z"}, 17]})");
    EXPECT_TRUE(is_status_document(doc, "req_a"));
    Policy policy;
    const std::vector<TimelineStep> steps = timeline_steps(doc, policy);
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].label, "");
    EXPECT_EQ(steps[0].date, "");
    EXPECT_EQ(steps[0].note, "");
    EXPECT_FALSE(steps[1].label.empty());
    EXPECT_FALSE(steps[1].date.empty());
}

TEST(ReturnStatus, AnAnswerAboutAnotherReturnIsIgnored) {
    AppState s;
    s.request_id = "req_a";
    auto u = update(s, StatusFetched{"req_b", 200, status_body("req_b")});
    EXPECT_TRUE(u.state.status.is_null());
    u = update(s, StatusFetched{"req_a", 200, status_body("req_b")});  // a document of another id
    EXPECT_TRUE(u.state.status.is_null());
    u = update(s, StatusFetched{"req_a", 200, status_body("req_a")});
    EXPECT_FALSE(u.state.status.is_null());
    // Offline keeps what was shown; 404 takes it away.
    EXPECT_FALSE(update(u.state, StatusFetched{"req_a", 0, ""}).state.status.is_null());
    EXPECT_TRUE(update(u.state, StatusFetched{"req_a", 404, ""}).state.status.is_null());
}

}  // namespace
}  // namespace retour::app
