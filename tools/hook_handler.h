#pragma once
// The receiver's HTTP logic, free of any HTTP library: a request struct in, a
// response struct out. cmd_hook.cpp wires it to cpp-httplib; docs/webhook.md lists
// the statuses.
//
//   POST    /webhook  a webhook message (docs/webhook.md) → 200 accepted | 200 duplicate |
//                     400 | 403 | 408 (stale webhook-timestamp: retry) | 409 | 413 | 415 | 422 | 429
//   OPTIONS /webhook  CORS preflight → 204 for an allowed origin, 403 otherwise
//   GET     /health   200 {"status":"ok"} and nothing else
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/policy.h"
#include "core/request_verify.h"
#include "tools/canonical_body.h"
#include "tools/policy_versions.h"
#include "tools/rate_limiter.h"
#include "tools/return_store.h"

namespace retour::tools {

struct HookOptions {
    std::size_t max_body_bytes = 64 * 1024;
    std::size_t max_depth = kMaxBodyDepth;  // nesting of a posted body
    std::vector<std::string> allowed_origins;  // exact "scheme://host[:port]"
    RateLimit rate_limit;
    VerifyOptions verify;
    // webhook-timestamp (the delivery attempt) this far from the receiver's clock is fresh.
    std::int64_t timestamp_tolerance_s = 300;
};

struct HookState {
    HookState(Policy p, ReturnStore& s, HookOptions o)
        : policy(std::move(p)), store(s), options(std::move(o)), limiter(options.rate_limit) {}
    Policy policy;
    ReturnStore& store;
    HookOptions options;
    RateLimiter limiter;
    PolicyVersions earlier;  // empty unless the shell loads them (serve_policy)

    // True the first time `origin` is refused (then the log says how to allow it); a
    // bounded set, so a client inventing origins cannot grow it.
    bool first_refusal_of(const std::string& origin);

private:
    std::set<std::string> refused_origins_;
    std::mutex refused_mutex_;
};

struct HookRequest {
    std::string method, path;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string remote_ip;
    std::int64_t now_unix = 0;     // the receiver's wall clock
    double now_monotonic_s = 0;    // for the rate limit
    std::string header(const std::string& lower_name) const;
};

struct HookResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string note;    // why it was refused, for the request's log line
    std::string advice;  // a log line of its own: what the merchant can do about it
};

HookResponse handle_request(HookState& state, const HookRequest& request);
HookResponse handle_webhook(HookState& state, const HookRequest& request);

}  // namespace retour::tools
