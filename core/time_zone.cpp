#include "core/time_zone.h"

namespace retour {
namespace {

struct ZoneInfo {
    const char* name;
    std::int32_t standard_minutes;
    TimeZone::Dst dst;
};

constexpr ZoneInfo kZones[] = {
    {"UTC", 0, TimeZone::Dst::none},
    {"Etc/UTC", 0, TimeZone::Dst::none},
    {"Europe/London", 0, TimeZone::Dst::eu},
    {"Europe/Lisbon", 0, TimeZone::Dst::eu},
    {"Europe/Amsterdam", 60, TimeZone::Dst::eu},
    {"Europe/Berlin", 60, TimeZone::Dst::eu},
    {"Europe/Brussels", 60, TimeZone::Dst::eu},
    {"Europe/Copenhagen", 60, TimeZone::Dst::eu},
    {"Europe/Madrid", 60, TimeZone::Dst::eu},
    {"Europe/Oslo", 60, TimeZone::Dst::eu},
    {"Europe/Paris", 60, TimeZone::Dst::eu},
    {"Europe/Rome", 60, TimeZone::Dst::eu},
    {"Europe/Stockholm", 60, TimeZone::Dst::eu},
    {"Europe/Vienna", 60, TimeZone::Dst::eu},
    {"Europe/Warsaw", 60, TimeZone::Dst::eu},
    {"Europe/Zurich", 60, TimeZone::Dst::eu},
    {"Europe/Helsinki", 120, TimeZone::Dst::eu},
    {"Asia/Jakarta", 420, TimeZone::Dst::none},
    {"Asia/Singapore", 480, TimeZone::Dst::none},
    {"Asia/Tokyo", 540, TimeZone::Dst::none},
    {"America/New_York", -300, TimeZone::Dst::us},
    {"America/Chicago", -360, TimeZone::Dst::us},
    {"America/Denver", -420, TimeZone::Dst::us},
    {"America/Los_Angeles", -480, TimeZone::Dst::us},
};

// The n-th (1-based) Sunday of a month; n = 0 means the last one.
Date sunday_of(int year, int month, int n) {
    if (n == 0) {
        Date last = Date::from_civil(year, month, days_in_month(year, static_cast<unsigned>(month)));
        return last.plus_days(-last.weekday());
    }
    Date first = Date::from_civil(year, month, 1);
    return first.plus_days((7 - first.weekday()) % 7 + 7 * (n - 1));
}

std::int64_t at(Date d, std::int64_t seconds_into_day) {
    return static_cast<std::int64_t>(d.days) * 86400 + seconds_into_day;
}

}  // namespace

const char* supported_time_zones() {
    return "a fixed offset like \"+01:00\", or one of UTC, Europe/London, Europe/Lisbon, "
           "Europe/Amsterdam, Europe/Berlin, Europe/Brussels, Europe/Copenhagen, Europe/Madrid, "
           "Europe/Oslo, Europe/Paris, Europe/Rome, Europe/Stockholm, Europe/Vienna, Europe/Warsaw, "
           "Europe/Zurich, Europe/Helsinki, Asia/Jakarta, Asia/Singapore, Asia/Tokyo, "
           "America/New_York, America/Chicago, America/Denver, America/Los_Angeles";
}

TimeZone TimeZone::utc() {
    TimeZone z;
    z.name_ = "UTC";
    return z;
}

std::optional<TimeZone> TimeZone::parse(std::string_view name, std::string* error) {
    TimeZone z;
    z.name_ = std::string(name);
    if (name == "Z") return z;
    if (name.size() == 6 && (name[0] == '+' || name[0] == '-') && name[3] == ':') {
        auto digit = [&](std::size_t i) { return name[i] >= '0' && name[i] <= '9'; };
        if (digit(1) && digit(2) && digit(4) && digit(5)) {
            const int h = (name[1] - '0') * 10 + (name[2] - '0');
            const int m = (name[4] - '0') * 10 + (name[5] - '0');
            if (h <= 14 && m <= 59) {
                z.standard_offset_ = (name[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
                return z;
            }
        }
    }
    for (const auto& info : kZones) {
        if (name == info.name) {
            z.standard_offset_ = info.standard_minutes * 60;
            z.dst_ = info.dst;
            return z;
        }
    }
    if (error) *error = std::string("expected ") + supported_time_zones();
    return std::nullopt;
}

std::int32_t TimeZone::offset_seconds(Instant t) const {
    if (dst_ == Dst::none) return standard_offset_;
    // The year of the local standard time decides which transitions apply; near New
    // Year no transition is close, so the approximation is exact.
    const int year = Instant{t.unix_seconds + standard_offset_}.utc_date().year();
    std::int64_t start, end;
    if (dst_ == Dst::eu) {
        start = at(sunday_of(year, 3, 0), 3600);
        end = at(sunday_of(year, 10, 0), 3600);
    } else {
        start = at(sunday_of(year, 3, 2), 2 * 3600) - standard_offset_;
        end = at(sunday_of(year, 11, 1), 2 * 3600) - (standard_offset_ + 3600);
    }
    const bool summer = t.unix_seconds >= start && t.unix_seconds < end;
    return standard_offset_ + (summer ? 3600 : 0);
}

Date TimeZone::local_date(Instant t) const {
    return Instant{t.unix_seconds + offset_seconds(t)}.utc_date();
}

}  // namespace retour
