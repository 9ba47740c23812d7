#include "core/date.h"

#include <gtest/gtest.h>

#include "core/time_zone.h"

namespace retour {
namespace {

Instant at(const char* text) { return *parse_instant(text); }

TEST(Date, CountsDaysFromTheUnixEpoch) {
    EXPECT_EQ(Date::from_civil(1970, 1, 1).days, 0);
    EXPECT_EQ(Date::from_civil(2000, 3, 1).days, 11017);
    EXPECT_EQ(Date::from_civil(1969, 12, 31).days, -1);
}

TEST(Date, RoundTripsThroughCivilFields) {
    const Date d = Date::from_civil(2028, 2, 29);
    EXPECT_EQ(d.year(), 2028);
    EXPECT_EQ(d.month(), 2);
    EXPECT_EQ(d.day(), 29);
    EXPECT_EQ(format_date(d.plus_days(1)), "2028-03-01");
}

TEST(Date, KnowsWeekdays) {
    EXPECT_EQ(Date::from_civil(1970, 1, 1).weekday(), 4);  // Thursday
    EXPECT_EQ(Date::from_civil(2026, 11, 7).weekday(), 6); // Saturday
    EXPECT_EQ(Date::from_civil(1969, 12, 28).weekday(), 0); // Sunday
}

TEST(Date, KnowsLeapYears) {
    EXPECT_TRUE(is_leap_year(2028));
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_FALSE(is_leap_year(2027));
}

TEST(Date, ParsesOnlyRealCalendarDays) {
    EXPECT_TRUE(parse_date("2028-02-29"));
    EXPECT_FALSE(parse_date("2027-02-29"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("2026-1-01"));
    EXPECT_FALSE(parse_date("2026-01-01 "));
}

TEST(Instant, ParsesUtcAndOffsets) {
    EXPECT_EQ(at("1970-01-01T00:00:00Z").unix_seconds, 0);
    EXPECT_EQ(at("2026-11-22T12:00:00Z").unix_seconds, 1795348800);
    EXPECT_EQ(at("2026-11-22T13:00:00+01:00"), at("2026-11-22T12:00:00Z"));
    EXPECT_EQ(at("2026-11-22T07:00:00-05:00"), at("2026-11-22T12:00:00Z"));
    EXPECT_EQ(at("2026-11-22T12:00:00.999Z"), at("2026-11-22T12:00:00Z"));
}

TEST(Instant, RejectsMalformedTimes) {
    for (const char* bad : {"2026-11-22T12:00:00", "2026-11-22 12:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T12:00Z",
                            "2026-11-22T12:00:00+0100", "2026-11-22T12:00:00.Z"})
        EXPECT_FALSE(parse_instant(bad)) << bad;
}

TEST(Instant, FormatsAsUtc) {
    EXPECT_EQ(format_instant(at("2026-11-22T13:04:05+01:00")), "2026-11-22T12:04:05Z");
    EXPECT_EQ(format_instant(Instant{-1}), "1969-12-31T23:59:59Z");
}

TEST(Stamp, IsADateOrAnInstant) {
    EXPECT_FALSE(parse_stamp("2026-10-05")->has_time);
    EXPECT_TRUE(parse_stamp("2026-10-05T10:00:00Z")->has_time);
    EXPECT_EQ(format_stamp(*parse_stamp("2026-10-05T10:00:00+02:00")), "2026-10-05T08:00:00Z");
}

TEST(TimeZone, BerlinSwitchesToSummerTimeOnTheLastSundayOfMarchAt0100Utc) {
    const auto berlin = *TimeZone::parse("Europe/Berlin");
    EXPECT_EQ(berlin.offset_seconds(at("2026-03-29T00:59:59Z")), 3600);
    EXPECT_EQ(berlin.offset_seconds(at("2026-03-29T01:00:00Z")), 7200);
    EXPECT_EQ(berlin.offset_seconds(at("2026-10-25T00:59:59Z")), 7200);
    EXPECT_EQ(berlin.offset_seconds(at("2026-10-25T01:00:00Z")), 3600);
}

TEST(TimeZone, NewYorkSwitchesOnTheSecondSundayOfMarchAndFirstOfNovember) {
    const auto ny = *TimeZone::parse("America/New_York");
    EXPECT_EQ(ny.offset_seconds(at("2026-03-08T06:59:59Z")), -5 * 3600);  // 01:59:59 EST
    EXPECT_EQ(ny.offset_seconds(at("2026-03-08T07:00:00Z")), -4 * 3600);  // 03:00 EDT
    EXPECT_EQ(ny.offset_seconds(at("2026-11-01T05:59:59Z")), -4 * 3600);  // 01:59:59 EDT
    EXPECT_EQ(ny.offset_seconds(at("2026-11-01T06:00:00Z")), -5 * 3600);  // 01:00 EST
}

TEST(TimeZone, JakartaHasNoDaylightSaving) {
    const auto jkt = *TimeZone::parse("Asia/Jakarta");
    EXPECT_EQ(jkt.offset_seconds(at("2026-07-01T00:00:00Z")), 7 * 3600);
    EXPECT_EQ(format_date(jkt.local_date(at("2026-07-01T17:00:00Z"))), "2026-07-02");
}

TEST(TimeZone, AcceptsFixedOffsets) {
    EXPECT_EQ(TimeZone::parse("+05:30")->offset_seconds(Instant{0}), 5 * 3600 + 1800);
    EXPECT_EQ(TimeZone::parse("-03:00")->offset_seconds(Instant{0}), -3 * 3600);
}

TEST(TimeZone, RejectsUnknownNamesSuggestingTheNearestZone) {
    std::string why;
    EXPECT_FALSE(TimeZone::parse("Mars/Olympus_Mons", &why));
    EXPECT_EQ(why, "expected an IANA time zone name such as \"Europe/Berlin\" or a fixed offset such as \"+01:00\"");
    EXPECT_FALSE(TimeZone::parse("Europe/Copenhagn", &why));
    EXPECT_NE(why.find("; did you mean \"Europe/Copenhagen\"?"), std::string::npos) << why;
    EXPECT_FALSE(TimeZone::parse("europe/berlin", &why));  // names are case-sensitive
    EXPECT_NE(why.find("; did you mean \"Europe/Berlin\"?"), std::string::npos) << why;
    EXPECT_FALSE(TimeZone::parse("+15:00"));
    EXPECT_FALSE(TimeZone::parse("+1:00"));
    EXPECT_FALSE(TimeZone::parse(""));
}

TEST(TimeZone, KnowsEveryZoneIncludingLinksAndHalfHourDaylightSaving) {
    EXPECT_GT(time_zone_names().size(), 550u);
    EXPECT_EQ(TimeZone::parse("US/Eastern")->offset_seconds(at("2026-07-01T00:00:00Z")), -4 * 3600);
    const auto lord_howe = *TimeZone::parse("Australia/Lord_Howe");  // +10:30, +11:00 in summer
    EXPECT_EQ(lord_howe.offset_seconds(at("2026-07-01T00:00:00Z")), 10 * 3600 + 1800);
    EXPECT_EQ(lord_howe.offset_seconds(at("2026-01-01T00:00:00Z")), 11 * 3600);
    const auto chatham = *TimeZone::parse("Pacific/Chatham");  // +12:45, +13:45 in summer
    EXPECT_EQ(chatham.offset_seconds(at("2026-07-01T00:00:00Z")), 12 * 3600 + 45 * 60);
    EXPECT_EQ(chatham.offset_seconds(at("2026-01-01T00:00:00Z")), 13 * 3600 + 45 * 60);
    // Sao Paulo dropped daylight saving in 2019.
    const auto sao_paulo = *TimeZone::parse("America/Sao_Paulo");
    EXPECT_EQ(sao_paulo.offset_seconds(at("2018-12-01T00:00:00Z")), -2 * 3600);
    EXPECT_EQ(sao_paulo.offset_seconds(at("2026-12-01T00:00:00Z")), -3 * 3600);
    // Past 2037 the current rule goes on.
    EXPECT_EQ(TimeZone::parse("Europe/Berlin")->offset_seconds(at("2050-07-01T00:00:00Z")), 7200);
    EXPECT_EQ(TimeZone::parse("Europe/Berlin")->offset_seconds(at("2050-12-01T00:00:00Z")), 3600);
}

}  // namespace
}  // namespace retour
