// confirm(): the request built from the state at "Confirm", without the page.
#include <gtest/gtest.h>

#include "tests/portal/portal_fixture.h"
#include "wasm/confirmation.h"
#include "wasm/update.h"

namespace retour::app {
namespace {

// Demo order 1001 with one T-shirt chosen, too small, refunded.
AppState chosen() {
    test::Portal p;
    p.app->dispatch()(UseDemoOrder{"1001"});
    p.app->apply_actions();
    AppState s = p.s();
    for (const Action& a : {Action{ToggleLine{"l1", true}}, Action{PickReason{"l1", "too_small"}},
                            Action{PickResolution{Resolution::refund}}})
        s = update(s, a).state;
    s.attempt_id = "0123456789abcdef0123456789abcdef";
    return s;
}

Instant at(const char* iso) { return *parse_instant(iso); }

TEST(Confirm, BuildsTheRequestUnderTheAttemptsId) {
    const AppState s = chosen();
    const Instant now = Instant{test::FakePlatform{}.clock_ms / 1000};
    const Confirmation c = confirm(s, now);
    ASSERT_TRUE(c.ok()) << c.problem;
    EXPECT_EQ(c.request->id, s.attempt_id);
    EXPECT_EQ(c.record.id, s.attempt_id);
    EXPECT_EQ(c.record.rma, c.request->rma);
    EXPECT_EQ(c.record.order_number, "1001");
    EXPECT_EQ(c.record.created_at, format_instant(now));
    EXPECT_EQ(c.record.draft["screen"], screen_name(s.screen));
    const auto body = nlohmann::json::parse(c.body);
    EXPECT_EQ(body["data"]["id"], s.attempt_id);
    EXPECT_EQ(c.request_json["lines"].size(), 1u);
}

TEST(Confirm, APriceThatNoLongerHoldsIsAProblemInTheShoppersLanguage) {
    AppState s = chosen();
    s.locale = i18n::Locale::de;
    // Months later the return window is closed: priced again at the moment of confirming.
    const Confirmation c = confirm(s, at("2030-01-01T00:00:00Z"));
    EXPECT_FALSE(c.ok());
    EXPECT_FALSE(c.problem.empty());
}

TEST(Confirm, AnIncompleteAddressIsNotSent) {
    AppState s = chosen();
    s.shopper.postcode.clear();
    const Instant now = Instant{test::FakePlatform{}.clock_ms / 1000};
    Confirmation c = confirm(s, now);
    EXPECT_FALSE(c.ok());
    EXPECT_TRUE(c.address_incomplete);
    s.shopper.postcode = "10117";
    c = confirm(s, now);
    EXPECT_TRUE(c.ok()) << c.problem;
    EXPECT_FALSE(c.address_incomplete);
}

}  // namespace
}  // namespace retour::app
