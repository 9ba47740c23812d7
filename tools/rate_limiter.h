#pragma once
// Per-client token bucket: `burst` requests at once, refilled at `per_second`.
// Time comes in as a value (seconds on a monotonic clock) so the logic is testable.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace retour::tools {

struct RateLimit {
    double per_second = 1.0;
    double burst = 30.0;
};

class RateLimiter {
public:
    explicit RateLimiter(RateLimit limit) : limit_(limit) {}
    // True when `key` may proceed now; otherwise `*retry_after_s` says when it may.
    bool allow(const std::string& key, double now_s, double* retry_after_s = nullptr);

private:
    struct Bucket {
        double tokens;
        double updated_s;
    };
    RateLimit limit_;
    std::unordered_map<std::string, Bucket> buckets_;
    std::mutex mutex_;
};

}  // namespace retour::tools
