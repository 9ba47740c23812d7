#include "wasm/device_returns.h"

#include <algorithm>

namespace retour::app {

namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Refusal parse_refusal(int status, const std::string& body) {
    Refusal r;
    r.status = status;
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_object()) return r;
    r.code = text_of(doc, "error");
    for (const char* list : {"errors", "differences"}) {
        auto it = doc.find(list);
        if (it == doc.end() || !it->is_array()) continue;
        for (const auto& e : *it) {
            if (!e.is_object()) continue;
            std::string p = text_of(e, "pointer");
            // The receiver points into the posted body ("/data/…"); receivers before
            // 2026-12 pointed into the request for verification failures.
            if (p.rfind("/data/", 0) == 0) p = p.substr(5);
            // "/lines/N/quantity": what is left of that line, from the expected value.
            if (text_of(e, "code") == "quantity_above_returnable" && r.over_line < 0) {
                const auto slash = p.find('/', 7);
                const std::string index = p.rfind("/lines/", 0) == 0 ? p.substr(7, slash - 7) : "";
                const auto left = e.find("expected");
                if (!index.empty() && index.size() < 6 && index.find_first_not_of("0123456789") == std::string::npos &&
                    left != e.end() && left->is_number_integer()) {
                    r.over_line = std::stoi(index);
                    r.left = left->get<std::int64_t>();
                }
            }
            if (!p.empty() && std::find(r.fields.begin(), r.fields.end(), p) == r.fields.end()) r.fields.push_back(p);
        }
    }
    return r;
}

bool answer_needs_review(const std::string& body) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_object()) return false;
    const auto it = doc.find("needs_review");
    return it != doc.end() && it->is_boolean() && it->get<bool>();
}

nlohmann::json device_returns_json(const std::vector<DeviceReturn>& list) {
    nlohmann::json items = nlohmann::json::array();
    for (const DeviceReturn& r : list) {
        items.push_back({{"id", r.id},
                         {"rma", r.rma},
                         {"order_number", r.order_number},
                         {"created_at", r.created_at},
                         {"delivery", r.delivery},
                         {"refusal", {{"status", r.refusal.status}, {"code", r.refusal.code}, {"fields", r.refusal.fields},
                                      {"over_line", r.refusal.over_line}, {"left", r.refusal.left}}},
                         {"review", r.review},
                         {"request", r.request},
                         {"draft", r.draft}});
    }
    return {{"version", 1}, {"returns", std::move(items)}};
}

std::vector<DeviceReturn> parse_device_returns(const nlohmann::json& doc) {
    std::vector<DeviceReturn> out;
    if (!doc.is_object() || doc.value("version", 0) != 1) return out;
    auto it = doc.find("returns");
    if (it == doc.end() || !it->is_array()) return out;
    for (const auto& j : *it) {
        if (!j.is_object()) continue;
        DeviceReturn r;
        r.id = text_of(j, "id");
        r.rma = text_of(j, "rma");
        r.order_number = text_of(j, "order_number");
        r.created_at = text_of(j, "created_at");
        r.delivery = text_of(j, "delivery");
        if (auto f = j.find("refusal"); f != j.end() && f->is_object()) {
            if (auto s = f->find("status"); s != f->end() && s->is_number_integer()) r.refusal.status = s->get<int>();
            r.refusal.code = text_of(*f, "code");
            if (auto o = f->find("over_line"); o != f->end() && o->is_number_integer()) r.refusal.over_line = o->get<int>();
            if (auto l = f->find("left"); l != f->end() && l->is_number_integer()) r.refusal.left = l->get<std::int64_t>();
            if (auto fl = f->find("fields"); fl != f->end() && fl->is_array())
                for (const auto& p : *fl)
                    if (p.is_string()) r.refusal.fields.push_back(p.get<std::string>());
        }
        if (auto v = j.find("review"); v != j.end() && v->is_boolean()) r.review = v->get<bool>();
        if (auto q = j.find("request"); q != j.end() && q->is_object()) r.request = *q;
        if (auto d = j.find("draft"); d != j.end() && d->is_object()) r.draft = *d;
        if (r.id.empty() || r.rma.empty() || !r.request.is_object()) continue;
        out.push_back(std::move(r));
    }
    return out;
}

void remember_return(std::vector<DeviceReturn>& list, DeviceReturn r) {
    if (DeviceReturn* known = find_return(list, r.id)) {
        *known = std::move(r);
        return;
    }
    list.insert(list.begin(), std::move(r));
    if (list.size() > kMaxDeviceReturns) list.resize(kMaxDeviceReturns);
}

void drop_returns_before(std::vector<DeviceReturn>& list, Instant cutoff) {
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const DeviceReturn& r) {
                                  const auto at = parse_instant(r.created_at);
                                  return at && *at < cutoff;
                              }),
               list.end());
}

DeviceReturn* find_return(std::vector<DeviceReturn>& list, const std::string& id) {
    for (DeviceReturn& r : list)
        if (r.id == id) return &r;
    return nullptr;
}

const DeviceReturn* find_return(const std::vector<DeviceReturn>& list, const std::string& id) {
    for (const DeviceReturn& r : list)
        if (r.id == id) return &r;
    return nullptr;
}

}  // namespace retour::app
