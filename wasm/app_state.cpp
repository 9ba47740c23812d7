#include "wasm/app_state.h"

namespace retour::app {

namespace {
constexpr Screen kScreens[] = {Screen::Loading, Screen::PolicyError, Screen::FindOrder, Screen::Items,
                               Screen::Reasons, Screen::Resolution,  Screen::Summary,   Screen::Done};

template <class T>
void read(const nlohmann::json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    try {
        out = it->get<T>();
    } catch (const nlohmann::json::exception&) {
        // A draft from another version: keep what we have.
    }
}
}  // namespace

const char* screen_name(Screen s) {
    switch (s) {
    case Screen::Loading: return "loading";
    case Screen::PolicyError: return "policy_error";
    case Screen::FindOrder: return "find_order";
    case Screen::Items: return "items";
    case Screen::Reasons: return "reasons";
    case Screen::Resolution: return "resolution";
    case Screen::Summary: return "summary";
    case Screen::Done: return "done";
    }
    return "unknown";
}

std::optional<Screen> parse_screen(const std::string& name) {
    for (Screen s : kScreens)
        if (name == screen_name(s)) return s;
    return std::nullopt;
}

nlohmann::json draft_json(const AppState& s) {
    nlohmann::json lines = nlohmann::json::array();
    for (const LineChoice& l : s.lines) {
        lines.push_back({{"line_id", l.line_id}, {"selected", l.selected}, {"quantity", l.quantity},
                         {"reason", l.reason}, {"sub_reason", l.sub_reason}, {"comment", l.comment},
                         {"photo", l.photo}, {"exchange_sku", l.exchange_sku}});
    }
    const ShopperForm& f = s.shopper;
    nlohmann::json j{
        {"version", 1},
        {"screen", screen_name(s.screen)},
        {"order_number", s.order_number},
        {"contact", s.contact},
        {"lines", lines},
        {"resolution", to_string(s.resolution)},
        {"resolution_chosen", s.resolution_chosen},
        {"method", to_string(s.method)},
        {"shopper", {{"name", f.name}, {"email", f.email}, {"line1", f.line1}, {"line2", f.line2},
                     {"postcode", f.postcode}, {"city", f.city}, {"region", f.region}, {"country", f.country}}},
        {"order_source", s.order_source},
        {"order_token", s.order_token},
        {"request_id", s.attempt_id},
    };
    // Unsigned orders (demo, endpoint) cannot be re-opened from a token: keep them.
    if (s.order && s.order_token.empty()) j["order"] = to_json(*s.order);
    return j;
}

Screen restore_draft(AppState& s, const nlohmann::json& d) {
    read(d, "order_number", s.order_number);
    read(d, "contact", s.contact);
    read(d, "request_id", s.attempt_id);
    if (auto it = d.find("lines"); it != d.end() && it->is_array()) {
        for (const auto& jl : *it) {
            std::string id;
            read(jl, "line_id", id);
            for (LineChoice& l : s.lines) {
                if (l.line_id != id) continue;
                read(jl, "selected", l.selected);
                read(jl, "quantity", l.quantity);
                read(jl, "reason", l.reason);
                read(jl, "sub_reason", l.sub_reason);
                read(jl, "comment", l.comment);
                read(jl, "photo", l.photo);
                read(jl, "exchange_sku", l.exchange_sku);
            }
        }
    }
    std::string text;
    read(d, "resolution", text);
    if (auto r = parse_resolution(text)) s.resolution = *r;
    read(d, "resolution_chosen", s.resolution_chosen);
    text.clear();
    read(d, "method", text);
    if (auto m = parse_return_method(text)) s.method = *m;
    if (auto it = d.find("shopper"); it != d.end() && it->is_object()) {
        ShopperForm& f = s.shopper;
        read(*it, "name", f.name);
        read(*it, "email", f.email);
        read(*it, "line1", f.line1);
        read(*it, "line2", f.line2);
        read(*it, "postcode", f.postcode);
        read(*it, "city", f.city);
        read(*it, "region", f.region);
        read(*it, "country", f.country);
    }
    text.clear();
    read(d, "screen", text);
    const auto screen = parse_screen(text);
    if (!screen || *screen == Screen::Loading || *screen == Screen::PolicyError || *screen == Screen::Done)
        return Screen::Items;
    return *screen;
}

}  // namespace retour::app
