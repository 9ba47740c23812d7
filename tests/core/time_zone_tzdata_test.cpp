// The generated time zone table against the system's tzdata, read by the C library
// (glibc's localtime_r with TZ set): every zone name, instants from 2000 (where the
// table starts: time_zone_table.h) to 2038-01-19
// (after that the table applies each zone's current rule, leaving out tzdata's
// predicted Ramadan changes in Morocco and Palestine), and every offset change found
// located to the second. Native only: in wasm the C
// library's time zones come from the JavaScript host.
#ifndef __EMSCRIPTEN__
#include <cstdlib>
#include <ctime>
#include <string>

#include <gtest/gtest.h>

#include "core/time_zone.h"

namespace retour {
namespace {

class SystemZone {
public:
    explicit SystemZone(std::string_view name) {
        const char* old = std::getenv("TZ");
        if (old) saved_ = old;
        had_ = old != nullptr;
        setenv("TZ", (":" + std::string(name)).c_str(), 1);
        tzset();
    }
    ~SystemZone() {
        if (had_) setenv("TZ", saved_.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
    long offset(std::int64_t t) const {
        const std::time_t tt = static_cast<std::time_t>(t);
        std::tm tm{};
        localtime_r(&tt, &tm);
        return tm.tm_gmtoff;
    }

private:
    std::string saved_;
    bool had_ = false;
};

TEST(TimeZoneTzdata, EveryZoneMatchesTheSystemFrom2000To2037) {
    const std::int64_t from = 946684800, until = std::int64_t{1} << 31;  // 2000-01-01 .. 2038-01-19
    // Four days and a bit: over the years every time of day is visited; offset changes
    // (at least weeks apart) are each found and then located to the second.
    const std::int64_t step = 4 * 86400 + 3607;
    std::size_t zones = 0, changes = 0;
    for (std::string_view name : time_zone_names()) {
        const SystemZone sys(name);
        const TimeZone ours = *TimeZone::parse(name);
        long before = sys.offset(from);
        ASSERT_EQ(ours.offset_seconds(Instant{from}), before) << name << " at " << from;
        std::size_t mismatches = 0;
        for (std::int64_t t = from + step; t < until && mismatches < 3; t += step) {
            const long now = sys.offset(t);
            if (now != before) {
                // Locate the change to the second and check both sides of it.
                std::int64_t lo = t - step, hi = t;
                while (hi - lo > 1) {
                    const std::int64_t mid = lo + (hi - lo) / 2;
                    (sys.offset(mid) == before ? lo : hi) = mid;
                }
                if (ours.offset_seconds(Instant{lo}) != before || ours.offset_seconds(Instant{hi}) != now) {
                    ADD_FAILURE() << name << ": change at " << hi << " from " << before << " to " << now << ", ours "
                                  << ours.offset_seconds(Instant{lo}) << " to " << ours.offset_seconds(Instant{hi});
                    ++mismatches;
                }
                ++changes;
                before = now;
            }
            if (ours.offset_seconds(Instant{t}) != now) {
                ADD_FAILURE() << name << " at " << t << ": system " << now << ", ours " << ours.offset_seconds(Instant{t});
                ++mismatches;
            }
        }
        ++zones;
    }
    EXPECT_GT(zones, 550u);
    EXPECT_GT(changes, 5000u);
}

}  // namespace
}  // namespace retour
#endif
