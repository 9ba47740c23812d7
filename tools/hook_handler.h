#pragma once
// The receiver's HTTP logic, free of any HTTP library: a request struct in, a
// response struct out (http_message.h). http_server.h wires it to libmicrohttpd; docs/webhook.md lists
// the statuses.
//
//   POST    /webhook  a webhook message (docs/webhook.md) → 200 accepted | 200 duplicate |
//                     400 | 403 | 408 (stale webhook-timestamp: retry) | 409 | 413 | 415 | 422 | 429
//   OPTIONS /webhook  CORS preflight → 204 for an allowed origin, 403 otherwise
//   GET     /health   200 {"status":"ok"} and nothing else
//   GET     /status/<request id>[?lang=de]  the return's timeline (return_timeline.h) | 404 |
//                     429; the unguessable request id is the capability (not the RMA)
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/policy.h"
#include "core/request_verify.h"
#include "tools/canonical_body.h"
#include "tools/http_message.h"
#include "tools/policy_versions.h"
#include "tools/rate_limiter.h"
#include "tools/return_store.h"

namespace retour::tools {

struct HookOptions {
    std::size_t max_body_bytes = 64 * 1024;
    std::size_t max_depth = kMaxBodyDepth;  // nesting of a posted body
    std::vector<std::string> allowed_origins;  // exact "scheme://host[:port]"
    RateLimit rate_limit;
    // Refusals written to the rejection log per client per minute (on average, in bursts
    // of as many); beyond that they are only counted, in the next row logged for the client.
    double rejections_per_minute = 30;
    VerifyOptions verify;
    // webhook-timestamp (the delivery attempt) this far from the receiver's clock is fresh.
    std::int64_t timestamp_tolerance_s = 300;
    // GET /status per client: enough for a page polling now and then, too few to guess ids.
    RateLimit status_rate_limit{2, 60};
};

struct HookState {
    HookState(Policy p, ReturnStore& s, HookOptions o)
        : policy(std::move(p)),
          store(s),
          options(std::move(o)),
          limiter(options.rate_limit),
          rejection_log_limiter({options.rejections_per_minute / 60, options.rejections_per_minute}),
          status_limiter(options.status_rate_limit) {}
    Policy policy;
    ReturnStore& store;
    HookOptions options;
    RateLimiter limiter;
    RateLimiter rejection_log_limiter;
    RateLimiter status_limiter;
    PolicyVersions earlier;  // empty unless the shell loads them (serve_policy)
    std::function<void()> on_event_queued;  // after a request and its event are stored (wakes the forwarder)
    // E-mail (`--mail`): when set, a stored request queues its confirmation and notice.
    struct Mail {
        std::string status_url, merchant, policy_text;
    };
    std::optional<Mail> mail;

    // True the first time `origin` is refused (then the log says how to allow it); a
    // bounded set, so a client inventing origins cannot grow it.
    bool first_refusal_of(const std::string& origin);
    // Whether a refusal from `client` goes into the rejection log now; if so `*unlogged`
    // gets how many from it were left out since its last logged one.
    bool log_refusal_of(const std::string& client, double now_s, std::int64_t* unlogged);

private:
    std::set<std::string> refused_origins_;
    std::mutex refused_mutex_;
    std::map<std::string, std::int64_t> unlogged_;  // bounded like the origins
};

HookResponse handle_request(HookState& state, const HookRequest& request);
HookResponse handle_webhook(HookState& state, const HookRequest& request);
HookResponse handle_status(HookState& state, const HookRequest& request);

}  // namespace retour::tools
