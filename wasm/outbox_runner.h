#pragma once
// The shell of "requests out": core/outbox's state machine driven with the platform's
// storage, clock, network, timers and randomness (the browser's, or a test's fake).
//  - submit() stores the entry in localStorage BEFORE the first POST;
//  - due entries are POSTed to the policy's webhook (application/json with the
//    webhook-id / webhook-timestamp headers, or text/plain without custom headers so
//    no CORS preflight is needed);
//  - failures back off (core backoff + crypto jitter) on one timer; the page load and
//    the browser's "online" event make everything due again;
//  - an entry leaves only after a 2xx (or "duplicate") answer.
#include <cstdint>
#include <functional>
#include <string>

#include "core/outbox.h"
#include "wasm/platform.h"

namespace retour::app {

class OutboxRunner {
public:
    struct Result {
        std::string id;
        Delivery delivery = Delivery::retry;
        int status = 0;
        std::string detail;  // the answer's body (up to 4 KB), or why there was none
    };

    explicit OutboxRunner(web::Platform& platform) : platform_(platform) {}

    // Loads the stored outbox and starts replaying it. `changed` runs after every
    // answer (the app refreshes what it shows).
    void start(std::string url, std::string content_type, std::function<void(const Result&)> changed);
    void submit(const std::string& id, const std::string& body);
    // Drops a refused entry the shopper replaces with a corrected request.
    void discard(const std::string& id);

    const Outbox& box() const { return box_; }
    bool started() const { return started_; }
    int posts() const { return posts_; }  // POSTs that got a 2xx
    const std::string& last_posted() const { return last_posted_; }
    bool saved() const { return saved_; }

private:
    void pump();
    void save();
    void arm_timer();

    web::Platform& platform_;
    Outbox box_;
    std::string url_, content_type_;
    std::function<void(const Result&)> changed_;
    bool started_ = false;
    bool saved_ = true;
    int posts_ = 0;
    std::string last_posted_;
    int timer_generation_ = 0;
    std::int64_t timer_at_ = 0;
};

}  // namespace retour::app
