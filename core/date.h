#pragma once
// Calendar dates and UTC instants as plain integers; no clock, no OS time zone.
// Civil-date arithmetic is the proleptic Gregorian calendar (days_from_civil).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace retour {

// A calendar day, counted from 1970-01-01 (day 0). Comparable and subtractable.
struct Date {
    std::int32_t days = 0;

    static Date from_civil(int year, int month, int day);
    int year() const;
    int month() const;
    int day() const;
    // 0 = Sunday … 6 = Saturday.
    int weekday() const;
    Date plus_days(std::int32_t n) const { return Date{days + n}; }

    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

// Seconds since 1970-01-01T00:00:00Z, leap seconds ignored (as POSIX does).
struct Instant {
    std::int64_t unix_seconds = 0;

    Date utc_date() const;
    friend bool operator==(Instant a, Instant b) { return a.unix_seconds == b.unix_seconds; }
    friend bool operator<(Instant a, Instant b) { return a.unix_seconds < b.unix_seconds; }
};

// An order's placed/fulfilled/delivered moment: either a calendar date already in
// the merchant's terms ("2026-11-02") or an instant ("2026-11-02T09:30:00Z").
struct Stamp {
    bool has_time = false;
    Date date;        // when !has_time
    Instant instant;  // when has_time
};

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
bool is_leap_year(std::int64_t y);
int days_in_month(std::int64_t y, unsigned m);

// Strict "YYYY-MM-DD" (years 1900–9999, real calendar days: 2026-02-29 fails).
std::optional<Date> parse_date(std::string_view text);
// "YYYY-MM-DDTHH:MM:SS" + optional fraction (truncated) + "Z" or "±HH:MM".
std::optional<Instant> parse_instant(std::string_view text);
// A date or an instant, as above.
std::optional<Stamp> parse_stamp(std::string_view text);

std::string format_date(Date d);          // "2026-11-22"
std::string format_instant(Instant t);    // "2026-11-22T12:00:00Z"
std::string format_stamp(const Stamp& s); // instants are normalized to UTC "Z"

}  // namespace retour
