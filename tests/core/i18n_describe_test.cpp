// describe(): the shopper's sentence for every decision, quote error and link error.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/i18n/catalog.h"
#include "core/i18n/describe.h"
#include "tests/core/fixture.h"

namespace retour::i18n {
namespace {

const Currency kEur = *Currency::from_code("EUR");
const Currency kIdr = *Currency::from_code("IDR");

Finding finding(const char* code, std::initializer_list<std::pair<const char*, const char*>> params = {}) {
    Finding f;
    f.code = code;
    for (const auto& [k, v] : params) f.params[f.param_count++] = Param{k, v};
    return f;
}

Decision decided_by(Finding f) {
    Decision d;
    d.status = f.is_review() ? Status::review : Status::ineligible;
    d.findings.push_back(std::move(f));
    return d;
}

// Every code eligibility.h defines, with the parameters eligibility.cpp gives it.
std::vector<Finding> every_decision_code() {
    return {
        finding("currency_mismatch", {{"order_currency", "DKK"}, {"policy_currency", "EUR"}}),
        finding("placed_in_future", {{"placed_on", "2026-12-24"}}),
        finding("country_not_served", {{"country", "NL"}}),
        finding("gift_card"),
        finding("final_sale", {{"tag", "final-sale"}}),
        finding("excluded_category", {{"category", "underwear"}}),
        finding("excluded_sku", {{"sku", "TEE-M-BLUE"}}),
        finding("price_below_minimum", {{"minimum", "500"}, {"unit_price", "299"}}),
        finding("price_above_maximum", {{"maximum", "100000"}, {"unit_price", "150000"}}),
        finding("already_returned", {{"quantity_returned", "2"}}),
        finding("not_delivered_yet"),
        finding("delivery_in_future", {{"delivered_on", "2026-11-09"}}),
        finding("window_closed", {{"closed_on", "2026-11-03"}, {"days", "30"}, {"anchor", "delivered"}}),
        finding("review_high_value", {{"threshold", "50000"}, {"unit_price", "80000"}}),
        finding("review_customer_history", {{"returns", "6"}, {"limit", "5"}}),
    };
}

// Every error code quote.h defines.
const char* const kQuoteErrorCodes[] = {
    "currency_mismatch", "duplicate_line", "unknown_line", "line_not_returnable", "quantity_above_returnable",
    "unknown_reason", "unknown_sub_reason", "resolution_not_offered", "resolution_not_allowed_for_reason",
    "exchange_no_variants", "exchange_variant_required", "unknown_exchange_variant", "exchange_sku_unexpected", "comment_required",
    "photo_required", "keep_item_above_threshold", "amount_overflow",
};

class EveryLocale : public ::testing::TestWithParam<Locale> {};

TEST_P(EveryLocale, EveryDecisionCodeHasItsOwnCompleteSentence) {
    const Locale l = GetParam();
    std::vector<std::string> seen;
    for (const Finding& f : every_decision_code()) {
        const std::string s = describe(f, l, kEur);
        EXPECT_FALSE(s.empty()) << f.code;
        EXPECT_EQ(s.find('{'), std::string::npos) << f.code << ": " << s;
        EXPECT_EQ(s.find(f.code), std::string::npos) << "fell back to the generic sentence: " << s;
        for (const auto& other : seen) EXPECT_NE(s, other) << f.code;
        seen.push_back(s);
    }
}

TEST_P(EveryLocale, EveryQuoteErrorCodeHasItsOwnSentence) {
    for (const char* code : kQuoteErrorCodes) {
        const std::string s = describe(QuoteError{code, "/lines/0", "English"}, GetParam());
        EXPECT_FALSE(s.empty()) << code;
        EXPECT_EQ(s.find(code), std::string::npos) << "fell back to the generic sentence: " << s;
        EXPECT_EQ(s.find('{'), std::string::npos) << code;
    }
}

TEST_P(EveryLocale, AnUnknownCodeGetsAGenericSentenceNamingTheCode) {
    const std::string s = describe(finding("lunar_eclipse"), GetParam(), kEur);
    EXPECT_NE(s.find("lunar_eclipse"), std::string::npos) << s;
    EXPECT_EQ(s, format(GetParam(), "decision.unknown", {{"code", "lunar_eclipse"}}));
    const std::string q = describe(QuoteError{"cosmic_ray", "", ""}, GetParam());
    EXPECT_NE(q.find("cosmic_ray"), std::string::npos) << q;
}

TEST_P(EveryLocale, AnUnknownReviewCodeStillSaysItIsReviewed) {
    EXPECT_EQ(describe(finding("review_full_moon"), GetParam(), kEur),
              format(GetParam(), "decision.unknown_review", {{"code", "review_full_moon"}}));
}

TEST_P(EveryLocale, AnEmptyCodeIsNeverAnEmptySentence) {
    EXPECT_FALSE(describe(finding(""), GetParam(), kEur).empty());
    EXPECT_FALSE(describe(finding("unknown"), GetParam(), kEur).empty());
    EXPECT_EQ(describe(finding("eligible"), GetParam(), kEur), format(GetParam(), "decision.unknown", {{"code", "eligible"}}));
}

INSTANTIATE_TEST_SUITE_P(Languages, EveryLocale,
                         ::testing::Values(Locale::en, Locale::de, Locale::nl, Locale::da, Locale::id),
                         [](const ::testing::TestParamInfo<Locale>& info) { return std::string(locale_tag(info.param)); });

TEST(I18nDescribe, AClosedWindowNamesTheDateInTheShoppersFormat) {
    const Finding f = finding("window_closed", {{"closed_on", "2026-11-03"}});
    EXPECT_EQ(describe(f, Locale::en, kEur), "The return window closed on 3 Nov 2026.");
    EXPECT_EQ(describe(f, Locale::de, kEur), "Die Rückgabefrist ist am 3. Nov. 2026 abgelaufen.");
    EXPECT_EQ(describe(f, Locale::da, kEur), "Returfristen udløb den 3. nov. 2026.");
}

TEST(I18nDescribe, PriceLimitsAreFormattedInTheOrdersCurrency) {
    EXPECT_EQ(describe(finding("price_below_minimum", {{"minimum", "500"}}), Locale::de, kEur),
              "Artikel unter 5,00 € sind von der Rückgabe ausgeschlossen.");
    EXPECT_EQ(describe(finding("price_above_maximum", {{"maximum", "1500000000"}}), Locale::id, kIdr),
              "Barang di atas Rp 15.000.000 tidak dapat dikembalikan secara online. Silakan hubungi kami.");
    EXPECT_EQ(describe(finding("review_high_value", {{"threshold", "50000"}}), Locale::en, kEur),
              "Needs a quick review by our team, as it costs more than €500.00.");
}

TEST(I18nDescribe, TheCountryIsNamedInTheShoppersLanguage) {
    EXPECT_EQ(describe(finding("country_not_served", {{"country", "NL"}}), Locale::en, kEur),
              "Unfortunately, we can't accept returns from Netherlands.");
    EXPECT_EQ(describe(finding("country_not_served", {{"country", "NO"}}), Locale::da, kEur),
              "Vi kan desværre ikke modtage returneringer fra Norge.");
}

TEST(I18nDescribe, MalformedParametersAreShownAsTheyAre) {
    EXPECT_EQ(describe(finding("window_closed", {{"closed_on", "soon"}}), Locale::en, kEur),
              "The return window closed on soon.");
    EXPECT_EQ(describe(finding("price_below_minimum", {{"minimum", "5x"}}), Locale::en, kEur),
              "Items under 5x can't be returned.");
    EXPECT_EQ(describe(finding("price_below_minimum", {{"minimum", "500"}}), Locale::en, Currency{}),
              "Items under 500 can't be returned.");
}

TEST(I18nDescribe, ADecisionIsDescribedByItsFirstFinding) {
    Decision d = decided_by(finding("final_sale"));
    d.findings.push_back(finding("window_closed", {{"closed_on", "2026-11-03"}}));
    EXPECT_EQ(describe(d, Locale::nl, kEur), "Uitverkoop – dit artikel kan niet geretourneerd worden.");
    const auto all = describe_findings(d, Locale::nl, kEur);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1], "De retourtermijn is verlopen op 3 nov 2026.");
}

TEST(I18nDescribe, AnEligibleLineSaysUntilWhen) {
    Decision d;
    d.window_ends = Date::from_civil(2026, 12, 1);
    EXPECT_EQ(describe(d, Locale::en, kEur), "You can return this until 1 Dec 2026.");
    EXPECT_EQ(describe(d, Locale::id, kEur), "Dapat dikembalikan hingga 1 Des 2026.");
    d.window_ends.reset();
    EXPECT_EQ(describe(d, Locale::de, kEur), "Dieser Artikel kann zurückgegeben werden.");
    EXPECT_TRUE(describe_findings(d, Locale::de, kEur).empty());
}

TEST(I18nDescribe, QuoteLineReviewCodesHaveSentencesWithoutParameters) {
    EXPECT_EQ(describe_review("review_reason", Locale::en),
              "Needs a quick review by our team because of the reason you chose.");
    EXPECT_EQ(describe_review("review_customer_history", Locale::de),
              "Wird vor der Freigabe kurz von unserem Team geprüft.");
    // review_high_value's threshold is on the line's Decision, not on the quote line.
    EXPECT_EQ(describe_review("review_high_value", Locale::nl), text(Locale::nl, "decision.review"));
    EXPECT_EQ(describe_review("review_new_code", Locale::id), text(Locale::id, "decision.review"));
}

TEST(I18nDescribe, LinkErrorsTellTruncatedFromForged) {
    EXPECT_EQ(describe(TokenError{}, Locale::en), "");
    EXPECT_EQ(describe(TokenError{"token_truncated", "", ""}, Locale::en), text(Locale::en, "find.link_truncated"));
    EXPECT_EQ(describe(TokenError{"token_bad_signature", "", ""}, Locale::de), text(Locale::de, "find.link_forged"));
    EXPECT_EQ(describe(TokenError{"token_malformed", "", ""}, Locale::nl), text(Locale::nl, "find.link_invalid"));
    EXPECT_EQ(describe(TokenError{"token_invalid_order", "", "/lines"}, Locale::id), text(Locale::id, "find.link_invalid"));
}

TEST(I18nDescribe, StatusAndResolutionHaveShortLabels) {
    EXPECT_STREQ(status_text(Status::ineligible, Locale::de), "Rückgabe nicht möglich");
    EXPECT_STREQ(status_text(Status::review, Locale::en), "Needs review");
    for (Resolution r : kResolutions)
        for (const auto& info : available_locales())
            EXPECT_STRNE(resolution_text(r, info.locale), "") << info.tag;
    EXPECT_STREQ(resolution_text(Resolution::store_credit, Locale::da), "Tilgodebevis");
}

}  // namespace
}  // namespace retour::i18n
