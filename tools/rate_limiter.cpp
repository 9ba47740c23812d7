#include "tools/rate_limiter.h"

#include <algorithm>

namespace retour::tools {

bool RateLimiter::allow(const std::string& key, double now_s, double* retry_after_s) {
    std::lock_guard<std::mutex> lock(mutex_);
    // Bound memory under a flood of addresses: full buckets carry no state worth keeping.
    if (buckets_.size() > 10'000) {
        for (auto it = buckets_.begin(); it != buckets_.end();) {
            const double full_at = it->second.updated_s + (limit_.burst - it->second.tokens) / limit_.per_second;
            it = full_at <= now_s ? buckets_.erase(it) : std::next(it);
        }
    }
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{limit_.burst, now_s});
    Bucket& b = it->second;
    if (!fresh) {
        b.tokens = std::min(limit_.burst, b.tokens + (now_s - b.updated_s) * limit_.per_second);
        b.updated_s = now_s;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    if (retry_after_s) *retry_after_s = (1.0 - b.tokens) / limit_.per_second;
    return false;
}

}  // namespace retour::tools
