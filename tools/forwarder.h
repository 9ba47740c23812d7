#pragma once
// The receiver's forwarder: one thread per configured endpoint sends the due
// deliveries of the queue in the database (delivery_queue.h) as Standard Webhooks
// messages and records each answer; core/delivery_schedule.h says what comes next.
//
//   [X] durable: the queue is in the database; a restarted receiver resumes it
//   [X] woken when a request is stored (wake()) and by the earliest due time; polls
//       the database every 30 s too (another process may change it)
//   [X] per-attempt timeout, 2xx delivered, 410 disables the endpoint (logged),
//       429/502/503/504 and Retry-After slow it down, failed after the give-up time
//   [X] webhook-id stable across retries, webhook-timestamp of each attempt
//   [ ] no delivery order between events (the standard promises none)
//   [ ] at least once: killed during an attempt, the event is sent again (same webhook-id)
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tools/forward_config.h"
#include "tools/http_client.h"

namespace retour::tools {

// One attempt of `body` as event `id` to `endpoint`, signed at `timestamp` (Unix seconds).
HttpAnswer send_event(const ForwardEndpoint& endpoint, const std::string& id, const std::string& body,
                      std::int64_t timestamp, std::int64_t timeout_ms, const std::atomic<bool>* cancel = nullptr);

class Forwarder {
public:
    // Starts the threads; the database must already hold the tables (ReturnStore made them).
    Forwarder(std::string db_path, ForwardConfig config);
    ~Forwarder();  // stops: an attempt in flight is cut off and stays pending (sent again later)
    Forwarder(const Forwarder&) = delete;
    Forwarder& operator=(const Forwarder&) = delete;

    void wake();

private:
    void run(const ForwardEndpoint& endpoint);

    std::string db_path_;
    ForwardConfig config_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::uint64_t wakeups_ = 0;
    bool stopping_ = false;
    std::atomic<bool> cancel_{false};  // set with stopping_, read by libcurl mid-transfer
    std::vector<std::thread> threads_;
};

}  // namespace retour::tools
