// Decisions as JSON. Keys are sorted on output (canonical_dump), so the bytes are
// the same in the browser and the receiver.
#include "core/eligibility.h"

namespace retour {

nlohmann::json to_json(const Decision& d) {
    using nlohmann::json;
    json codes = json::array();
    for (const auto& f : d.findings) {
        json params = json::object();
        for (std::uint8_t i = 0; i < f.param_count; ++i) params[f.params[i].key] = f.params[i].value;
        codes.push_back({{"code", f.code}, {"rule", f.rule}, {"params", std::move(params)}});
    }
    json j = {{"line_id", d.line_id},
              {"status", to_string(d.status)},
              {"codes", std::move(codes)},
              {"rule", d.rule},
              {"returnable_quantity", d.returnable_quantity},
              {"message", d.message}};
    j["window_ends"] = d.window_ends ? json(format_date(*d.window_ends)) : json(nullptr);
    j["anchor"] = *d.anchor ? json(d.anchor) : json(nullptr);
    return j;
}

nlohmann::json to_json(const std::vector<Decision>& ds) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : ds) out.push_back(to_json(d));
    return out;
}

}  // namespace retour
