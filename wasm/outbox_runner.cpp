#include "wasm/outbox_runner.h"

#include <nlohmann/json.hpp>



namespace retour::app {

namespace {
constexpr const char* kStorageKey = "outbox";
}

void OutboxRunner::start(std::string url, std::string content_type, std::function<void(const Result&)> changed) {
    url_ = std::move(url);
    content_type_ = content_type.empty() ? "application/json" : std::move(content_type);
    changed_ = std::move(changed);
    started_ = true;
    if (auto text = platform_.storage_get(kStorageKey)) {
        const auto doc = nlohmann::json::parse(*text, nullptr, false);
        if (!doc.is_discarded()) {
            auto parsed = parse_outbox(doc);
            if (parsed.ok()) box_ = *parsed.value;
        }
    }
    box_ = resume(std::move(box_), platform_.now_ms());
    platform_.on_online([this] {
        box_ = on_online(std::move(box_), platform_.now_ms());
        save();
        pump();
    });
    save();
    pump();
}

void OutboxRunner::submit(const std::string& id, const std::string& body) {
    box_ = enqueue(std::move(box_), id, body, platform_.now_ms());
    save();  // first on disk, then on the wire
    pump();
}

void OutboxRunner::discard(const std::string& id) {
    box_ = retour::discard(std::move(box_), id);
    save();
}

void OutboxRunner::save() { saved_ = platform_.storage_set(kStorageKey, outbox_to_json(box_).dump()); }

void OutboxRunner::pump() {
    if (url_.empty()) return;
    const std::int64_t now = platform_.now_ms();
    for (const std::string& id : due(box_, now)) {
        const OutboxEntry* e = box_.find(id);
        if (!e) continue;
        const std::string body = e->body;
        box_ = mark_sending(std::move(box_), id);
        save();
        web::Headers headers{{"content-type", content_type_}};
        // Custom headers would force a CORS preflight, which text/plain exists to avoid.
        if (content_type_ == "application/json") {
            headers.push_back({"webhook-id", id});
            headers.push_back({"webhook-timestamp", std::to_string(now / 1000)});
        }
        platform_.http_post(url_, headers, body, [this, id, body](const web::HttpResponse& r) {
            // The receiver's answer says what it refused; the stored entry keeps its start.
            std::string detail = r.status == 0 ? r.error : r.body.substr(0, 4096);
            auto rec = record_response(std::move(box_), id, r.status, detail, platform_.now_ms(), platform_.random_unit(),
                                       BackoffSchedule{}, r.retry_after_ms);
            box_ = std::move(rec.box);
            if (rec.delivery == Delivery::delivered) {
                ++posts_;
                last_posted_ = body;
            }
            save();
            if (changed_) changed_({id, rec.delivery, r.status, detail});
            arm_timer();
        });
    }
    arm_timer();
}

void OutboxRunner::arm_timer() {
    const auto next = next_wakeup(box_);
    if (!next) return;
    // One timer for the earliest retry; an older, later timer is ignored when it fires.
    if (timer_at_ != 0 && timer_at_ <= *next && timer_at_ > platform_.now_ms()) return;
    timer_at_ = *next;
    const int generation = ++timer_generation_;
    const std::int64_t delay = std::max<std::int64_t>(0, *next - platform_.now_ms());
    platform_.after(static_cast<int>(std::min<std::int64_t>(delay, 24 * 3600 * 1000)), [this, generation] {
        if (generation != timer_generation_) return;
        timer_at_ = 0;
        pump();
    });
}

}  // namespace retour::app
