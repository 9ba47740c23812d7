// "What happens next" promises e-mail only when the policy says the shop's receiver
// sends it (notifications.email, for `retour hook --mail`).
#include <gtest/gtest.h>

#include "tests/portal/portal_fixture.h"
#include "wasm/app.h"

namespace retour::app {
namespace {

using test::Portal;

std::vector<std::string> next_after_a_refund(bool email) {
    Portal p;
    p.page.server = [&p, email](const web::HttpRequest& r) {
        web::HttpResponse a = test::demo_site(r, p.hook_status);
        if (r.url == "demo/policy.json" && email) {
            auto policy = nlohmann::json::parse(a.body);
            policy["notifications"] = {{"email", true}};
            a.body = policy.dump();
        }
        return a;
    };
    p.open();
    p.confirm_a_refund();
    p.app->dispatch()(SwitchLanguage{i18n::Locale::de});
    p.app->apply_actions();
    EXPECT_EQ(p.screen(), "done");
    return p.state()["done"]["next"].get<std::vector<std::string>>();
}

bool mentions_email(const std::vector<std::string>& texts) {
    for (const std::string& t : texts)
        if (t.find("E-Mail") != std::string::npos) return true;
    return false;
}

TEST(DoneNext, WithoutNotificationsNoEmailIsPromised) {
    const auto next = next_after_a_refund(false);
    ASSERT_FALSE(next.empty());
    EXPECT_FALSE(mentions_email(next)) << next.back();
    EXPECT_NE(next.back().find("erstatten wir Ihnen"), std::string::npos) << next.back();
}

TEST(DoneNext, WithEmailNotificationsTheShopPromisesToWrite) {
    const auto next = next_after_a_refund(true);
    ASSERT_FALSE(next.empty());
    EXPECT_EQ(next.back(), "Wir halten Sie per E-Mail auf dem Laufenden.");
}

}  // namespace
}  // namespace retour::app
