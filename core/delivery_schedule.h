#pragma once
// When to try a forwarded event again (Standard Webhooks' "deliverability"), as a pure
// function: the attempt count, the endpoint's answer, its Retry-After and a random
// value come in, the next step comes out. tools/forwarder.cpp keeps the queue in the
// receiver's database and calls this after every attempt.
//
//   2xx                          delivered
//   410 Gone                     the endpoint is disabled (it asked to get nothing more)
//   429, 502, 503, 504           slow down: the full exponential delay, plus up to as much again
//   anything else, no answer     retry after a "full jitter" delay: uniform in [0, exponential]
//   Retry-After (any failure)    never earlier than it says
//   past give_up_after_ms        failed (kept, visible in `retour forward-status`)
//
// The exponential delay doubles from first_delay_ms up to max_delay_ms. With the
// defaults (5 s doubling to 8 h, give up 3 days after the first attempt) an endpoint
// that never answers gets some 20 to 35 attempts: a dozen in the first hours, then one
// every 4 hours on average.
#include <cstdint>
#include <optional>
#include <string_view>

namespace retour {

struct RetrySchedule {
    std::int64_t first_delay_ms = 5'000;
    std::int64_t max_delay_ms = 8 * 3'600'000;
    std::int64_t give_up_after_ms = 3 * 86'400'000;  // counted from the first attempt
};

enum class AttemptOutcome : std::uint8_t { delivered, retry, slow_down, gone };
// `http_status` 0 = no answer (refused, reset, timed out).
AttemptOutcome classify_attempt(int http_status);

enum class NextStep : std::uint8_t { delivered, retry, failed, disabled };
const char* to_string(NextStep s);

struct NextAttempt {
    NextStep step = NextStep::retry;
    std::int64_t at_ms = 0;  // when step == retry
};

// `attempts` counts the attempts made so far, this one included (>= 1). `jitter` is a
// random value in [0, 1) from the caller (clamped). `retry_after_ms` is the delay the
// endpoint asked for (parse_retry_after).
NextAttempt next_attempt(const RetrySchedule& schedule, std::int32_t attempts, int http_status,
                         std::optional<std::int64_t> retry_after_ms, std::int64_t first_attempt_ms,
                         std::int64_t now_ms, double jitter);

// A Retry-After header value (RFC 9110 §10.2.3): delay-seconds ("120") or an HTTP date
// ("Wed, 02 Dec 2026 16:00:00 GMT", and the obsolete RFC 850 and asctime forms), as
// milliseconds from `now_ms` (0 for a date in the past). nullopt when it is neither.
std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now_ms);
// An HTTP date as Unix seconds.
std::optional<std::int64_t> parse_http_date(std::string_view text);

}  // namespace retour
