// Returns confirmed on this device: kept in localStorage so the done screen (RMA,
// label, delivery state) survives a reload, the find screen can list and reopen
// them, a refused one can be corrected and sent again, and confirming the same
// return twice shows the first one instead of sending a duplicate.
#include "wasm/app.h"
#include "wasm/web_services.h"

namespace retour::app {

void App::load_device_returns() {
    if (auto text = web::storage_get(kReturnsKey))
        s.device_returns = parse_device_returns(nlohmann::json::parse(*text, nullptr, false));
}

void App::save_device_returns() { web::storage_set(kReturnsKey, device_returns_json(s.device_returns).dump()); }

void App::show_return(const DeviceReturn& r) {
    s.request_id = r.id;
    s.rma = r.rma;
    s.request_json = r.request;
    s.delivery = r.delivery;
    s.refusal = r.refusal;
    // The outbox knows best whether it is still waiting (another tab may have sent it).
    if (const OutboxEntry* e = outbox_.box().find(r.id); e && e->state != OutboxState::rejected && s.delivery != "sending")
        s.delivery = "queued";
    if (auto lines = r.request.find("lines"); lines != r.request.end() && lines->is_array() && !lines->empty())
        if (auto res = parse_resolution((*lines)[0].value("resolution", ""))) s.resolution = *res;
    if (auto m = parse_return_method(r.request.value("return_method", ""))) s.method = *m;
    s.message.clear();
}

bool App::restore_done(const std::string& link_token) {
    // The tab's history entry says which return it showed, so a reload comes back to
    // it while a new tab starts a new return (and lists this one).
    const auto entry = nlohmann::json::parse(web::history_state(), nullptr, false);
    if (!entry.is_object() || entry.value("screen", "") != screen_name(Screen::Done)) return false;
    const DeviceReturn* r = find_return(s.device_returns, entry.value("id", ""));
    // A link to another order (a new e-mail) opens that order instead.
    const std::string token = r ? r->request.value("order", nlohmann::json::object()).value("token", "") : "";
    if (!r || (!link_token.empty() && link_token != token)) return false;
    show_return(*r);
    show(Screen::Done);
    return true;
}

const DeviceReturn* App::same_return_sent(const nlohmann::json& request) const {
    for (const DeviceReturn& r : s.device_returns) {
        if (r.delivery == "rejected") continue;
        const nlohmann::json& q = r.request;
        if (q.value("order", nlohmann::json::object()) .value("id", "") ==
                request.value("order", nlohmann::json::object()).value("id", "") &&
            q.value("lines", nlohmann::json()) == request.value("lines", nlohmann::json()) &&
            q.value("return_method", "") == request.value("return_method", ""))
            return &r;
    }
    return nullptr;
}

void App::open_return(const std::string& id) {
    const DeviceReturn* r = find_return(s.device_returns, id);
    if (!r) return;
    const DeviceReturn copy = *r;
    clear_return();
    show_return(copy);
    show(Screen::Done);
}

void App::resend() {
    const DeviceReturn* r = find_return(s.device_returns, s.request_id);
    if (!r || r->delivery != "rejected" || !r->draft.is_object()) return;
    const nlohmann::json draft = r->draft;
    // The refused request is replaced by the corrected one: the shop never stored it.
    outbox_.discard(r->id);
    s.device_returns.erase(s.device_returns.begin() + (r - s.device_returns.data()));
    save_device_returns();
    clear_return();
    reopen_draft(draft);
}

void App::open_contact(const std::string& url) { web::open_link(url); }

}  // namespace retour::app
