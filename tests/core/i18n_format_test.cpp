// format_money and format_date, driven by the tables in tests/fixtures/i18n/.
#include <string>

#include <gtest/gtest.h>

#include "core/i18n/country_names.h"
#include "core/i18n/date_format.h"
#include "core/i18n/money_format.h"
#include "tests/core/fixture.h"

namespace retour::i18n {
namespace {

using nlohmann::json;

json cases(const std::string& file) { return testing::read_json_fixture("i18n/" + file).at("cases"); }

std::string case_name(const json& c, const std::string& value) {
    std::string name = c.at("locale").get<std::string>() + "_" + value;
    for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return name;
}

class MoneyFormatCase : public ::testing::TestWithParam<json> {};

TEST_P(MoneyFormatCase, ReadsAsTheShopperExpects) {
    const json& c = GetParam();
    const auto currency = Currency::from_code(c.at("currency").get<std::string>());
    ASSERT_TRUE(currency) << c.dump();
    const Money m{c.at("minor").get<std::int64_t>(), *currency};
    EXPECT_EQ(format_money(m, parse_locale(c.at("locale").get<std::string>())), c.at("text").get<std::string>())
        << c.dump();
}

std::vector<json> money_cases() {
    const json all = cases("money_format.json");
    return std::vector<json>(all.begin(), all.end());
}

INSTANTIATE_TEST_SUITE_P(Table, MoneyFormatCase, ::testing::ValuesIn(money_cases()),
                         [](const ::testing::TestParamInfo<json>& info) {
                             return case_name(info.param, info.param.at("currency").get<std::string>() + "_row" +
                                                              std::to_string(info.index));
                         });

TEST(I18nMoneyFormat, TheTableCoversEveryLocaleWithEurDkkIdrUsd) {
    int grid = 0;
    for (const json& c : cases("money_format.json")) {
        const std::string cur = c.at("currency");
        if (cur == "EUR" || cur == "DKK" || cur == "IDR" || cur == "USD") ++grid;
    }
    // 5 locales × 4 currencies × (zero, ±small, ±large) at least.
    EXPECT_GE(grid, 5 * 4 * 5);
}

TEST(I18nMoneyFormat, AnUnknownCurrencyIsABug) {
    EXPECT_THROW(format_money(Money{100, Currency{}}, Locale::en), MoneyError);
}

class DateFormatCase : public ::testing::TestWithParam<json> {};

TEST_P(DateFormatCase, ReadsAsTheShopperExpects) {
    const json& c = GetParam();
    const auto date = parse_date(c.at("date").get<std::string>());
    ASSERT_TRUE(date) << c.dump();
    EXPECT_EQ(format_date(*date, parse_locale(c.at("locale").get<std::string>())), c.at("text").get<std::string>());
}

std::vector<json> date_cases() {
    const json all = cases("date_format.json");
    return std::vector<json>(all.begin(), all.end());
}

INSTANTIATE_TEST_SUITE_P(Table, DateFormatCase, ::testing::ValuesIn(date_cases()),
                         [](const ::testing::TestParamInfo<json>& info) {
                             return case_name(info.param, info.param.at("date").get<std::string>());
                         });

TEST(I18nDateFormat, EveryLocaleHasTwelveDistinctMonthNames) {
    for (const auto& info : available_locales())
        for (int m = 1; m <= 12; ++m)
            for (int other = m + 1; other <= 12; ++other)
                EXPECT_STRNE(month_name(m, info.locale), month_name(other, info.locale)) << info.tag << " " << m;
}

TEST(I18nDateFormat, AMonthOutOfRangeIsAQuestionMark) {
    EXPECT_STREQ(month_name(0, Locale::en), "?");
    EXPECT_STREQ(month_name(13, Locale::de), "?");
}

TEST(I18nCountryNames, NamesEveryShippingCountryInEveryLanguage) {
    for (const auto& info : available_locales())
        for (const char* code : {"DK", "DE", "NL", "BE", "AT", "SE", "NO", "FI", "FR", "GB", "US", "ID"})
            EXPECT_NE(country_name(code, info.locale), code) << info.tag << " " << code;
}

TEST(I18nCountryNames, SpeaksTheShoppersLanguage) {
    EXPECT_EQ(country_name("DE", Locale::en), "Germany");
    EXPECT_EQ(country_name("DE", Locale::de), "Deutschland");
    EXPECT_EQ(country_name("NL", Locale::nl), "Nederland");
    EXPECT_EQ(country_name("DK", Locale::da), "Danmark");
    EXPECT_EQ(country_name("NL", Locale::id), "Belanda");
    EXPECT_EQ(country_name("AT", Locale::de), "Österreich");
}

TEST(I18nCountryNames, AcceptsLowerCaseCodes) { EXPECT_EQ(country_name("be", Locale::nl), "België"); }

TEST(I18nCountryNames, AnUnknownCodeComesBackAsWritten) {
    EXPECT_EQ(country_name("CH", Locale::de), "CH");
    EXPECT_EQ(country_name("xx", Locale::en), "xx");
    EXPECT_EQ(country_name("", Locale::en), "");
    EXPECT_EQ(country_name("DEU", Locale::en), "DEU");
}

}  // namespace
}  // namespace retour::i18n
