// The shopper's way through the portal natively, on the fake platform: every screen
// reached, drawn headless and read back through the test hook's state, offline ->
// queued -> online -> delivered, a reload mid-flow, a language switch, Back.
#include <gtest/gtest.h>

#include "core/request_id.h"
#include "tests/portal/portal_fixture.h"
#include "wasm/app.h"
#include "wasm/update.h"

namespace retour::app {
namespace {

using test::Portal;

// What a screen dispatches, applied as after a frame.
void act(Portal& p, Action a) {
    p.app->dispatch()(std::move(a));
    p.app->apply_actions();
    p.page.settle();
    p.imgui.frames(*p.app);
}

// Finds demo order 1001 and chooses one T-shirt, too small, refunded.
void choose_a_return(Portal& p) {
    ASSERT_EQ(p.screen(), "find_order");
    act(p, EditFind{"1001", "alex@example.com"});
    act(p, FindOrder{});
    p.page.advance(100);
    ASSERT_EQ(p.screen(), "items");
    p.imgui.frames(*p.app);
    act(p, ToggleLine{"l1", true});
    act(p, Continue{Screen::Items});
    ASSERT_EQ(p.screen(), "reasons");
    act(p, PickReason{"l1", "too_small"});
    act(p, Continue{Screen::Reasons});
    ASSERT_EQ(p.screen(), "resolution");
    act(p, PickResolution{Resolution::refund});
    act(p, Continue{Screen::Resolution});
    ASSERT_EQ(p.screen(), "summary");
}

TEST(PortalFlow, LoadsThePolicyAndShowsTheFindScreen) {
    Portal p;
    EXPECT_EQ(p.screen(), "find_order");
    EXPECT_EQ(p.page.requests.at(0).request.url, "demo/policy.json");
    EXPECT_EQ(p.state()["shop"], "Nordlys Outfitters");
    EXPECT_TRUE(p.state()["items"].contains("find_order"));
}

TEST(PortalFlow, APolicyThatDoesNotLoadShowsTheErrorScreen) {
    Portal p;
    p.page.server = [](const web::HttpRequest&) { return web::HttpResponse{500, "", "", 0}; };
    p.page.storage.clear();
    p.open();
    EXPECT_EQ(p.screen(), "policy_error");
    ASSERT_FALSE(p.page.events.empty());
    EXPECT_EQ(p.page.events.back().first, "error");
    EXPECT_GT(p.imgui.frames(*p.app), 0);
}

TEST(PortalFlow, AnUnknownOrderIsNotFound) {
    Portal p;
    p.s().order_number = "9999";
    p.s().contact = "alex@example.com";
    p.app->find_order();
    p.page.advance(100);
    EXPECT_EQ(p.screen(), "find_order");
    EXPECT_EQ(p.state()["problem_code"], "find.not_found_email");
}

TEST(PortalFlow, OfflineConfirmIsQueuedThenDeliveredOnline) {
    Portal p;
    choose_a_return(p);
    ASSERT_EQ(p.screen(), "summary");
    p.page.go_offline();
    act(p, Confirm{});
    EXPECT_EQ(p.screen(), "done");
    EXPECT_EQ(p.s().delivery, "queued");
    EXPECT_EQ(p.page.storage.count("draft"), 0u);  // the finished return is in the outbox
    ASSERT_EQ(p.page.events.back().first, "submitted");
    p.page.settle();
    p.imgui.frames(*p.app);
    EXPECT_EQ(p.state()["outbox"].size(), 1u);
    EXPECT_EQ(p.s().delivery, "queued");

    p.page.go_online();
    p.page.settle();
    p.imgui.frames(*p.app);
    EXPECT_EQ(p.s().delivery, "sent");
    EXPECT_EQ(p.state()["posted"], 1);
    EXPECT_TRUE(p.state()["outbox"].empty());
    const auto posted = nlohmann::json::parse(p.page.last_post().body.value());
    EXPECT_EQ(posted["type"], "return.requested");
    EXPECT_EQ(posted["data"]["rma"], p.s().rma);
}

TEST(PortalFlow, ARefusedReturnSaysSoAndCanBeCorrected) {
    Portal p;
    p.hook_status = 422;
    choose_a_return(p);
    p.app->submit();
    p.page.settle();
    p.imgui.frames(*p.app);
    EXPECT_EQ(p.s().delivery, "rejected");
    EXPECT_EQ(p.s().refusal.code, "quote_mismatch");
    act(p, Resend{false});
    p.page.settle();
    p.imgui.frames(*p.app);
    EXPECT_EQ(p.screen(), "summary");
    EXPECT_TRUE(p.s().lines[0].selected);
}

TEST(PortalFlow, AReloadMidFlowComesBackToTheSameStepWithTheChoices) {
    Portal p;
    choose_a_return(p);
    ASSERT_EQ(p.screen(), "summary");
    const std::string attempt = p.s().attempt_id;
    ASSERT_FALSE(attempt.empty());
    p.open();
    EXPECT_EQ(p.screen(), "summary");
    EXPECT_TRUE(p.s().lines[0].selected);
    EXPECT_EQ(p.s().lines[0].reason, "too_small");
    EXPECT_EQ(p.s().attempt_id, attempt);
}

TEST(PortalFlow, TheRequestIdFollowsTheCoresSchemeAndABrokenStoredOneIsReplaced) {
    Portal p;
    choose_a_return(p);
    EXPECT_TRUE(valid_request_id(p.s().attempt_id)) << p.s().attempt_id;
    EXPECT_EQ(p.s().attempt_id.rfind("req_", 0), 0u) << p.s().attempt_id;
    EXPECT_EQ(p.s().attempt_id.size(), 4u + 32u);
    // A draft edited by hand (or by an older portal gone wrong) must not stop the return.
    p.app->s.attempt_id = "not an id!";
    p.app->submit();
    p.page.settle();
    EXPECT_EQ(p.screen(), "done");
    EXPECT_TRUE(valid_request_id(p.s().request_id)) << p.s().request_id;
    const auto posted = nlohmann::json::parse(p.page.last_post().body.value());
    EXPECT_EQ(posted["data"]["id"], p.s().request_id);
}

TEST(PortalFlow, AReloadOnTheDoneScreenShowsTheSameReturn) {
    Portal p;
    choose_a_return(p);
    p.app->submit();
    p.page.settle();
    const std::string rma = p.s().rma;
    p.open();
    EXPECT_EQ(p.screen(), "done");
    EXPECT_EQ(p.s().rma, rma);
    EXPECT_EQ(p.s().delivery, "sent");
}

TEST(PortalFlow, TheLanguageSwitchChangesTheTextsNotTheChoices) {
    Portal p;
    choose_a_return(p);
    act(p, SwitchLanguage{i18n::Locale::de});
    const auto state = p.state();
    EXPECT_EQ(state["locale"], "de");
    EXPECT_EQ(state["screen"], "summary");
    EXPECT_NE(state["order"]["lines"][0]["decision_text"], nlohmann::json(""));
    EXPECT_TRUE(state["order"]["lines"][0]["selected"].get<bool>());
    EXPECT_EQ(state["order"]["lines"][0]["reason"], "too_small");
}

TEST(PortalFlow, BackWalksTheStepsThroughTheBrowsersHistory) {
    Portal p;
    choose_a_return(p);
    for (const char* expected : {"resolution", "reasons", "items", "find_order"}) {
        p.app->back();
        p.page.settle();
        p.imgui.frames(*p.app);
        EXPECT_EQ(p.screen(), expected);
    }
}

TEST(PortalFlow, ASecondConfirmOfTheSameAttemptShowsTheFirst) {
    Portal p;
    choose_a_return(p);
    const nlohmann::json draft = nlohmann::json::parse(p.page.storage.at("draft"));
    p.app->submit();
    p.page.settle();
    const std::string rma = p.s().rma;
    // Another tab still on the summary of the same attempt.
    p.page.storage["draft"] = draft.dump();
    p.page.entries[p.page.entry] = "";
    p.open();
    ASSERT_EQ(p.screen(), "summary");
    p.app->submit();
    EXPECT_EQ(p.screen(), "done");
    EXPECT_EQ(p.s().rma, rma);
    EXPECT_EQ(p.page.posts(), 1);
}

TEST(PortalScreens, EveryScreenDrawsHeadless) {
    Portal p;
    std::map<std::string, int> drawn;
    drawn[p.screen()] = p.imgui.frames(*p.app);
    p.s().order_number = "1001";
    p.s().contact = "alex@example.com";
    p.app->find_order();
    p.page.advance(100);
    drawn[p.screen()] = p.imgui.frames(*p.app);
    act(p, ToggleLine{"l1", true});
    act(p, Continue{Screen::Items});
    drawn[p.screen()] = p.imgui.frames(*p.app);
    act(p, PickReason{"l1", "too_small"});
    act(p, Continue{Screen::Reasons});
    drawn[p.screen()] = p.imgui.frames(*p.app);
    act(p, PickResolution{Resolution::refund});
    act(p, Continue{Screen::Resolution});
    drawn[p.screen()] = p.imgui.frames(*p.app);
    p.app->submit();
    drawn[p.screen()] = p.imgui.frames(*p.app);
    for (const char* screen : {"find_order", "items", "reasons", "resolution", "summary", "done"}) {
        ASSERT_TRUE(drawn.count(screen)) << screen;
        EXPECT_GT(drawn[screen], 100) << screen;  // more than the header: the screen drew
    }
    // The test hook names what the done screen offers to click.
    EXPECT_TRUE(p.state()["items"].contains("download_pdf")) << p.state()["items"].dump();
}

// Drawing is reading: frames without input leave the state as it was, on every step.
TEST(PortalScreens, DrawingAScreenDoesNotChangeTheState) {
    Portal p;
    auto unchanged_by_drawing = [&] {
        p.imgui.frames(*p.app);
        const std::string before = draft_json(p.s()).dump() + p.s().delivery + p.s().message;
        p.imgui.frames(*p.app, 3);
        EXPECT_EQ(before, draft_json(p.s()).dump() + p.s().delivery + p.s().message) << p.screen();
    };
    unchanged_by_drawing();
    act(p, UseDemoOrder{"1004"});  // partly returned already: quantities are limited
    act(p, ToggleLine{"l1", true});
    act(p, SetQuantity{"l1", 2});
    unchanged_by_drawing();
    act(p, Continue{Screen::Items});
    act(p, PickReason{"l1", "not_as_described"});
    unchanged_by_drawing();
    act(p, SetComment{"l1", "Thinner than shown"});
    act(p, Continue{Screen::Reasons});
    act(p, PickResolution{Resolution::store_credit});
    unchanged_by_drawing();
    act(p, Continue{Screen::Resolution});
    ASSERT_EQ(p.screen(), "summary");
    unchanged_by_drawing();
    act(p, Confirm{});
    ASSERT_EQ(p.screen(), "done");
    unchanged_by_drawing();
}

TEST(PortalScreens, AnOrderWithNothingReturnableShowsTheShopsContact) {
    Portal p;
    p.s().order_number = "1003";  // window closed
    p.s().contact = "kim@example.com";
    p.app->find_order();
    p.page.advance(100);
    ASSERT_EQ(p.screen(), "items");
    p.imgui.frames(*p.app);
    const auto items = p.state()["items"];
    EXPECT_TRUE(items.contains("shop_contact")) << items.dump();
    EXPECT_FALSE(items.contains("next"));
}

TEST(PortalScreens, TheDemoOrderPickerOpensAnOrder) {
    Portal p;
    act(p, UseDemoOrder{"1005"});
    EXPECT_EQ(p.screen(), "items");
    EXPECT_EQ(p.state()["order"]["number"], "1005");
    EXPECT_EQ(p.s().shopper.name, "Lea M\xC3\xBCller");  // the demo order's address is filled in
}

TEST(PortalScreens, TheLabelDownloadsAndPrints) {
    Portal p;
    choose_a_return(p);
    act(p, Confirm{});
    act(p, DownloadLabel{label::LabelFormat::pdf, false});
    act(p, DownloadLabel{label::LabelFormat::pdf, true});
    act(p, DownloadLabel{label::LabelFormat::zpl, false});
    ASSERT_EQ(p.page.downloads.size(), 3u);
    EXPECT_EQ(p.page.downloads[0].filename, "return-label-" + p.s().rma + ".pdf");
    EXPECT_EQ(p.page.downloads[0].bytes.substr(0, 5), "%PDF-");
    EXPECT_TRUE(p.page.downloads[1].print);
    EXPECT_EQ(p.page.downloads[2].mime, "application/zpl");
}

TEST(PortalScreens, StartOverKeepsTheDevicesReturns) {
    Portal p;
    choose_a_return(p);
    act(p, Confirm{});
    act(p, StartOver{});
    EXPECT_EQ(p.screen(), "find_order");
    EXPECT_EQ(p.state()["device_returns"].size(), 1u);
    EXPECT_TRUE(p.state()["items"].contains("device_return_0"));
    act(p, OpenReturn{p.state()["device_returns"][0]["id"]});
    EXPECT_EQ(p.screen(), "done");
}

TEST(PortalScreens, TheLanguageButtonsSwitchThroughAnAction) {
    Portal p;
    act(p, SwitchLanguage{i18n::Locale::nl});
    EXPECT_EQ(p.state()["locale"], "nl");
}

}  // namespace
}  // namespace retour::app
