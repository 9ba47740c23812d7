#include <string>

#include <gtest/gtest.h>

#include "core/i18n/locale.h"
#include "core/policy.h"

namespace retour::i18n {
namespace {

TEST(I18nLocale, ABareLanguageTagMatchesItsLocale) {
    EXPECT_EQ(parse_locale("en"), Locale::en);
    EXPECT_EQ(parse_locale("de"), Locale::de);
    EXPECT_EQ(parse_locale("nl"), Locale::nl);
    EXPECT_EQ(parse_locale("da"), Locale::da);
    EXPECT_EQ(parse_locale("id"), Locale::id);
}

TEST(I18nLocale, RegionAndScriptSubtagsAreIgnored) {
    EXPECT_EQ(parse_locale("de-DE"), Locale::de);
    EXPECT_EQ(parse_locale("de-AT"), Locale::de);
    EXPECT_EQ(parse_locale("nl-BE"), Locale::nl);
    EXPECT_EQ(parse_locale("da-DK"), Locale::da);
    EXPECT_EQ(parse_locale("id-ID"), Locale::id);
    EXPECT_EQ(parse_locale("en-GB"), Locale::en);
    EXPECT_EQ(parse_locale("de-Latn-CH"), Locale::de);
}

TEST(I18nLocale, MatchingIgnoresCaseAndAcceptsPosixLocales) {
    EXPECT_EQ(parse_locale("DE-de"), Locale::de);
    EXPECT_EQ(parse_locale("NL"), Locale::nl);
    EXPECT_EQ(parse_locale("da_DK.UTF-8"), Locale::da);
}

TEST(I18nLocale, TheDeprecatedIndonesianCodeInMeansIndonesian) {
    EXPECT_EQ(parse_locale("in-ID"), Locale::id);
    EXPECT_EQ(parse_locale("in"), Locale::id);
}

TEST(I18nLocale, LanguagesWeDoNotSpeakFallBackToEnglish) {
    EXPECT_EQ(parse_locale("nb"), Locale::en);
    EXPECT_EQ(parse_locale("nb-NO"), Locale::en);
    EXPECT_EQ(parse_locale("sv-SE"), Locale::en);
    EXPECT_EQ(parse_locale("fr"), Locale::en);
    EXPECT_FALSE(match_locale("nb").has_value());
}

TEST(I18nLocale, EmptyOrMalformedTagsFallBackToEnglish) {
    EXPECT_EQ(parse_locale(""), Locale::en);
    EXPECT_EQ(parse_locale("-"), Locale::en);
    EXPECT_EQ(parse_locale("deu"), Locale::en);
    EXPECT_EQ(parse_locale("d"), Locale::en);
    EXPECT_FALSE(match_locale("").has_value());
}

TEST(I18nLocale, BestLocaleTakesTheFirstPreferenceWeSpeak) {
    EXPECT_EQ(best_locale({"nb-NO", "da", "en"}), Locale::da);
    EXPECT_EQ(best_locale({"fr-FR", "sv", "nl-NL", "de"}), Locale::nl);
    EXPECT_EQ(best_locale({"fr", "sv"}), Locale::en);
    EXPECT_EQ(best_locale({}), Locale::en);
}

TEST(I18nLocale, TheSwitcherListsEveryLocaleWithItsNativeName) {
    const auto& all = available_locales();
    ASSERT_EQ(all.size(), 5u);
    EXPECT_STREQ(all[0].native_name, "English");
    EXPECT_STREQ(all[1].native_name, "Deutsch");
    EXPECT_STREQ(all[2].native_name, "Nederlands");
    EXPECT_STREQ(all[3].native_name, "Dansk");
    EXPECT_STREQ(all[4].native_name, "Bahasa Indonesia");
    for (const auto& info : all) {
        EXPECT_STREQ(native_name(info.locale), info.native_name);
        EXPECT_STREQ(locale_tag(info.locale), info.tag);
    }
}

TEST(I18nLocale, ListsTheTagsForMessagesInSwitcherOrder) { EXPECT_EQ(locale_tags_listed(), "en, de, nl, da or id"); }

TEST(I18nLocale, TagsRoundTrip) {
    for (const auto& info : available_locales()) {
        EXPECT_EQ(parse_locale(info.tag), info.locale);
        EXPECT_STREQ(locale_tag(info.locale), info.tag);
    }
}

}  // namespace
}  // namespace retour::i18n
