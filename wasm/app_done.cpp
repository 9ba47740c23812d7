// Returns confirmed on this device: kept in localStorage so the done screen (RMA,
// label, delivery state) survives a reload, the find screen can list and reopen
// them, and a refused one can be corrected and sent again under the same id. Every
// write re-reads the list first, so two tabs do not drop each other's returns.
#include <algorithm>

#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/return_status.h"
#include "wasm/web_platform.h"

namespace retour::app {

void App::load_device_returns() {
    if (auto text = p_.storage_get(kReturnsKey))
        s.device_returns = parse_device_returns(nlohmann::json::parse(*text, nullptr, false));
    const std::size_t before = s.device_returns.size();
    drop_returns_before(s.device_returns, Instant{now().unix_seconds - kDeviceReturnDays * 86400});
    if (s.device_returns.size() != before)
        p_.storage_set(kReturnsKey, device_returns_json(s.device_returns).dump());
}

void App::update_device_returns(const std::function<void(std::vector<DeviceReturn>&)>& change) {
    // The stored list is the truth (a return removed in another tab stays removed);
    // without storage this tab's own list is all there is.
    load_device_returns();
    change(s.device_returns);
    p_.storage_set(kReturnsKey, device_returns_json(s.device_returns).dump());
}

void App::show_return(const DeviceReturn& r) {
    s.request_id = r.id;
    s.rma = r.rma;
    s.request_json = r.request;
    s.delivery = r.delivery;
    s.refusal = r.refusal;
    s.review = r.review;
    // The outbox knows best whether it is still waiting (another tab may have sent it).
    if (const OutboxEntry* e = outbox_.box().find(r.id); e && e->state != OutboxState::rejected && s.delivery != "sending")
        s.delivery = "queued";
    if (auto lines = r.request.find("lines"); lines != r.request.end() && lines->is_array() && !lines->empty())
        if (auto res = parse_resolution((*lines)[0].value("resolution", ""))) s.resolution = *res;
    if (auto m = parse_return_method(r.request.value("return_method", ""))) s.method = *m;
    s.message.clear();
    if (!is_status_document(s.status, r.id)) s.status = nullptr;
}

void App::fetch_status() {
    // A demo has no history to show (its example receiver keeps none), and asking would
    // only add a failed request to the page's console. Nor has a return the shop does not
    // have yet (still sending, queued, refused): delivery asks once it is stored.
    if (!s.policy || s.screen != Screen::Done || s.demo || s.delivery != "sent") return;
    const std::string url = status_url(*s.policy, posting_enabled(), s.request_id, s.locale);
    if (url.empty()) return;
    p_.http_get(url, [this, id = s.request_id](const web::HttpResponse& r) {
        dispatch_(StatusFetched{id, r.status, r.body});
        apply_actions();
    });
}

bool App::restore_done(const std::string& link_token) {
    // The tab's history entry says which return it showed, so a reload comes back to
    // it while a new tab starts a new return (and lists this one).
    const auto entry = nlohmann::json::parse(p_.history_state(), nullptr, false);
    if (!entry.is_object() || entry.value("screen", "") != screen_name(Screen::Done)) return false;
    const DeviceReturn* r = find_return(s.device_returns, entry.value("id", ""));
    // A link to another order (a new e-mail) opens that order instead.
    const std::string token = r ? r->request.value("order", nlohmann::json::object()).value("token", "") : "";
    if (!r || (!link_token.empty() && link_token != token)) return false;
    show_return(*r);
    show(Screen::Done);
    return true;
}

void App::open_return(const std::string& id) {
    const DeviceReturn* r = find_return(s.device_returns, id);
    if (!r) return;
    const DeviceReturn copy = *r;
    clear_return();
    show_return(copy);
    show(Screen::Done);
}

void App::resend(bool to_items) {
    const DeviceReturn* r = find_return(s.device_returns, s.request_id);
    if (!r || r->delivery != "rejected" || !r->draft.is_object()) return;
    nlohmann::json draft = r->draft;
    // The corrected request keeps the refused one's id, so its RMA (and a label printed
    // while it waited) still match; the receiver lets a refused id be used again.
    draft["request_id"] = r->id;
    // Too many units: the quantity is chosen on the first step, so start there.
    if (to_items) draft["screen"] = screen_name(Screen::Items);
    const std::string id = r->id;
    outbox_.discard(id);
    update_device_returns([&](std::vector<DeviceReturn>& list) {
        list.erase(std::remove_if(list.begin(), list.end(), [&](const DeviceReturn& e) { return e.id == id; }), list.end());
    });
    clear_return();
    // A refusal may follow a change of the shop's rules: correct against the current ones.
    s.screen = Screen::Loading;
    p_.http_get(s.policy_url, [this, draft](const web::HttpResponse& res) {
        if (res.status == 200) {
            auto parsed = parse_policy_text(res.body);
            if (parsed.ok()) {
                s.policy = std::move(*parsed.value);
                s.policy_json = nlohmann::json::parse(res.body, nullptr, false);
            }
        }
        if (!reopen_draft(draft)) show(Screen::FindOrder);
        p_.request_frames(3);
    });
}

void App::open_contact(const std::string& url) { p_.open_link(url); }

}  // namespace retour::app
