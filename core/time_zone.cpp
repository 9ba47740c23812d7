#include "core/time_zone.h"

#include "core/closest_word.h"
#include "core/time_zone_table.h"

namespace retour {
namespace {

const char* name_at(std::size_t i) { return tz::kNameText + tz::kNameStart[i]; }

// The index of `name` in the sorted names, or -1.
int find_name(std::string_view name) {
    std::size_t lo = 0, hi = tz::kNameCount;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (std::string_view(name_at(mid)) < name) lo = mid + 1;
        else hi = mid;
    }
    return lo < tz::kNameCount && std::string_view(name_at(lo)) == name ? static_cast<int>(lo) : -1;
}

std::int64_t rule_instant(int year, const tz::RuleDate& r, std::int32_t offset) {
    const Date first = Date::from_civil(year, r.month, 1);
    int day = (r.weekday - first.weekday() + 7) % 7 + 7 * (r.week - 1);
    while (day >= days_in_month(year, r.month)) day -= 7;  // week 5: the last
    return static_cast<std::int64_t>(first.days + day) * 86400 + r.seconds - offset;
}

std::int32_t rule_offset(const tz::Rule& r, std::int64_t t) {
    // The local standard year decides which transitions apply; none is near New Year.
    const int year = Instant{t + r.standard_offset}.utc_date().year();
    const std::int64_t start = rule_instant(year, r.start, r.standard_offset);
    const std::int64_t end = rule_instant(year, r.end, r.daylight_offset);
    const bool daylight = start < end ? (t >= start && t < end) : (t >= start || t < end);
    return daylight ? r.daylight_offset : r.standard_offset;
}

std::int32_t zone_offset(const tz::Zone& z, std::int64_t t) {
    if (z.rule >= 0 && t >= z.rule_from) return rule_offset(tz::kRules[z.rule], t);
    std::int32_t offset = tz::kOffsets[z.initial_offset];
    const std::uint8_t* p = tz::kTransitions + z.first_byte;
    std::int64_t at = tz::kFrom;
    for (unsigned i = 0; i < z.transition_count; ++i) {
        std::int64_t delta = 0;
        for (int shift = 0;; shift += 7) {
            delta |= static_cast<std::int64_t>(*p & 0x7F) << shift;
            if (!(*p++ & 0x80)) break;
        }
        at += delta;
        if (t < at) break;
        offset = tz::kOffsets[*p++];
    }
    return offset;
}

}  // namespace

std::vector<std::string_view> time_zone_names() {
    std::vector<std::string_view> out;
    out.reserve(tz::kNameCount);
    for (std::size_t i = 0; i < tz::kNameCount; ++i) out.emplace_back(name_at(i));
    return out;
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
                z.fixed_offset_ = (name[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
                return z;
            }
        }
    }
    if (const int i = find_name(name); i >= 0) {
        z.zone_ = tz::kNameZone[i];
        return z;
    }
    if (error) {
        *error = "expected an IANA time zone name such as \"Europe/Berlin\" or a fixed offset such as \"+01:00\"";
        if (auto meant = closest_word(name, time_zone_names())) *error += "; did you mean \"" + *meant + "\"?";
    }
    return std::nullopt;
}

std::int32_t TimeZone::offset_seconds(Instant t) const {
    if (zone_ < 0) return fixed_offset_;
    return zone_offset(tz::kZones[zone_], t.unix_seconds);
}

Date TimeZone::local_date(Instant t) const {
    return Instant{t.unix_seconds + offset_seconds(t)}.utc_date();
}

}  // namespace retour
