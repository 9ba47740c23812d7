#pragma once
// The merchant's time zone, needed for "the window ends at end of day".
//
// Accepted:
//  - every IANA zone name in Debian's tzdata (zones and their links, e.g.
//    "Europe/Berlin", "Asia/Jakarta", "US/Eastern", "UTC"), with its real offsets from
//    2000 on and its current daylight-saving rule after 2037 (time_zone_table.h,
//    generated at build time; nothing is read at run time);
//  - fixed UTC offsets "+01:00", "-05:00" and "Z", which never change: a shop whose
//    clocks do gets a check-policy warning (policy_warnings.h).
// Anything else is rejected, with the nearest zone name when one is close.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace retour {

class TimeZone {
public:
    static TimeZone utc();
    // nullopt with `*error` set when `name` is neither an offset nor a known zone.
    static std::optional<TimeZone> parse(std::string_view name, std::string* error = nullptr);

    // Local time minus UTC, in seconds, at instant `t`.
    std::int32_t offset_seconds(Instant t) const;
    Date local_date(Instant t) const;
    const std::string& name() const { return name_; }
    // "+01:00" and the like, not "Z": the offset a merchant wrote instead of a zone.
    bool is_fixed_offset() const { return zone_ < 0 && name_ != "Z"; }

private:
    std::string name_;
    std::int32_t fixed_offset_ = 0;  // seconds, when zone_ < 0
    int zone_ = -1;                  // index into time_zone_table.h's kZones
};

// Every zone name, sorted.
std::vector<std::string_view> time_zone_names();

}  // namespace retour
