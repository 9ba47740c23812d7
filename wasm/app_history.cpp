// The portal's steps in the browser's history: every step the shopper takes is a new
// entry (same address), so Back and Forward, and Android's Back, move between steps
// instead of leaving the page. The entry carries {"screen", "depth", "id"}: depth
// counts the portal's entries before it (Back inside the portal uses history.back()
// only when there is one), id names the return a done entry shows.
#include "wasm/app.h"
#include "wasm/update.h"
#include "wasm/web_platform.h"

namespace retour::app {

void App::show(Screen screen) {
    // The first screen follows a network answer, which already asks for its frames.
    const bool first = !history_started_;
    s.screen = screen;
    s.message.clear();
    record_history(history_started_ && !replace_next_);
    if (!first) p_.request_frames(3);
    // Each time a return is shown (confirmed, reopened, reloaded) its status is asked anew.
    if (screen == Screen::Done) fetch_status();
}

void App::record_history(bool push) {
    if (push) ++history_depth_;
    nlohmann::json entry{{"screen", screen_name(s.screen)}, {"depth", history_depth_}};
    if (s.screen == Screen::Done) entry["id"] = s.request_id;
    if (push) p_.history(web::HistoryOp::push, entry.dump());
    else p_.history(web::HistoryOp::replace, entry.dump());
    history_started_ = true;
    replace_next_ = false;
}

bool App::can_enter(Screen screen) const {
    switch (screen) {
    case Screen::FindOrder: return true;
    case Screen::Items: return s.order.has_value();
    case Screen::Reasons:
        for (const LineChoice& c : s.lines)
            if (c.selected) return s.order.has_value();
        return false;
    case Screen::Resolution: return s.order && reasons_complete(s);
    case Screen::Summary: return s.order && reasons_complete(s) && s.resolution_chosen;
    default: return false;  // loading, errors and done are not steps to go back to
    }
}

void App::on_history(const std::string& state_json) {
    const auto entry = nlohmann::json::parse(state_json, nullptr, false);
    if (!entry.is_object() || s.screen == Screen::Loading || s.screen == Screen::PolicyError) return;
    history_depth_ = entry.value("depth", 0);
    const auto target = parse_screen(entry.value("screen", ""));
    if (!target) return;
    if (*target == Screen::Done) {
        // Forward again to a confirmed return: it is on this device.
        const std::string id = entry.value("id", "");
        if (s.screen == Screen::Done && s.request_id == id) return;
        if (const DeviceReturn* r = find_return(s.device_returns, id)) {
            show_return(*r);
            s.screen = Screen::Done;
            fetch_status();
            p_.request_frames(3);
            return;
        }
    }
    if (s.screen == Screen::Done) {
        // Back from a confirmed return: it cannot be unsent or confirmed twice, so the
        // steps that led to it are gone; the shopper lands where a new return starts
        // (which lists this one under "Your returns on this device").
        clear_return();
        record_history(false);
        return;
    }
    if (can_enter(*target)) {
        s.screen = *target;
        s.message.clear();
    } else {
        // An entry for a step that no longer applies (another order, a choice undone):
        // stay, and make this entry say where we are.
        if (!s.order) s.screen = Screen::FindOrder;
        record_history(false);
    }
    p_.request_frames(3);
}

}  // namespace retour::app
