#include <gtest/gtest.h>

#include "core/demo_dates.h"

using retour::Date;
using retour::resolve_day_offsets;

TEST(DemoDates, IntegerDatesBecomeDaysFromToday) {
    const auto order = resolve_day_offsets({{"placed_at", -9}, {"delivered_at", 0}, {"fulfilled_at", 3}},
                                           Date::from_civil(2026, 3, 1));
    EXPECT_EQ(order["placed_at"], "2026-02-20");
    EXPECT_EQ(order["delivered_at"], "2026-03-01");
    EXPECT_EQ(order["fulfilled_at"], "2026-03-04");
}

TEST(DemoDates, WrittenDatesAndOtherFieldsAreLeftAlone) {
    const auto order = resolve_day_offsets({{"placed_at", "2026-01-02"}, {"delivered_at", nullptr}, {"number", 7}},
                                           Date::from_civil(2026, 3, 1));
    EXPECT_EQ(order["placed_at"], "2026-01-02");
    EXPECT_TRUE(order["delivered_at"].is_null());
    EXPECT_EQ(order["number"], 7);
}
