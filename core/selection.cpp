#include "core/selection.h"

#include "core/json_reader.h"

namespace retour {

Parsed<Selection> parse_selection(const nlohmann::json& document) {
    Parsed<Selection> out;
    Selection sel;
    JsonReader r(&document, &out.errors, "");
    if (!r.object({"lines"})) return out;
    const JsonReader lines = r["lines"];
    if (lines.array()) {
        if (lines.size() == 0) lines.fail("expected at least one line");
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const JsonReader l = lines.at(i);
            if (!l.object({"line_id", "quantity", "reason", "sub_reason", "resolution", "exchange_sku", "comment",
                           "photos"}))
                continue;
            SelectionLine s;
            if (auto v = l["line_id"].string(true, 200)) s.line_id = *v;
            if (auto v = l["quantity"].integer(1, 100000)) s.quantity = static_cast<std::int32_t>(*v);
            if (auto v = l["reason"].string(true, 200)) s.reason = *v;
            if (auto v = l["sub_reason"].string(false, 200)) s.sub_reason = *v;
            if (auto v = l["resolution"].one_of({"refund", "store_credit", "gift_card", "exchange", "keep_item"}))
                s.resolution = *parse_resolution(*v);
            if (auto v = l["exchange_sku"].string(false, 200)) s.exchange_sku = *v;
            if (l["comment"].present() && l["comment"].raw()->is_string())
                s.comment = l["comment"].raw()->get<std::string>();  // may be empty: "no comment"
            else if (l["comment"].present())
                l["comment"].fail("expected a string");
            if (auto v = l["photos"].integer(0, 20, false)) s.photos = static_cast<std::int32_t>(*v);
            sel.lines.push_back(std::move(s));
        }
    }
    if (out.errors.empty()) out.value = std::move(sel);
    return out;
}

nlohmann::json to_json(const Selection& s) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : s.lines) {
        nlohmann::json j = {{"line_id", l.line_id}, {"quantity", l.quantity}, {"reason", l.reason},
                            {"resolution", to_string(l.resolution)}};
        if (!l.sub_reason.empty()) j["sub_reason"] = l.sub_reason;
        if (!l.exchange_sku.empty()) j["exchange_sku"] = l.exchange_sku;
        if (!l.comment.empty()) j["comment"] = l.comment;
        if (l.photos) j["photos"] = l.photos;
        lines.push_back(std::move(j));
    }
    return {{"lines", std::move(lines)}};
}

}  // namespace retour
