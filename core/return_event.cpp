#include "core/return_event.h"

#include <algorithm>

#include "core/canonical_json.h"

namespace retour {

std::string event_body(std::string_view type, Instant at, const nlohmann::json& data) {
    return canonical_dump({{"data", data}, {"timestamp", format_instant(at)}, {"type", std::string(type)}});
}

nlohmann::json return_requested_data(const ReturnRequest& r, const Quote& quote, std::string_view status,
                                     const std::vector<std::string>& decided) {
    using nlohmann::json;
    // Each review code once, in the order the lines raised them, then the receiver's.
    std::vector<std::string> reasons;
    const auto add = [&](const std::string& code) {
        if (std::find(reasons.begin(), reasons.end(), code) == reasons.end()) reasons.push_back(code);
    };
    for (const QuoteLine& line : quote.lines)
        for (const char* code : line.review_codes) add(code);
    for (const std::string& code : decided) add(code);
    return {{"currency", quote.currency.str()},
            {"id", r.id},
            {"order", {{"id", r.order.id}, {"number", r.order.number}}},
            {"policy", {{"hash", r.policy_hash}, {"version", r.policy_version}}},
            {"review_reasons", reasons},
            {"rma", r.rma},
            {"status", std::string(status)},
            {"totals", to_json(quote).value("totals", json::object())}};
}

std::string life_event_type(LifeEventType type) { return std::string("return.") + to_string(type); }

nlohmann::json return_life_data(const ReturnRequest& r, const ReturnLife& after, const LifeEvent& change) {
    return {{"change", to_json(change)},
            {"currency", after.facts.currency},
            {"id", r.id},
            {"order", {{"id", r.order.id}, {"number", r.order.number}}},
            {"refunded", after.refunded},
            {"rma", r.rma},
            {"state", to_string(after.state)},
            {"store_credit_issued", after.store_credit_issued}};
}

}  // namespace retour
