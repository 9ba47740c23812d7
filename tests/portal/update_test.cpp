// update(): every action on the state of a real demo order, each allowed and refused
// case; the effects it asks of the shell; clamping once, in one place.
#include <gtest/gtest.h>

#include "tests/portal/portal_fixture.h"
#include "wasm/update.h"

namespace retour::app {
namespace {

// The items step of a demo order (number, email), reached through the portal.
AppState items_of(const std::string& number, const std::string& email) {
    test::Portal p;
    p.s().order_number = number;
    p.s().contact = email;
    p.app->find_order();
    p.page.advance(100);
    EXPECT_EQ(p.screen(), "items");
    return p.s();
}

const LineChoice& line(const AppState& s, const std::string& id) {
    for (const LineChoice& c : s.lines)
        if (c.line_id == id) return c;
    throw std::runtime_error("no line " + id);
}

std::vector<Screen> shown(const Updated& u) {
    std::vector<Screen> out;
    for (const Effect& e : u.effects)
        if (const auto* show = std::get_if<ShowScreen>(&e)) out.push_back(show->screen);
    return out;
}

class Update : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        eligible = new AppState(items_of("1001", "alex@example.com"));
        final_sale = new AppState(items_of("1002", "sam@example.com"));
        exchange = new AppState(items_of("1005", "lea@example.com"));
    }
    static void TearDownTestSuite() {
        delete eligible;
        delete final_sale;
        delete exchange;
    }
    static AppState* eligible;
    static AppState* final_sale;
    static AppState* exchange;
};
AppState* Update::eligible = nullptr;
AppState* Update::final_sale = nullptr;
AppState* Update::exchange = nullptr;

TEST_F(Update, ToggleLineSelectsAndUnselects) {
    AppState s = update(*eligible, ToggleLine{"l1", true}).state;
    EXPECT_TRUE(line(s, "l1").selected);
    s = update(s, ToggleLine{"l1", false}).state;
    EXPECT_FALSE(line(s, "l1").selected);
}

TEST_F(Update, ALineNothingCanBeReturnedOfStaysUnselected) {
    const AppState s = update(*final_sale, ToggleLine{"l1", true}).state;
    EXPECT_FALSE(line(s, "l1").selected);
}

TEST_F(Update, QuantityIsClampedToWhatIsLeft) {
    AppState s = update(*eligible, ToggleLine{"l1", true}).state;
    EXPECT_EQ(update(s, SetQuantity{"l1", 2}).state.lines[0].quantity, 2);
    EXPECT_EQ(update(s, SetQuantity{"l1", 5}).state.lines[0].quantity, 2);  // two were bought
    EXPECT_EQ(update(s, SetQuantity{"l1", 0}).state.lines[0].quantity, 1);
}

TEST_F(Update, UnknownLinesChangeNothing) {
    const AppState s = update(*eligible, ToggleLine{"nope", true}).state;
    EXPECT_EQ(draft_json(s), draft_json(*eligible));
}

TEST_F(Update, PickingAnotherReasonClearsItsSubReason) {
    AppState s = update(*eligible, ToggleLine{"l1", true}).state;
    s = update(s, PickReason{"l1", "not_as_described"}).state;
    s = update(s, PickSubReason{"l1", "colour"}).state;
    EXPECT_EQ(line(s, "l1").sub_reason, "colour");
    EXPECT_EQ(update(s, PickReason{"l1", "not_as_described"}).state.lines[0].sub_reason, "colour");
    s = update(s, PickReason{"l1", "too_small"}).state;
    EXPECT_EQ(line(s, "l1").reason, "too_small");
    EXPECT_EQ(line(s, "l1").sub_reason, "");
}

TEST_F(Update, ContinueFromItemsNeedsASelectedLine) {
    EXPECT_TRUE(shown(update(*eligible, Continue{Screen::Items})).empty());
    const AppState s = update(*eligible, ToggleLine{"l1", true}).state;
    EXPECT_EQ(shown(update(s, Continue{Screen::Items})), std::vector<Screen>{Screen::Reasons});
}

TEST_F(Update, ContinueFromReasonsNeedsEveryRequiredDetail) {
    AppState s = update(*eligible, ToggleLine{"l1", true}).state;
    Updated u = update(s, Continue{Screen::Reasons});
    EXPECT_TRUE(u.state.reasons_tried);  // the hints show from now on
    EXPECT_TRUE(shown(u).empty());
    s = update(u.state, PickReason{"l1", "damaged"}).state;  // needs a photo promised
    EXPECT_TRUE(shown(update(s, Continue{Screen::Reasons})).empty());
    s = update(s, SetPhoto{"l1", true}).state;
    EXPECT_EQ(shown(update(s, Continue{Screen::Reasons})), std::vector<Screen>{Screen::Resolution});
    s = update(s, PickReason{"l1", "not_as_described"}).state;  // needs a comment
    EXPECT_TRUE(shown(update(s, Continue{Screen::Reasons})).empty());
    s = update(s, SetComment{"l1", "   "}).state;
    EXPECT_TRUE(shown(update(s, Continue{Screen::Reasons})).empty());
    s = update(s, SetComment{"l1", "Wrong colour"}).state;
    EXPECT_EQ(shown(update(s, Continue{Screen::Reasons})), std::vector<Screen>{Screen::Resolution});
}

TEST_F(Update, AResolutionIsChosenOnlyWhenItCanBe) {
    AppState s = update(*eligible, ToggleLine{"l1", true}).state;
    s = update(s, PickReason{"l1", "too_small"}).state;
    EXPECT_TRUE(shown(update(s, Continue{Screen::Resolution})).empty());
    Updated u = update(s, PickResolution{Resolution::store_credit});
    EXPECT_TRUE(u.state.resolution_chosen);
    EXPECT_EQ(u.state.resolution, Resolution::store_credit);
    EXPECT_EQ(shown(update(u.state, Continue{Screen::Resolution})), std::vector<Screen>{Screen::Summary});
    // An exchange of a line without variants cannot be chosen.
    const AppState after = update(u.state, PickResolution{Resolution::exchange}).state;
    EXPECT_EQ(after.resolution, Resolution::store_credit);
}

TEST_F(Update, AnExchangeNeedsAVariantOfThatLine) {
    AppState s = update(*exchange, ToggleLine{"l1", true}).state;
    s = update(s, PickReason{"l1", "too_small"}).state;
    s = update(s, PickResolution{Resolution::exchange}).state;
    ASSERT_EQ(s.resolution, Resolution::exchange);
    EXPECT_TRUE(shown(update(s, Continue{Screen::Resolution})).empty());
    EXPECT_EQ(line(update(s, PickVariant{"l1", "NOT-A-SKU"}).state, "l1").exchange_sku, "");
    const std::string sku = s.order->find_line("l1")->exchange_variants.at(0).sku;
    s = update(s, PickVariant{"l1", sku}).state;
    EXPECT_EQ(line(s, "l1").exchange_sku, sku);
    EXPECT_EQ(shown(update(s, Continue{Screen::Resolution})), std::vector<Screen>{Screen::Summary});
}

TEST_F(Update, PickMethodSetsTheReturnMethod) {
    const AppState s = update(*eligible, PickMethod{ReturnMethod::drop_off}).state;
    EXPECT_EQ(s.method, ReturnMethod::drop_off);
}

TEST_F(Update, EditFindKeepsWhatWasTyped) {
    const AppState s = update(*eligible, EditFind{"  1001 ", "ALEX@example.com"}).state;
    EXPECT_EQ(s.order_number, "  1001 ");
    EXPECT_EQ(s.contact, "ALEX@example.com");
}

TEST_F(Update, ConfirmSubmitsOnlyWithACompleteAddress) {
    AppState s = *eligible;
    ShopperForm form = s.shopper;
    form.line1.clear();
    s = update(s, EditShopper{form}).state;
    EXPECT_EQ(s.shopper.line1, "");
    Updated u = update(s, Confirm{});
    EXPECT_TRUE(u.state.summary_tried);  // the problems show at their fields now
    EXPECT_TRUE(u.effects.empty());
    // Keeping the item needs no address.
    AppState keep = u.state;
    keep.resolution = Resolution::keep_item;
    EXPECT_EQ(update(keep, Confirm{}).effects.size(), 1u);
    form.line1 = "Hauptstraße 7";
    u = update(u.state, EditShopper{form});
    u = update(u.state, Confirm{});
    ASSERT_EQ(u.effects.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<SubmitReturn>(u.effects[0]));
}

TEST_F(Update, SwitchLanguageChangesOnlyTheLocale) {
    const AppState s = update(*eligible, SwitchLanguage{i18n::Locale::da}).state;
    EXPECT_EQ(s.locale, i18n::Locale::da);
    EXPECT_EQ(draft_json(s), draft_json(*eligible));
}

TEST_F(Update, DeliveredUpdatesTheReturnShownAndRecordsEveryOne) {
    AppState s = *eligible;
    s.request_id = "shown";
    s.delivery = "sending";
    Updated u = update(s, Delivered{"other", Delivery::delivered, 200, "{}"});
    EXPECT_EQ(u.state.delivery, "sending");  // another return of this device
    ASSERT_EQ(u.effects.size(), 1u);
    EXPECT_EQ(std::get<RecordDelivery>(u.effects[0]).delivery, "sent");

    u = update(s, Delivered{"shown", Delivery::retry, 0, "offline"});
    EXPECT_EQ(u.state.delivery, "queued");

    u = update(s, Delivered{"shown", Delivery::delivered, 200, R"({"needs_review":true})"});
    EXPECT_EQ(u.state.delivery, "sent");
    EXPECT_TRUE(u.state.review);

    u = update(s, Delivered{"shown", Delivery::rejected, 422, R"({"error":"too_late"})"});
    EXPECT_EQ(u.state.delivery, "rejected");
    EXPECT_EQ(u.state.refusal.code, "too_late");
    ASSERT_EQ(u.effects.size(), 2u);
    const auto& event = std::get<EmitEvent>(u.effects[0]);
    EXPECT_EQ(event.name, "error");
    EXPECT_EQ(nlohmann::json::parse(event.detail_json)["code"], "request_rejected");
    EXPECT_EQ(std::get<RecordDelivery>(u.effects[1]).refusal.code, "too_late");
}

TEST_F(Update, TheShellsActionsLeaveTheStateAlone) {
    for (const Action& a : {Action{GoBack{}}, Action{OpenLink{"tel:1"}},
                            Action{OpenReturn{"x"}}, Action{FindOrder{}}, Action{UseDemoOrder{"1001"}},
                            Action{RetryPolicy{}}, Action{DownloadLabel{}}, Action{Resend{}}, Action{StartOver{}}}) {
        const Updated u = update(*eligible, a);
        EXPECT_EQ(draft_json(u.state), draft_json(*eligible));
        EXPECT_TRUE(u.effects.empty());
    }
}

}  // namespace
}  // namespace retour::app
