#include "tests/portal/fake_platform.h"

#include <algorithm>
#include <stdexcept>

namespace retour::test {

void FakePlatform::http(const web::HttpRequest& request, web::HttpCallback done) {
    const std::size_t index = requests.size();
    requests.push_back({request, {}, false});
    // The answer is decided when it arrives (settle), so going offline meanwhile counts.
    tasks_.push_back([this, index, done = std::move(done)] {
        web::HttpResponse r;
        if (!is_online) {
            r.error = "offline";
        } else if (server) {
            r = server(requests[index].request);
        } else {
            r.status = 404;
        }
        requests[index].response = r;
        requests[index].answered = true;
        done(r);
    });
}

std::optional<std::string> FakePlatform::storage_get(const std::string& key) {
    auto it = storage.find(key);
    if (it == storage.end()) return std::nullopt;
    return it->second;
}

bool FakePlatform::storage_set(const std::string& key, const std::string& value) {
    if (storage_refuses) return false;
    storage[key] = value;
    return true;
}

void FakePlatform::storage_remove(const std::string& key) { storage.erase(key); }

void FakePlatform::download(const std::string& filename, const std::string& mime, const std::string& bytes,
                            bool print) {
    downloads.push_back({filename, mime, bytes, print});
}

void FakePlatform::random_bytes(unsigned char* out, int n) {
    // Deterministic (xorshift): ids differ between calls and runs repeat exactly.
    for (int i = 0; i < n; ++i) {
        random_state_ ^= random_state_ << 13;
        random_state_ ^= random_state_ >> 17;
        random_state_ ^= random_state_ << 5;
        out[i] = static_cast<unsigned char>(random_state_ >> 24);
    }
}

void FakePlatform::after(int ms, std::function<void()> f) {
    timers_.push_back({clock_ms + std::max(0, ms), timer_order_++, std::move(f)});
}

std::string FakePlatform::page(web::PageValue what, const std::string& name) {
    switch (what) {
    case web::PageValue::language: return language;
    case web::PageValue::hash: return hash;
    case web::PageValue::query: return query;
    case web::PageValue::option: {
        auto it = options.find(name);
        return it == options.end() ? "" : it->second;
    }
    }
    return "";
}

void FakePlatform::history(web::HistoryOp op, const std::string& state_json) {
    switch (op) {
    case web::HistoryOp::push:
        entries.resize(entry + 1);
        entries.push_back(state_json);
        ++entry;
        break;
    case web::HistoryOp::replace: entries[entry] = state_json; break;
    case web::HistoryOp::back: browser_back(); break;
    }
}

void FakePlatform::browser_back() {
    if (entry == 0) return;
    --entry;
    tasks_.push_back([this] {
        if (history_listener_) history_listener_(entries[entry]);
    });
}

void FakePlatform::change_hash(const std::string& new_hash) {
    hash = new_hash;
    // The browser makes an entry for the new address (with no portal state).
    entries.resize(entry + 1);
    entries.push_back("");
    ++entry;
    tasks_.push_back([this] {
        if (hash_listener_) hash_listener_();
    });
}

void FakePlatform::go_online() {
    is_online = true;
    for (auto& f : online_listeners_) tasks_.push_back(f);
}

void FakePlatform::settle() {
    for (int guard = 0; guard < 10000; ++guard) {
        if (!tasks_.empty()) {
            auto task = std::move(tasks_.front());
            tasks_.pop_front();
            task();
            continue;
        }
        auto due = std::min_element(timers_.begin(), timers_.end(), [](const Timer& a, const Timer& b) {
            return a.at != b.at ? a.at < b.at : a.order < b.order;
        });
        if (due == timers_.end() || due->at > clock_ms) return;
        auto f = std::move(due->f);
        timers_.erase(due);
        f();
    }
}

void FakePlatform::advance(std::int64_t ms) {
    const std::int64_t end = clock_ms + ms;
    settle();
    for (;;) {
        std::int64_t next = end;
        for (const Timer& t : timers_) next = std::min(next, std::max(t.at, clock_ms));
        clock_ms = next;
        settle();
        if (clock_ms >= end) return;
    }
}

void FakePlatform::reload() {
    tasks_.clear();
    timers_.clear();
    online_listeners_.clear();
    history_listener_ = nullptr;
    hash_listener_ = nullptr;
}

int FakePlatform::posts() const {
    int n = 0;
    for (const Sent& s : requests) n += s.request.method == "POST" ? 1 : 0;
    return n;
}

const web::HttpRequest& FakePlatform::last_post() const {
    for (auto it = requests.rbegin(); it != requests.rend(); ++it)
        if (it->request.method == "POST") return it->request;
    throw std::logic_error("no POST was sent");
}

}  // namespace retour::test
