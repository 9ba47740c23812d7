#include "core/policy_warnings.h"

#include <gtest/gtest.h>

#include "core/closest_word.h"
#include "tests/core/fixture.h"

namespace retour {
namespace {

using nlohmann::json;

std::vector<std::string> warnings_of(const json& patch) {
    json doc = testing::read_json_fixture("policy/base.json");
    doc.merge_patch(patch);
    const auto p = parse_policy(doc);
    EXPECT_TRUE(p.ok()) << (p.errors.empty() ? "" : p.errors[0].text());
    std::vector<std::string> out;
    if (p.ok())
        for (const auto& w : policy_warnings(*p.value)) out.push_back(w.text());
    return out;
}

const json kAll = {{"en", "Too small"}, {"de", "Zu klein"}, {"nl", "Te klein"}, {"da", "For lille"}, {"id", "Terlalu kecil"}};

TEST(PolicyWarnings, NoneWhenEveryLabelHasEveryLanguage) {
    json reasons = json::array({{{"handle", "too_small"}, {"labels", kAll}},
                                {{"handle", "other"}, {"labels", kAll}, {"sub_reasons", json::array({{{"handle", "x"}, {"labels", kAll}}})}}});
    EXPECT_EQ(warnings_of({{"reasons", reasons}}), std::vector<std::string>{});
}

TEST(PolicyWarnings, AFixedOffsetIgnoresDaylightSaving) {
    json reasons = json::array({{{"handle", "too_small"}, {"labels", kAll}}});
    EXPECT_EQ(warnings_of({{"reasons", reasons}, {"time_zone", "+01:00"}}),
              std::vector<std::string>{"/time_zone: \"+01:00\" is a fixed offset and ignores daylight saving: windows "
                                       "end an hour off for half the year where clocks change; use the shop's zone "
                                       "name, such as \"Europe/Berlin\""});
    EXPECT_EQ(warnings_of({{"reasons", reasons}, {"time_zone", "Z"}}), std::vector<std::string>{});
    EXPECT_EQ(warnings_of({{"reasons", reasons}, {"time_zone", "Asia/Jakarta"}}), std::vector<std::string>{});
}

TEST(PolicyWarnings, NamesTheReasonTheLanguageAndWhereTheTextBelongs) {
    json labels = kAll;
    labels.erase("da");
    const auto w = warnings_of({{"reasons", json::array({{{"handle", "too_small"}, {"labels", labels}}})}});
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0], "/reasons/0/labels/da: reason \"too_small\" has no Dansk (\"da\") text: shoppers using Dansk see the "
                    "English \"Too small\"");
}

TEST(PolicyWarnings, CoversEveryOfferedLanguageAndSubReasons) {
    // base.json: reason 0 has en+de; reason 3 has two English-only sub-reasons.
    const auto w = warnings_of(json::object());
    const auto has = [&](const std::string& prefix) {
        for (const auto& x : w)
            if (x.rfind(prefix, 0) == 0) return true;
        return false;
    };
    EXPECT_FALSE(has("/reasons/0/labels/de"));
    for (const char* lang : {"nl", "da", "id"}) EXPECT_TRUE(has(std::string("/reasons/0/labels/") + lang)) << lang;
    EXPECT_TRUE(has("/reasons/3/sub_reasons/1/labels/id: sub-reason \"wrong_item/wrong_colour\""));
    // 5 reasons + 2 sub-reasons = 7 texts; 4 languages each besides English, minus reason 0's German.
    EXPECT_EQ(w.size(), 7u * 4u - 1u);
}

TEST(ClosestWord, SuggestsTheKeyATypoMeant) {
    const std::vector<std::string_view> keys = {"default_days", "buffer_days", "require_delivery"};
    EXPECT_EQ(closest_word("defaut_days", keys), "default_days");
    EXPECT_EQ(closest_word("bufer_days", keys), "buffer_days");
    EXPECT_EQ(closest_word("Default_Days", keys), "default_days");
    EXPECT_EQ(closest_word("defualt_days", keys), "default_days");  // swapped neighbours: one edit
    EXPECT_EQ(closest_word("colour", keys), std::nullopt);
    EXPECT_EQ(closest_word("", keys), std::nullopt);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(ClosestWord, UnknownPolicyKeysAndWordsGetASuggestion) {
    json doc = testing::read_json_fixture("policy/base.json");
    doc["windows"]["defaut_days"] = doc["windows"]["default_days"];
    doc["windows"].erase("default_days");
    doc["lookup"]["mode"] = "publish";
    std::vector<std::string> errors;
    for (const auto& e : parse_policy(doc).errors) errors.push_back(e.text());
    EXPECT_EQ(errors, (std::vector<std::string>{
                          "/lookup/mode: expected one of \"signed_link\", \"published\", \"endpoint\"; did you mean \"published\"?",
                          "/windows/defaut_days: unknown key; did you mean \"default_days\"?",
                          "/windows/default_days: is required"}));
}

TEST(PolicyWarnings, ACurrencyEntryThatKeepsThePolicysAmountIsWarnedAbout) {
    json every_reason_complete = json::array();
    for (const char* h : {"too_small", "changed_mind", "damaged", "wrong_item", "other"})
        every_reason_complete.push_back({{"handle", h}, {"labels", kAll}});
    const json patch = {{"reasons", every_reason_complete},
                        {"fees", {{"label", 495}, {"handling_by_country", {{"NO", 1500}}}}},
                        {"currencies", {{"DKK", {{"fees", {{"label", 3700}}}}}}}};
    EXPECT_EQ(warnings_of(patch),
              (std::vector<std::string>{"/currencies/DKK/fees/handling_by_country/NO: keeps the policy's 1500 (EUR 15.00), "
                                        "read as DKK 15.00: state the amount in DKK",
                                        "/currencies/DKK/resolutions/keep_item/max_line_value: keeps the policy's 1500 "
                                        "(EUR 15.00), read as DKK 15.00: state the amount in DKK"}));
}

TEST(PolicyWarnings, ACurrencyEntryThatKeepsThePolicysPayoutUnitIsWarnedAboutUnlessItIsOne) {
    json every_reason_complete = json::array();
    for (const char* h : {"too_small", "other"}) every_reason_complete.push_back({{"handle", h}, {"labels", kAll}});
    const json entry = {{"fees", {{"label", 3700}}}, {"resolutions", {{"keep_item", {{"max_line_value", 11000}}}}}};
    json patch = {{"reasons", every_reason_complete}, {"fees", {{"label", 495}}}, {"payout_unit", 100},
                  {"currencies", {{"DKK", entry}}}};
    EXPECT_EQ(warnings_of(patch), (std::vector<std::string>{"/currencies/DKK/payout_unit: keeps the policy's 100 (EUR 1.00), "
                                                            "read as DKK 1.00: state the amount in DKK"}));
    patch["currencies"]["DKK"]["payout_unit"] = 1;
    EXPECT_EQ(warnings_of(patch), std::vector<std::string>{});
    patch.erase("payout_unit");
    patch["currencies"]["DKK"].erase("payout_unit");
    EXPECT_EQ(warnings_of(patch), std::vector<std::string>{});
}

TEST(PolicyWarnings, ACurrencyEntryThatStatesEveryAmountIsNotWarnedAbout) {
    json every_reason_complete = json::array();
    for (const char* h : {"too_small", "other"}) every_reason_complete.push_back({{"handle", h}, {"labels", kAll}});
    const json patch = {{"reasons", every_reason_complete},
                        {"fees", {{"label", 495}}},
                        {"currencies", {{"DKK", {{"fees", {{"label", 3700}}}, {"resolutions", {{"keep_item", {{"max_line_value", 11000}}}}}}}}}};
    EXPECT_EQ(warnings_of(patch), std::vector<std::string>{});
}

}  // namespace
}  // namespace retour
