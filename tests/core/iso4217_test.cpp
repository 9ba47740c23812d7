#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/iso4217.h"
#include "core/money.h"

namespace retour {
namespace {

TEST(Iso4217, KnowsTheMinorUnitsOfEachKindOfCurrency) {
    EXPECT_EQ(find_iso4217("EUR")->minor_units, 2);
    EXPECT_EQ(find_iso4217("IDR")->minor_units, 2);
    EXPECT_EQ(find_iso4217("JPY")->minor_units, 0);
    EXPECT_EQ(find_iso4217("XOF")->minor_units, 0);
    EXPECT_EQ(find_iso4217("KWD")->minor_units, 3);
    EXPECT_EQ(find_iso4217("TND")->minor_units, 3);
    EXPECT_EQ(find_iso4217("CLF")->minor_units, 4);
    EXPECT_EQ(find_iso4217("XAU")->minor_units, 0);  // ISO: no minor unit
}

TEST(Iso4217, RefusesCodesThatAreNotExactlyInTheTable) {
    EXPECT_EQ(find_iso4217("eur"), nullptr);
    EXPECT_EQ(find_iso4217("EURO"), nullptr);
    EXPECT_EQ(find_iso4217("EU"), nullptr);
    EXPECT_EQ(find_iso4217("ABC"), nullptr);
    EXPECT_EQ(find_iso4217(""), nullptr);
    EXPECT_FALSE(Currency::from_code("ABC"));
}

TEST(Iso4217, TableIsSortedSoLookupFindsEveryCode) {
    const auto codes = iso4217_codes();
    ASSERT_GT(codes.size(), 170u);
    for (std::size_t i = 1; i < codes.size(); ++i) EXPECT_LT(codes[i - 1], codes[i]);
    for (auto code : codes) {
        ASSERT_NE(find_iso4217(code), nullptr) << code;
        EXPECT_TRUE(Currency::from_code(code)) << code;
    }
}

// Debian's iso-codes lists every ISO 4217 code; none may be called invalid.
TEST(Iso4217, AcceptsEveryCodeDebiansIsoCodesLists) {
    std::ifstream in("/usr/share/iso-codes/json/iso_4217.json");
    ASSERT_TRUE(in) << "/usr/share/iso-codes/json/iso_4217.json is missing: build.sh installs Debian's iso-codes";
    const auto doc = nlohmann::json::parse(in);
    std::size_t seen = 0;
    for (const auto& c : doc.at("4217")) {
        const std::string code = c.at("alpha_3");
        EXPECT_TRUE(Currency::from_code(code)) << code;
        ++seen;
    }
    EXPECT_GT(seen, 170u);
}

TEST(Iso4217, UnknownCodeMessageSuggestsTheNearestCode) {
    EXPECT_EQ(unknown_currency_message("EURO"),
              "expected an ISO 4217 currency code such as \"EUR\" (three upper-case letters); did you mean \"EUR\"?");
    EXPECT_EQ(unknown_currency_message("idr"),
              "expected an ISO 4217 currency code such as \"EUR\" (three upper-case letters); did you mean \"IDR\"?");
    EXPECT_EQ(unknown_currency_message("Dollars"),
              "expected an ISO 4217 currency code such as \"EUR\" (three upper-case letters)");
}

}  // namespace
}  // namespace retour
