#include "tools/forwarder.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/date.h"
#include "core/delivery_schedule.h"
#include "tools/delivery_queue.h"

namespace retour::tools {

namespace {

constexpr std::int64_t kPollMs = 30'000;
constexpr std::int64_t kRetryAfterErrorMs = 1'000;
constexpr int kBatch = 20;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double jitter() { return randombytes_uniform(1u << 30) / static_cast<double>(1u << 30); }

// One line of the log per attempt, with what the merchant needs to act on it.
std::string describe(const HttpAnswer& a) {
    if (a.status == 0) return "no answer (" + a.error + ")";
    std::string s = "HTTP " + std::to_string(a.status);
    if (!a.retry_after.empty()) s += " Retry-After " + a.retry_after;
    return s;
}

// The database's data_version (-1 without a connection or when it cannot be read).
std::int64_t changes_seen(DeliveryQueue* queue) {
    try {
        return queue ? queue->data_version() : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

}  // namespace

HttpAnswer send_event(const ForwardEndpoint& endpoint, const std::string& id, const std::string& body,
                      std::int64_t timestamp, std::int64_t timeout_ms, const std::atomic<bool>* cancel) {
    return http_post(endpoint.url,
                     {"content-type: application/json", "webhook-id: " + id,
                      "webhook-timestamp: " + std::to_string(timestamp),
                      "webhook-signature: " + signature_header(endpoint, id, timestamp, body)},
                     body, static_cast<long>(timeout_ms), cancel);
}

Forwarder::Forwarder(std::string db_path, ForwardConfig config) : db_path_(std::move(db_path)), config_(std::move(config)) {
    for (const ForwardEndpoint& e : config_.endpoints) threads_.emplace_back([this, &e] { run(e); });
}

Forwarder::~Forwarder() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    cancel_ = true;
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
}

void Forwarder::wake() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++wakeups_;
    }
    cv_.notify_all();
}

void Forwarder::run(const ForwardEndpoint& endpoint) {
    const char* url = endpoint.url.c_str();
    std::unique_ptr<DeliveryQueue> queue;
    bool said_disabled = false;
    while (true) {
        std::uint64_t seen;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) return;
            seen = wakeups_;
        }
        std::int64_t wait_ms = kPollMs;
        try {
            if (!queue) queue = std::make_unique<DeliveryQueue>(db_path_);
            if (auto off = queue->disabled(endpoint.url)) {
                if (!said_disabled)
                    std::fprintf(stderr,
                                 "forward: %s is DISABLED since %s (%s): nothing is sent there. Run `retour "
                                 "forward-status --db DB --enable %s` once it takes events again.\n",
                                 url, off->disabled_at.c_str(), off->reason.c_str(), url);
                said_disabled = true;
            } else {
                said_disabled = false;
                const std::vector<Delivery> due = queue->due(endpoint.url, now_ms(), kBatch);
                for (const Delivery& d : due) {
                    {
                        std::lock_guard<std::mutex> lock(mutex_);
                        if (stopping_) return;
                    }
                    const std::int64_t started = now_ms();
                    const HttpAnswer a =
                        send_event(endpoint, d.event_id, d.body, started / 1000, config_.timeout_ms, &cancel_);
                    if (cancel_) return;  // cut off by the shutdown: not an answer, stays due
                    const std::int64_t done = now_ms();
                    std::optional<std::int64_t> retry_after;
                    if (!a.retry_after.empty()) retry_after = parse_retry_after(a.retry_after, done);
                    const NextAttempt next =
                        next_attempt(config_.retry, d.attempts + 1, a.status, retry_after, d.queued_ms, done, jitter());
                    queue->record(d, next, a.status, a.status == 0 ? a.error : a.body, done);
                    std::string outcome = to_string(next.step);
                    if (next.step == NextStep::retry)
                        outcome = "retry in " + std::to_string((next.at_ms - done + 500) / 1000) + " s";
                    std::fprintf(stderr, "forward: %s %s (%s) attempt %d -> %s: %s\n", d.event_id.c_str(),
                                 d.type.c_str(), d.request_id.c_str(), d.attempts + 1, url, (describe(a) + ", " + outcome).c_str());
                    if (next.step == NextStep::failed)
                        std::fprintf(stderr, "forward: gave up on %s to %s after %d attempts (see retour forward-status)\n",
                                     d.event_id.c_str(), url, d.attempts + 1);
                    if (next.step == NextStep::disabled) {
                        queue->disable(endpoint.url, format_instant(Instant{done / 1000}),
                                       "answered 410 Gone to " + d.event_id);
                        break;
                    }
                }
                if (!due.empty()) continue;  // more may be due (a full batch, or time passed while sending)
                if (auto next = queue->next_due_ms(endpoint.url)) wait_ms = std::min(wait_ms, *next - now_ms());
            }
        } catch (const std::exception& e) {
            // A locked or broken database: say so and try again soon (not after the 30 s
            // idle poll: a lock is usually gone in a moment), never stop forwarding.
            std::fprintf(stderr, "forward: %s: %s\n", url, e.what());
            queue.reset();
            wait_ms = kRetryAfterErrorMs;
        }
        // Changes recorded from the shell (`retour return …`) are committed by another
        // process, which cannot wake() this one: a look at the database's data_version
        // every second sends their events promptly.
        const std::int64_t version = changes_seen(queue.get());
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max<std::int64_t>(wait_ms, 0));
        std::unique_lock<std::mutex> lock(mutex_);
        const auto woken = [&] { return stopping_ || wakeups_ != seen; };
        while (!woken()) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= until) break;
            if (cv_.wait_for(lock, std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::seconds(1)), woken))
                break;
            lock.unlock();
            const bool changed = changes_seen(queue.get()) != version;
            lock.lock();
            if (changed) break;
        }
    }
}

}  // namespace retour::tools
