#include <gtest/gtest.h>

#include "core/return_mail.h"
#include "request_fixture.h"

using namespace retour;

namespace {

struct MailFixture : ::testing::Test {
    retour::testing::RequestFixture fx;
    ReturnRequest request = fx.request();
    const std::string link = status_link("https://shop.example.com/status?id={id}", request.id);
};

LifeEvent change(LifeEventType type, std::string note = "") {
    LifeEvent e;
    e.type = type;
    e.at = Instant{1'796'000'000};
    e.actor = "ana";
    e.note = std::move(note);
    return e;
}

}  // namespace

TEST(ReturnMail, TheStatusLinkCarriesTheRequestId) {
    EXPECT_EQ(status_link("https://s.example/st?id={id}&x=1", "req_abc12345"), "https://s.example/st?id=req_abc12345&x=1");
    EXPECT_EQ(status_link("", "req_abc12345"), "");
}

TEST_F(MailFixture, TheConfirmationIsInTheShoppersLanguageWithWhatWhenAndTheLink) {
    const MailContent m = confirmation_mail(fx.policy, request, link, i18n::Locale::de);
    EXPECT_EQ(m.subject, "Ihre Rücksendung " + request.rma + " bei " + fx.policy.shop.name);
    EXPECT_EQ(m.text.rfind("Hallo Ana Lima,\n\n", 0), 0u) << m.text;
    EXPECT_NE(m.text.find("zur Bestellung " + request.order.number), std::string::npos);
    EXPECT_NE(m.text.find("gesendet am 20. Nov. 2026 um 12:00 UTC"), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("- " + std::to_string(request.lines[0].quantity) + " × " + request.lines[0].title), std::string::npos);
    EXPECT_NE(m.text.find(link), std::string::npos);
    EXPECT_NE(m.html.find("<a href=\"" + link + "\""), std::string::npos);
    EXPECT_NE(m.html.find(fx.policy.shop.accent_color), std::string::npos);
    const MailContent en = confirmation_mail(fx.policy, request, "", i18n::Locale::en);
    EXPECT_EQ(en.text.find("Follow your return"), std::string::npos) << "no link, no line promising one";
}

TEST_F(MailFixture, TextFromTheShopperIsEscapedInTheHtml) {
    request.shopper.name = "<b>Ana</b> & \"Co\"";
    const MailContent m = confirmation_mail(fx.policy, request, link, i18n::Locale::en);
    EXPECT_NE(m.html.find("&lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Co&quot;"), std::string::npos);
    EXPECT_EQ(m.html.find("<b>Ana"), std::string::npos);
    EXPECT_NE(m.text.find("<b>Ana</b>"), std::string::npos) << "the text part stays as written";
}

TEST_F(MailFixture, AChangeMailSaysTheNewStateAndOnlyNotesMeantForTheShopper) {
    ReturnLife life;
    life.facts = life_facts(request);
    life.state = ReturnState::rejected;
    MailContent m = change_mail(fx.policy, request, life, change(LifeEventType::rejected, "Die Naht ist heil."), link,
                                i18n::Locale::de);
    EXPECT_EQ(m.subject, "Ihre Rücksendung " + request.rma + ": Nicht angenommen");
    EXPECT_NE(m.text.find("Nachricht von " + fx.policy.shop.name + ": Die Naht ist heil."), std::string::npos) << m.text;
    life.state = ReturnState::approved;
    m = change_mail(fx.policy, request, life, change(LifeEventType::approved, "internal: VIP"), link, i18n::Locale::nl);
    EXPECT_EQ(m.subject, "Je retour " + request.rma + ": Goedgekeurd");
    EXPECT_EQ(m.text.find("VIP"), std::string::npos);
}

TEST_F(MailFixture, ARefundMailShowsTheAmountInTheLocale) {
    ReturnLife life;
    life.facts = life_facts(request);
    life.state = ReturnState::refunded;
    LifeEvent refund = change(LifeEventType::refunded);
    refund.amount = 6666;
    const MailContent m = change_mail(fx.policy, request, life, refund, link, i18n::Locale::de);
    EXPECT_NE(m.text.find("Betrag: 66,66 €"), std::string::npos) << m.text;
}

TEST_F(MailFixture, TheShopsNoticeNamesTheReturnAndTheShopper) {
    const MailContent m = merchant_notice(fx.policy, request, "review", link);
    EXPECT_EQ(m.subject, "New return " + request.rma + " (review)");
    EXPECT_NE(m.text.find("ana@example.com"), std::string::npos);
    EXPECT_NE(m.text.find(request.lines[0].sku), std::string::npos);
}
