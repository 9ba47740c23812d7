#pragma once
// The IANA time zones, as data: generated at build time from Debian's tzdata by
// cmake/gen_time_zones.py (into the build tree, never committed). Read by time_zone.cpp.
//
// A zone's UTC offset at instant t (Unix seconds):
//  - t < first transition: `initial_offset`;
//  - up to `rule_from`: the offset after the last transition at or before t;
//  - from `rule_from` on (when the zone has a rule): its POSIX daylight-saving rule,
//    which reproduces every tzdata transition from then to 2037 (the generator
//    matches them) and goes on after 2037. (tzdata lists predicted Ramadan changes for
//    Morocco and Palestine beyond 2037; the table stops at 2038-01-19, like 32-bit TZif.)
// Times from 1970 on; earlier instants get the 1970 offset.
#include <cstddef>
#include <cstdint>

namespace retour::tz {

// "The `week`-th `weekday` of `month`, at `seconds` of local time" (POSIX Mm.w.d/time):
// week 5 = the last; weekday 0 = Sunday; seconds may be negative or past 24 h.
struct RuleDate {
    std::uint8_t month, week, weekday;
    std::int32_t seconds;
};

// Daylight saving starts at `start` (local standard time) and ends at `end` (local
// daylight time); southern zones start late in the year and end early.
struct Rule {
    std::int32_t standard_offset, daylight_offset;  // seconds east of UTC
    RuleDate start, end;
};

struct Zone {
    std::uint32_t first_byte;  // into kTransitions
    std::uint16_t transition_count;
    std::uint8_t initial_offset;  // index into kOffsets
    std::int16_t rule;            // index into kRules, -1: none
    std::int64_t rule_from;       // Unix seconds
};

struct Name {
    const char* name;
    std::uint16_t zone;  // index into kZones
};

extern const char* const kVersion;  // tzdata release, e.g. "2025b"
extern const std::int32_t kOffsets[];
extern const Rule kRules[];
// Per zone, from first_byte, transition_count pairs of: seconds since the previous
// transition (the first: since 1970-01-01) as a little-endian base-128 varint, then
// the new offset's index into kOffsets. Deltas compress far better than times.
extern const std::uint8_t kTransitions[];
extern const Zone kZones[];
extern const Name kNames[];  // sorted by name (byte order)
extern const std::size_t kNameCount;

}  // namespace retour::tz
