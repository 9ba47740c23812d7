#pragma once
// The merchant's time zone, needed for "the window ends at end of day".
//
// Supported (there is no tz database in the browser's wasm, so no general IANA names):
//  - fixed UTC offsets "+01:00", "-05:00", "Z"/"UTC";
//  - a built-in table of IANA names with today's rules computed from dates:
//    EU zones (DST from the last Sunday of March to the last Sunday of October, both
//    at 01:00 UTC), US zones (second Sunday of March 02:00 local to first Sunday of
//    November 02:00 local), and zones without DST. Historic rule changes are not
//    modelled: current rules are applied to every year.
// Any other name is rejected with an error listing what is supported.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace retour {

class TimeZone {
public:
    enum class Dst : std::uint8_t { none, eu, us };

    static TimeZone utc();
    // nullopt with `*error` set when `name` is neither an offset nor a known zone.
    static std::optional<TimeZone> parse(std::string_view name, std::string* error = nullptr);

    // Local time minus UTC, in seconds, at instant `t`.
    std::int32_t offset_seconds(Instant t) const;
    Date local_date(Instant t) const;
    const std::string& name() const { return name_; }

private:
    std::string name_;
    std::int32_t standard_offset_ = 0;  // seconds
    Dst dst_ = Dst::none;
};

// The names the table knows, comma-separated (for error messages and docs).
const char* supported_time_zones();

}  // namespace retour
