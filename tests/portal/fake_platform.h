#pragma once
// wasm/platform.h for native tests: a manual clock, in-memory storage, requests
// recorded and answered by a `server` function the test sets, timers that fire when
// the test moves the clock, history entries in a list. Nothing happens on its own:
// answers, popstate and timers wait for settle() / advance(), as the browser's wait
// for the event loop.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "wasm/platform.h"

namespace retour::test {

class FakePlatform final : public web::Platform {
public:
    // --- what the test sets ---
    std::int64_t clock_ms = 1'780'000'000'000;  // 2026-05-28
    bool is_online = true;
    bool storage_refuses = false;
    std::map<std::string, std::string> storage;
    std::string language = "en-US", hash, query;
    std::map<std::string, std::string> options;
    // Answers every request that is let through (settle()); unset: 404.
    std::function<web::HttpResponse(const web::HttpRequest&)> server;

    // --- what the app did ---
    struct Sent {
        web::HttpRequest request;
        web::HttpResponse response;
        bool answered = false;
    };
    std::vector<Sent> requests;
    std::vector<std::pair<std::string, std::string>> events;  // name, detail JSON
    struct Download {
        std::string filename, mime, bytes;
        bool print = false;
    };
    std::vector<Download> downloads;
    std::vector<std::string> links;
    std::vector<std::string> entries{""};  // history: the portal's state per entry
    std::size_t entry = 0;
    int frames_requested = 0;

    // --- moving time ---
    // Runs everything already due: answers to requests, popstate/hashchange, timers
    // at the current clock; and whatever those start, until nothing is left.
    void settle();
    // Moves the clock by `ms`, firing timers in order at their time (settling after each).
    void advance(std::int64_t ms);
    void go_online();
    void go_offline() { is_online = false; }
    // The shopper presses the browser's Back / opens a new #hash.
    void browser_back();
    void change_hash(const std::string& new_hash);
    // A reload: listeners, timers and pending answers are gone; storage, history and
    // the page stay.
    void reload();
    int posts() const;  // POST requests sent
    const web::HttpRequest& last_post() const;  // the latest POST (a status GET may follow it)

    // --- web::Platform ---
    void http(const web::HttpRequest& request, web::HttpCallback done) override;
    std::optional<std::string> storage_get(const std::string& key) override;
    bool storage_set(const std::string& key, const std::string& value) override;
    void storage_remove(const std::string& key) override;
    void download(const std::string& filename, const std::string& mime, const std::string& bytes,
                  bool print) override;
    std::int64_t now_ms() override { return clock_ms; }
    void random_bytes(unsigned char* out, int n) override;
    void after(int ms, std::function<void()> f) override;
    void request_frames(int count) override { frames_requested += count; }
    bool online() override { return is_online; }
    void on_online(std::function<void()> f) override { online_listeners_.push_back(std::move(f)); }
    std::string page(web::PageValue what, const std::string& name) override;
    std::string history_state() override { return entries[entry]; }
    void history(web::HistoryOp op, const std::string& state_json) override;
    void on_history(std::function<void(const std::string&)> f) override { history_listener_ = std::move(f); }
    void on_hash_change(std::function<void()> f) override { hash_listener_ = std::move(f); }
    void open_link(const std::string& url) override { links.push_back(url); }
    void emit(const std::string& name, const std::string& detail_json) override {
        events.emplace_back(name, detail_json);
    }

private:
    struct Timer {
        std::int64_t at;
        int order;
        std::function<void()> f;
    };
    std::deque<std::function<void()>> tasks_;
    std::vector<Timer> timers_;
    int timer_order_ = 0;
    std::uint32_t random_state_ = 12345;
    std::vector<std::function<void()>> online_listeners_;
    std::function<void(const std::string&)> history_listener_;
    std::function<void()> hash_listener_;
};

}  // namespace retour::test
