#include <vector>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/i18n/catalog.h"
#include "core/i18n/catalogs.h"

namespace retour::i18n {
namespace {

std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names) out += "{" + std::string(n) + "}";
    return out;
}

class EveryCatalog : public ::testing::TestWithParam<Locale> {};

TEST_P(EveryCatalog, IsSortedByKeyWithoutDuplicates) {
    const Catalog& c = catalog(GetParam());
    ASSERT_GT(c.size, 0u);
    for (std::size_t i = 1; i < c.size; ++i)
        EXPECT_LT(std::string_view(c.entries[i - 1].key), std::string_view(c.entries[i].key))
            << "entry " << i << " of " << locale_tag(GetParam());
}

TEST_P(EveryCatalog, HasEveryEnglishKey) {
    for (const Entry& e : catalog(Locale::en))
        EXPECT_NE(find_text(GetParam(), e.key), nullptr) << locale_tag(GetParam()) << " lacks " << e.key;
}

TEST_P(EveryCatalog, HasNoKeyEnglishLacks) {
    for (const Entry& e : catalog(GetParam()))
        EXPECT_NE(find_text(Locale::en, e.key), nullptr) << locale_tag(GetParam()) << " has extra key " << e.key;
}

TEST_P(EveryCatalog, UsesTheSamePlaceholdersAsEnglish) {
    for (const Entry& e : catalog(GetParam()))
        EXPECT_EQ(joined(placeholders(e.text)), joined(placeholders(text(Locale::en, e.key))))
            << locale_tag(GetParam()) << " " << e.key << ": " << e.text;
}

TEST_P(EveryCatalog, HasNoEmptyTextsNorStrayBraces) {
    for (const Entry& e : catalog(GetParam())) {
        EXPECT_STRNE(e.text, "") << e.key;
        // With every placeholder filled, no brace may remain: "{Amount}" or "{amount"
        // would be shown to the shopper as typed.
        std::vector<Arg> empty_values;
        for (auto name : placeholders(e.text)) empty_values.push_back({name, ""});
        const std::string filled = fill(e.text, empty_values);
        EXPECT_EQ(filled.find_first_of("{}"), std::string::npos) << locale_tag(GetParam()) << " " << e.key;
    }
}

TEST_P(EveryCatalog, IsValidUtf8) {
    for (const Entry& e : catalog(GetParam())) {
        const auto* s = reinterpret_cast<const unsigned char*>(e.text);
        for (std::size_t i = 0; s[i];) {
            const int extra = s[i] < 0x80 ? 0 : (s[i] >> 5) == 6 ? 1 : (s[i] >> 4) == 14 ? 2 : (s[i] >> 3) == 30 ? 3 : -1;
            ASSERT_GE(extra, 0) << e.key;
            for (int k = 1; k <= extra; ++k) ASSERT_EQ(s[i + k] >> 6, 2) << e.key;
            i += static_cast<std::size_t>(extra) + 1;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, EveryCatalog,
                         ::testing::Values(Locale::en, Locale::de, Locale::nl, Locale::da, Locale::id),
                         [](const ::testing::TestParamInfo<Locale>& info) { return std::string(locale_tag(info.param)); });

TEST(I18nCatalog, TranslationsDifferFromEnglishForTheScreensTitles) {
    // A catalog copied from English and never translated would pass the key checks.
    for (Locale l : {Locale::de, Locale::nl, Locale::da, Locale::id})
        for (const char* key : {"find.title", "items.title", "reason.title", "resolution.title", "summary.title",
                                "done.title", "common.back", "label.demo"})
            EXPECT_STRNE(text(l, key), text(Locale::en, key)) << locale_tag(l) << " " << key;
}

TEST(I18nCatalog, TextLooksUpTheLocalesOwnText) {
    EXPECT_STREQ(text(Locale::de, "common.back"), "Zurück");
    EXPECT_STREQ(text(Locale::id, "common.back"), "Kembali");
}

TEST(I18nCatalog, FindTextDoesNotFallBack) {
    EXPECT_EQ(find_text(Locale::de, "no.such.key"), nullptr);
    EXPECT_STREQ(find_text(Locale::nl, "find.title"), "Zoek je bestelling");
}

TEST(I18nCatalog, AnUnknownKeyShowsTheKeyRatherThanNothing) {
    EXPECT_STREQ(text(Locale::da, "no.such.key"), "no.such.key");
    EXPECT_EQ(format(Locale::id, "no.such.key", {{"x", "1"}}), "no.such.key");
}

TEST(I18nCatalog, FormatFillsEveryPlaceholder) {
    EXPECT_EQ(format(Locale::en, "common.step", {{"step", "2"}, {"total", "6"}}), "Step 2 of 6");
    EXPECT_EQ(format(Locale::de, "done.sent", {{"shop", "Nordlys"}}), "Ihre Rücksendung wurde an Nordlys gesendet.");
}

TEST(I18nCatalog, FormatLeavesAPlaceholderWithoutArgumentVisible) {
    EXPECT_EQ(format(Locale::en, "common.step", {{"step", "2"}}), "Step 2 of {total}");
}

TEST(I18nCatalog, AValueEndingInAPeriodTakesTheSentencesPeriod) {
    EXPECT_EQ(fill("mere end {amount}.", {{"amount", "300,00 kr."}}), "mere end 300,00 kr.");
    EXPECT_EQ(fill("{amount}. Tak", {{"amount", "300,00 kr."}}), "300,00 kr. Tak");
    EXPECT_EQ(fill("{amount}...", {{"amount", "kr."}}), "kr....");
    EXPECT_EQ(fill("{amount}.", {{"amount", "EUR 3.00"}}), "EUR 3.00.");
    EXPECT_EQ(fill("{missing}.", {}), "{missing}.");
    const std::string danish = format(Locale::da, "decision.review_high_value", {{"amount", "300,00 kr."}});
    EXPECT_EQ(danish.substr(danish.size() - 4), " kr.") << danish;
}

TEST(I18nCatalog, FillInsertsValuesLiterallyAndKeepsNonPlaceholderBraces) {
    EXPECT_EQ(fill("{a}{b} {a}", {{"a", "{b}"}, {"b", "x"}}), "{b}x {b}");
    EXPECT_EQ(fill("{} {A} {a-b} {", {{"A", "no"}}), "{} {A} {a-b} {");
}

TEST(I18nCatalog, PlaceholdersAreSortedAndUnique) {
    const auto names = placeholders("{b} and {a}, {b} again, {not valid} {}");
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[0], "a");
    EXPECT_EQ(names[1], "b");
}

TEST(I18nCatalog, PluralPicksOneOrOtherByLanguage) {
    EXPECT_EQ(plural(Locale::en, "items.count", 1), "1 item");
    EXPECT_EQ(plural(Locale::en, "items.count", 0), "0 items");
    EXPECT_EQ(plural(Locale::en, "items.count", 3), "3 items");
    EXPECT_EQ(plural(Locale::nl, "items.count", 1), "1 artikel");
    EXPECT_EQ(plural(Locale::nl, "items.count", 2), "2 artikelen");
    EXPECT_EQ(plural(Locale::da, "items.count", 2), "2 varer");
    EXPECT_EQ(plural(Locale::id, "items.count", 1), "1 barang");
    EXPECT_EQ(plural(Locale::id, "items.count", 5), "5 barang");
}

TEST(I18nCatalog, EveryCountedTextHasBothForms) {
    for (const Entry& e : catalog(Locale::en)) {
        const std::string key = e.key;
        const auto dot = key.rfind('.');
        const std::string stem = key.substr(0, dot), form = key.substr(dot + 1);
        if (form == "one") { EXPECT_NE(find_text(Locale::en, stem + ".other"), nullptr) << key; }
        if (form == "other") { EXPECT_NE(find_text(Locale::en, stem + ".one"), nullptr) << key; }
    }
}

}  // namespace
}  // namespace retour::i18n
