#include <string>

#include <gtest/gtest.h>

#include "core/label/text_fit.h"
#include "core/label/winansi.h"

using namespace retour::label;

TEST(WinAnsi, KeepsLatin1NamesExact) {
    auto t = to_winansi("J\xC3\xB8rgen M\xC3\xBCller-Stra\xC3\x9F" "e");
    EXPECT_EQ(t.bytes, "J\xF8rgen M\xFCller-Stra\xDF" "e");
    EXPECT_TRUE(t.substitutions.empty());
}

TEST(WinAnsi, KeepsEnDashEuroAndQuotesFromTheWindowsRange) {
    auto t = to_winansi("\xE2\x80\x93 \xE2\x82\xAC \xE2\x80\x9C" "a" "\xE2\x80\x9D \xC5\x92");  // – € “a” Œ
    EXPECT_EQ(t.bytes, "\x96 \x80 \x93" "a" "\x94 \x8C");
    EXPECT_TRUE(t.substitutions.empty());
}

TEST(WinAnsi, TransliteratesLatinExtendedAAndReportsIt) {
    auto t = to_winansi("\xC5\x81\xC3\xB3" "d\xC5\xBA \xC5\x90ry");  // Łódź Őry
    EXPECT_EQ(t.bytes, "L\xF3" "dz Ory");
    ASSERT_EQ(t.substitutions.size(), 3u);
    EXPECT_EQ(t.substitutions[0].from, U'\u0141');
    EXPECT_EQ(t.substitutions[0].to, "L");
    EXPECT_EQ(t.substitutions[2].from, U'\u0150');
    EXPECT_EQ(t.substitutions[2].to, "O");
}

TEST(WinAnsi, ReplacesCharactersWithoutStandInByQuestionMarkAndReportsEach) {
    auto t = to_winansi("\xE6\x97\xA5\xE6\x9C\xAC");  // 日本
    EXPECT_EQ(t.bytes, "??");
    EXPECT_EQ(t.substitutions.size(), 2u);
}

TEST(WinAnsi, ReportsMalformedUtf8AsAReplacement) {
    auto t = to_winansi("a\xFF" "b");
    EXPECT_EQ(t.bytes, "a?b");
    ASSERT_EQ(t.substitutions.size(), 1u);
    EXPECT_EQ(t.substitutions[0].from, U'\uFFFD');
}

TEST(WinAnsi, TurnsControlCharactersIntoSpaces) {
    EXPECT_EQ(to_winansi("a\nb\tc").bytes, "a b c");
}

TEST(HelveticaMetrics, UseTheAdobeWidths) {
    EXPECT_DOUBLE_EQ(helvetica_width_pt("A", false, 1000), 667);
    EXPECT_DOUBLE_EQ(helvetica_width_pt("A", true, 1000), 722);
    EXPECT_DOUBLE_EQ(helvetica_width_pt("\xDF", false, 1000), 611);  // ß
    EXPECT_DOUBLE_EQ(helvetica_width_pt("il", false, 10), 4.44);
}

TEST(FitText, ShortensWithAnEllipsisWithinTheWidth) {
    std::string fitted = fit_text("Nordwind Outfitters Returns Department", true, 12, 40);
    EXPECT_NE(fitted, "Nordwind Outfitters Returns Department");
    EXPECT_EQ(fitted.substr(fitted.size() - 3), "\xE2\x80\xA6");
    EXPECT_LE(text_width_mm(fitted, true, 12), 40);
}

TEST(FitText, NeverSplitsAMultiByteCharacter) {
    std::string fitted = fit_text("\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC", false, 10, 6);
    EXPECT_EQ(fitted.size() % 2, 1u);  // n × "ü" (2 bytes) + "…" (3 bytes)
}

TEST(WrapText, BreaksAtSpacesAndKeepsEveryLineWithinTheWidth) {
    auto lines = wrap_text("Attach the label to the outside of the parcel and cover no barcode", false, 9, 40);
    EXPECT_GT(lines.size(), 1u);
    for (const auto& l : lines) EXPECT_LE(text_width_mm(l, false, 9), 40) << l;
}
