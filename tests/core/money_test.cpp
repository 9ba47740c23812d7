#include "core/money.h"

#include <limits>

#include <gtest/gtest.h>

namespace retour {
namespace {

Currency eur() { return *Currency::from_code("EUR"); }
Money euros(std::int64_t minor) { return Money{minor, eur()}; }

TEST(Money, AddsAndSubtractsInOneCurrency) {
    EXPECT_EQ(euros(1250).plus(euros(99)), euros(1349));
    EXPECT_EQ(euros(1250).minus(euros(1300)), euros(-50));
}

TEST(Money, MultipliesByQuantity) { EXPECT_EQ(euros(3333).times(3), euros(9999)); }

TEST(Money, RefusesToMixCurrencies) {
    const Money dkk{100, *Currency::from_code("DKK")};
    try {
        (void)euros(100).plus(dkk);
        FAIL() << "mixing currencies must throw";
    } catch (const MoneyError& e) {
        EXPECT_EQ(e.kind(), MoneyError::Kind::currency_mismatch);
        EXPECT_STREQ(e.what(), "cannot add EUR and DKK");
    }
}

TEST(Money, DetectsOverflowOfMinorUnitsInAddition) {
    const Money big = euros(std::numeric_limits<std::int64_t>::max());
    EXPECT_THROW((void)big.plus(euros(1)), MoneyError);
    EXPECT_THROW((void)euros(std::numeric_limits<std::int64_t>::min()).minus(euros(1)), MoneyError);
}

TEST(Money, DetectsOverflowOfMinorUnitsInMultiplication) {
    EXPECT_THROW((void)euros(std::numeric_limits<std::int64_t>::max() / 2 + 1).times(2), MoneyError);
}

TEST(Money, PercentageRoundsDown) {
    EXPECT_EQ(euros(1999).percent_down(10), euros(199));        // 199.9
    EXPECT_EQ(euros(1999).percent_bp_down(750), euros(149));    // 149.925
    EXPECT_EQ(euros(10000).percent_bp_down(3333), euros(3333)); // 33.33 %
}

TEST(Money, PercentageOfAHugeAmountDoesNotOverflowEarly) {
    const std::int64_t huge = std::numeric_limits<std::int64_t>::max() / 2;
    EXPECT_EQ(euros(huge).percent_bp_down(10000), euros(huge));
}

TEST(Money, ThreeThirdsNeverExceedWhatWasPaid) {
    Money rest;
    const auto parts = split_by_basis_points(euros(10000), {3333, 3333, 3333}, &rest);
    ASSERT_EQ(parts.size(), 3u);
    for (const auto& p : parts) EXPECT_EQ(p, euros(3333));
    EXPECT_EQ(rest, euros(1));
}

TEST(Money, SplitByBasisPointsRejectsWeightsOverOneHundredPercent) {
    EXPECT_THROW((void)split_by_basis_points(euros(100), {6000, 5000}), MoneyError);
}

TEST(Money, SplitEvenlyGivesTheRemainderToTheFirstShares) {
    const auto parts = split_evenly(euros(10000), 3);
    EXPECT_EQ(parts[0], euros(3334));
    EXPECT_EQ(parts[1], euros(3333));
    EXPECT_EQ(parts[2], euros(3333));
}

TEST(Money, CumulativeSharesOfPartialReturnsAddUpToTheTotal) {
    const Money total = euros(10000);
    Money sum = euros(0);
    for (int returned = 0; returned < 3; ++returned)
        sum = sum.plus(cumulative_share(total, returned + 1, 3).minus(cumulative_share(total, returned, 3)));
    EXPECT_EQ(sum, total);
    EXPECT_EQ(cumulative_share(total, 1, 3), euros(3333));
}

TEST(Money, CumulativeShareOfAHugeTotalDoesNotOverflow) {
    const std::int64_t huge = std::numeric_limits<std::int64_t>::max() - 6;
    EXPECT_EQ(cumulative_share(euros(huge), 7, 7), euros(huge));
}

TEST(Currency, KnowsMinorUnitExponents) {
    EXPECT_EQ(Currency::from_code("EUR")->exponent(), 2);
    EXPECT_EQ(Currency::from_code("DKK")->exponent(), 2);
    EXPECT_EQ(Currency::from_code("JPY")->exponent(), 0);
    EXPECT_EQ(Currency::from_code("IDR")->exponent(), 2);  // ISO 4217, though shown without decimals
    EXPECT_EQ(Currency::from_code("KWD")->exponent(), 3);
}

TEST(Currency, RejectsUnknownAndLowerCaseCodes) {
    EXPECT_FALSE(Currency::from_code("eur"));
    EXPECT_FALSE(Currency::from_code("XYZ"));
    EXPECT_FALSE(Currency::from_code("EURO"));
}

TEST(Money, FormatsWithTheCurrencyExponent) {
    EXPECT_EQ(format_decimal(euros(1234)), "12.34");
    EXPECT_EQ(format_decimal(euros(-5)), "-0.05");
    EXPECT_EQ(format_decimal(Money{1234, *Currency::from_code("JPY")}), "1234");
    EXPECT_EQ(format_decimal(Money{1234, *Currency::from_code("KWD")}), "1.234");
    EXPECT_EQ(format_display(euros(495)), "EUR 4.95");
}

TEST(Money, FormatsTheSmallestInt64) {
    EXPECT_EQ(format_decimal(euros(std::numeric_limits<std::int64_t>::min())), "-92233720368547758.08");
}

TEST(Money, ParsesDecimalStrings) {
    EXPECT_EQ(parse_decimal("12.34", eur()), euros(1234));
    EXPECT_EQ(parse_decimal("-0.5", eur()), euros(-50));
    EXPECT_EQ(parse_decimal("7", eur()), euros(700));
}

TEST(Money, RejectsMalformedDecimalStrings) {
    for (const char* bad : {"", "12.345", "1,50", "1e3", ".5", "5.", "12.3.4", " 1", "99999999999999999999"})
        EXPECT_FALSE(parse_decimal(bad, eur())) << bad;
}

TEST(SplitProportionally, SharesFollowTheWeightsAndAddUpExactly) {
    const auto s = split_proportionally(euros(1000), {2500, 1000});
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0], euros(714));  // 714.28…
    EXPECT_EQ(s[1], euros(286));  // 285.71…: the larger fraction gets the leftover unit
}

TEST(SplitProportionally, TiesGoToTheEarlierShare) {
    const auto s = split_proportionally(euros(100), {1000, 1000, 1000});
    EXPECT_EQ(s[0], euros(34));
    EXPECT_EQ(s[1], euros(33));
    EXPECT_EQ(s[2], euros(33));
}

TEST(SplitProportionally, ZeroWeightsGetNothingAndHugeValuesDoNotOverflow) {
    const std::int64_t big = kMaxJsonAmount;
    const auto s = split_proportionally(euros(big), {0, big, big});
    EXPECT_EQ(s[0], euros(0));
    EXPECT_EQ(s[1].minor + s[2].minor, big);
    EXPECT_EQ(s[1], euros(big / 2 + 1));
}

TEST(SplitProportionally, RefusesNegativeWeightsOrNothingToSplitBy) {
    EXPECT_THROW(split_proportionally(euros(10), {-1, 5}), MoneyError);
    EXPECT_THROW(split_proportionally(euros(10), {0, 0}), MoneyError);
    EXPECT_TRUE(split_proportionally(euros(0), {0, 0})[1].is_zero());
}

TEST(Money, RoundsToAPayoutUnitTowardOrAwayFromZero) {
    EXPECT_EQ(round_down_to(euros(3333333), 100), euros(3333300));
    EXPECT_EQ(round_up_to(euros(3333333), 100), euros(3333400));
    EXPECT_EQ(round_up_to(euros(3333300), 100), euros(3333300));
    EXPECT_EQ(round_down_to(euros(-150), 100), euros(-100));
    EXPECT_EQ(round_up_to(euros(-150), 100), euros(-200));
    EXPECT_EQ(round_up_to(euros(7), 5), euros(10));  // CHF cash: 0.05
    EXPECT_EQ(round_up_to(euros(7), 1), euros(7));
    EXPECT_THROW(round_up_to(euros(7), 0), MoneyError);
}

TEST(Money, SharesInPayoutUnitsFavourEarlyUnitsAndAddUpToTheTotal) {
    const Money total = euros(10000000);  // Rp 100.000 for 3 units, in sen
    EXPECT_EQ(cumulative_share_in_units(total, 1, 3, 100), euros(3333400));
    EXPECT_EQ(cumulative_share_in_units(total, 2, 3, 100), euros(6666700));
    EXPECT_EQ(cumulative_share_in_units(total, 3, 3, 100), total);
    EXPECT_EQ(cumulative_share_in_units(total, 0, 3, 100), euros(0));
    // Never above the total, even when the total is not in whole units.
    EXPECT_EQ(cumulative_share_in_units(euros(10050), 3, 3, 100), euros(10050));
    EXPECT_EQ(cumulative_share_in_units(euros(10050), 2, 3, 100), euros(6700));
    EXPECT_EQ(cumulative_share_in_units(total, 1, 3, 1), cumulative_share(total, 1, 3));
}

}  // namespace
}  // namespace retour
