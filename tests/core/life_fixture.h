#pragma once
// Histories for the return-life tests: a request's facts (two lines, EUR 50 refund and
// EUR 30 store credit allowed, an exchange asked for) and changes that pass every check
// but the transition itself.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/return_life.h"

namespace retour::testing {

inline constexpr std::int64_t kStart = 1'796'000'000;  // 2026-11-30

inline LifeFacts facts() {
    LifeFacts f;
    f.currency = "EUR";
    f.line_ids = {"L1", "L2"};
    f.refund_max = 5000;
    f.store_credit_max = 3000;
    f.has_exchange = true;
    return f;
}

// A change that passes every check but the transition itself: actor, note, a full
// inspection, an amount within the quote where one belongs.
inline LifeEvent valid(LifeEventType type, std::int64_t minute) {
    LifeEvent e;
    e.type = type;
    e.at = Instant{kStart + minute * 60};
    e.actor = "anna";
    e.note = "checked";
    if (type == LifeEventType::received) e.inspection = {{"L1", InspectionResult::as_new}, {"L2", InspectionResult::damaged}};
    if (type == LifeEventType::refunded || type == LifeEventType::store_credit_issued) e.amount = 1000;
    return e;
}

inline ReturnLife life_through(const std::vector<LifeEventType>& types, const LifeFacts& f = facts()) {
    std::vector<LifeEvent> events;
    for (std::size_t i = 0; i < types.size(); ++i) events.push_back(valid(types[i], static_cast<std::int64_t>(i)));
    Advanced a = replay(f, events);
    EXPECT_TRUE(a.ok()) << (a.refusal ? a.refusal->code + ": " + a.refusal->message : "");
    return a.life;
}

inline std::string code_of(const Advanced& a) { return a.refusal ? a.refusal->code : ""; }

}  // namespace retour::testing
