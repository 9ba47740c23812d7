#pragma once
// The IANA time zones, as data: generated at build time from Debian's tzdata by
// cmake/gen_time_zones.py (into the build tree, never committed). Read by time_zone.cpp.
//
// A zone's UTC offset at instant t (Unix seconds):
//  - t < first transition: `initial_offset`, the offset at kFrom (2000-01-01);
//  - up to `rule_from`: the offset after the last transition at or before t;
//  - from `rule_from` on (when the zone has a rule): its POSIX daylight-saving rule,
//    which reproduces every tzdata transition from then to 2037 (the generator
//    matches them) and goes on after 2037. (tzdata lists predicted Ramadan changes for
//    Morocco and Palestine beyond 2037; the table stops at 2038-01-19, like 32-bit TZif.)
// Instants before 2000 get the offset of 2000-01-01: Retour's dates are all later, and
// the zones' 1970s-1990s history would double the table (cmake/gen_time_zones.py).
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
    std::uint32_t rule_from;   // Unix seconds
    std::uint16_t transition_count;
    std::uint8_t initial_offset;  // index into kOffsets
    std::int8_t rule;             // index into kRules, -1: none
};

extern const char* const kVersion;  // tzdata release, e.g. "2025b"
extern const std::int64_t kFrom;     // Unix seconds: where transitions start
extern const std::int32_t kOffsets[];
extern const Rule kRules[];
// Per zone, from first_byte, transition_count pairs of: seconds since the previous
// transition (the first: since kFrom) as a little-endian base-128 varint, then
// the new offset's index into kOffsets. Deltas compress far better than times.
extern const std::uint8_t kTransitions[];
extern const Zone kZones[];
// The names, sorted (byte order), each ended by a NUL, one after the other: no array
// of pointers (4 bytes each in wasm, and poor to compress). Name i starts at
// kNameText + kNameStart[i] and is zone kNameZone[i].
extern const char kNameText[];
extern const std::uint16_t kNameStart[];
extern const std::uint16_t kNameZone[];
extern const std::size_t kNameCount;

}  // namespace retour::tz
