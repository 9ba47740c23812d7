#include <gtest/gtest.h>

#include "core/return_event.h"
#include "core/return_timeline.h"
#include "life_fixture.h"
#include "request_fixture.h"

using namespace retour;
using namespace retour::testing;
using T = LifeEventType;
using S = ReturnState;

TEST(ReturnTimeline, TheStatusDocumentSpeaksTheShoppersLanguageAndKeepsTheShopsNotes) {
    const retour::testing::RequestFixture fx;
    const ReturnRequest request = fx.request();
    LifeFacts f = life_facts(request);
    f.refund_max = 5000;
    std::vector<LifeEvent> events = {valid(T::requested, 0), valid(T::info_requested, 1), valid(T::info_received, 2),
                                      valid(T::approved, 3)};
    events[1].note = "Bitte ein Foto der Naht schicken.";
    events[3].note = "internal: regular customer";
    const Advanced a = replay(f, events);
    ASSERT_TRUE(a.ok()) << code_of(a);
    const nlohmann::json doc = status_document(request, a.life, i18n::Locale::de);
    EXPECT_EQ(doc["state"], "approved");
    EXPECT_EQ(doc["state_label"], "Genehmigt");
    EXPECT_EQ(doc["locale"], "de");
    EXPECT_EQ(doc["id"], request.id);
    EXPECT_EQ(doc["rma"], request.rma);
    ASSERT_EQ(doc["events"].size(), 4u);
    EXPECT_EQ(doc["events"][0]["label"], "Rücksendung angemeldet");
    EXPECT_EQ(doc["events"][0]["at"], "2026-11-30T00:53:20Z");
    EXPECT_EQ(doc["events"][1]["note"], "Bitte ein Foto der Naht schicken.");
    EXPECT_FALSE(doc["events"][3].contains("note")) << "an approval's note is the shop's own";
    EXPECT_EQ(doc.dump().find("anna"), std::string::npos) << "who did it stays in the receiver";
}

TEST(ReturnTimeline, AmountsAndInspectionsAreShownInTheLocale) {
    const retour::testing::RequestFixture fx;
    const ReturnRequest request = fx.request();
    LifeFacts f = facts();
    f.line_ids = {"L1", "L2"};
    const Advanced a = replay(f, {valid(T::requested, 0), valid(T::approved, 1), valid(T::received, 2),
                                  valid(T::refunded, 3)});
    ASSERT_TRUE(a.ok());
    const nlohmann::json doc = status_document(request, a.life, i18n::Locale::nl);
    EXPECT_EQ(doc["events"][2]["inspection"][1]["label"], "Beschadigd");
    EXPECT_EQ(doc["events"][3]["amount"], 1000);
    EXPECT_EQ(doc["events"][3]["amount_text"], "€ 10,00");
    EXPECT_EQ(doc["refunded"], 1000);
    EXPECT_EQ(doc["state_label"], "Terugbetaald");
}

TEST(ReturnTimeline, EveryLabelAndRefusalHasATextInEveryLanguage) {
    for (const auto& info : i18n::available_locales()) {
        for (T type : kLifeEventTypes)
            EXPECT_NE(std::string(life_label(type, info.locale)).rfind("life.", 0), 0u) << to_string(type);
        for (const char* code : {"not_requested", "already_requested", "transition_not_allowed", "return_closed",
                                 "actor_required", "note_required", "time_before_previous", "inspection_required",
                                 "inspection_unknown_line", "inspection_not_allowed", "amount_required",
                                 "amount_not_allowed", "amount_above_quote", "no_exchange"}) {
            LifeRefusal r;
            r.code = code;
            EXPECT_NE(describe(r, "EUR", info.locale).rfind("life_error.", 0), 0u) << code << " " << info.tag;
        }
    }
}

TEST(ReturnTimeline, ARefusalIsDescribedWithItsStatesAndAmountFilledIn) {
    LifeRefusal r;
    r.code = "transition_not_allowed";
    r.state = S::rejected;
    r.next = T::refunded;
    EXPECT_EQ(describe(r, "EUR", i18n::Locale::de), "Diese Rücksendung ist „Nicht angenommen“: Sie kann nicht zu „Erstattet“ wechseln.");
    LifeRefusal over;
    over.code = "amount_above_quote";
    over.left = 2000;
    EXPECT_EQ(describe(over, "EUR", i18n::Locale::en),
              "That is more than the quote allows: €20.00 left. Add an override note to record it anyway.");
}

TEST(ReturnEvent, ALifeChangeIsForwardedWithTheStateAndSumsAfterIt) {
    const retour::testing::RequestFixture fx;
    const ReturnRequest request = fx.request();
    const Advanced a = replay(life_facts(request), {valid(T::requested, 0), valid(T::approved, 1)});
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(life_event_type(T::approved), "return.approved");
    const nlohmann::json d = return_life_data(request, a.life, a.life.events.back());
    EXPECT_EQ(d["state"], "approved");
    EXPECT_EQ(d["change"]["type"], "approved");
    EXPECT_EQ(d["change"]["actor"], "anna");
    EXPECT_EQ(d["rma"], request.rma);
    EXPECT_EQ(d["order"]["number"], request.order.number);
    EXPECT_EQ(d.dump().find(request.shopper.email), std::string::npos);
}
