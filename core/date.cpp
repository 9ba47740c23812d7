#include "core/date.h"

#include <cstdio>

namespace retour {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

struct Civil {
    std::int64_t y;
    unsigned m, d;
};

// Howard Hinnant's civil_from_days (public domain algorithm).
Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Civil{y + (m <= 2), m, d};
}

// Reads exactly `n` digits at `pos`; -1 if any is not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, unsigned m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::from_civil(int year, int month, int day) {
    return Date{static_cast<std::int32_t>(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)))};
}
int Date::year() const { return static_cast<int>(civil_from_days(days).y); }
int Date::month() const { return static_cast<int>(civil_from_days(days).m); }
int Date::day() const { return static_cast<int>(civil_from_days(days).d); }
int Date::weekday() const {
    // 1970-01-01 was a Thursday (4).
    return static_cast<int>(((days % 7) + 11) % 7);
}

Date Instant::utc_date() const {
    return Date{static_cast<std::int32_t>(floor_div(unix_seconds, kSecondsPerDay))};
}

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, static_cast<unsigned>(m)))
        return std::nullopt;
    if (s.size() != 10) return std::nullopt;
    return Date::from_civil(y, m, d);
}

std::optional<Instant> parse_instant(std::string_view s) {
    if (s.size() < 20 || s[10] != 'T') return std::nullopt;
    const auto date = parse_date(s.substr(0, 10));
    if (!date) return std::nullopt;
    const int hh = digits(s, 11, 2), mm = digits(s, 14, 2), ss = digits(s, 17, 2);
    if (s[13] != ':' || s[16] != ':' || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59)
        return std::nullopt;
    std::size_t i = 19;
    if (s[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == start || i - start > 9) return std::nullopt;
    }
    std::int64_t offset = 0;
    if (i < s.size() && s[i] == 'Z') {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59 || s[i + 3] != ':') return std::nullopt;
        offset = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return Instant{static_cast<std::int64_t>(date->days) * kSecondsPerDay + hh * 3600 + mm * 60 + ss - offset};
}

std::optional<Stamp> parse_stamp(std::string_view text) {
    Stamp s;
    if (text.size() == 10) {
        auto d = parse_date(text);
        if (!d) return std::nullopt;
        s.date = *d;
        return s;
    }
    auto t = parse_instant(text);
    if (!t) return std::nullopt;
    s.has_time = true;
    s.instant = *t;
    return s;
}

std::string format_date(Date d) {
    const Civil c = civil_from_days(d.days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(c.y), c.m, c.d);
    return buf;
}

std::string format_instant(Instant t) {
    const std::int64_t day = floor_div(t.unix_seconds, kSecondsPerDay);
    const std::int64_t sec = t.unix_seconds - day * kSecondsPerDay;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(Date{static_cast<std::int32_t>(day)}).c_str(),
                  static_cast<int>(sec / 3600), static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
    return buf;
}

std::string format_stamp(const Stamp& s) { return s.has_time ? format_instant(s.instant) : format_date(s.date); }

}  // namespace retour
