#include "core/delivery_schedule.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/date.h"

namespace retour {

namespace {

std::int64_t exponential_ms(const RetrySchedule& s, std::int32_t attempts) {
    std::int64_t delay = std::max<std::int64_t>(s.first_delay_ms, 1);
    for (std::int32_t i = 1; i < attempts && delay < s.max_delay_ms; ++i) delay *= 2;
    return std::min(delay, std::max<std::int64_t>(s.max_delay_ms, 1));
}

std::vector<std::string_view> tokens(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    auto separator = [](char c) { return c == ' ' || c == ',' || c == '-'; };
    while (i < text.size()) {
        while (i < text.size() && separator(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !separator(text[i])) ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

std::optional<int> number(std::string_view t, std::size_t min_digits, std::size_t max_digits) {
    if (t.size() < min_digits || t.size() > max_digits) return std::nullopt;
    int n = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::optional<unsigned> month_of(std::string_view t) {
    static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (unsigned m = 0; m < 12; ++m)
        if (t == kMonths[m]) return m + 1;
    return std::nullopt;
}

// "08:49:37" → seconds of the day.
std::optional<std::int64_t> time_of_day(std::string_view t) {
    if (t.size() != 8 || t[2] != ':' || t[5] != ':') return std::nullopt;
    const auto h = number(t.substr(0, 2), 2, 2), m = number(t.substr(3, 2), 2, 2), s = number(t.substr(6, 2), 2, 2);
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
    return *h * 3600 + *m * 60 + *s;
}

}  // namespace

AttemptOutcome classify_attempt(int status) {
    if (status >= 200 && status <= 299) return AttemptOutcome::delivered;
    if (status == 410) return AttemptOutcome::gone;
    if (status == 429 || status == 502 || status == 503 || status == 504) return AttemptOutcome::slow_down;
    return AttemptOutcome::retry;
}

const char* to_string(NextStep s) {
    switch (s) {
        case NextStep::delivered: return "delivered";
        case NextStep::retry: return "pending";
        case NextStep::failed: return "failed";
        case NextStep::disabled: return "disabled";
    }
    return "pending";
}

NextAttempt next_attempt(const RetrySchedule& schedule, std::int32_t attempts, int http_status,
                         std::optional<std::int64_t> retry_after_ms, std::int64_t first_attempt_ms,
                         std::int64_t now_ms, double jitter) {
    if (!(jitter >= 0.0)) jitter = 0.0;  // also catches NaN
    if (jitter > 1.0) jitter = 1.0;
    const AttemptOutcome outcome = classify_attempt(http_status);
    if (outcome == AttemptOutcome::delivered) return {NextStep::delivered, 0};
    if (outcome == AttemptOutcome::gone) return {NextStep::disabled, 0};
    const std::int64_t ceiling = exponential_ms(schedule, std::max(attempts, 1));
    std::int64_t delay;
    if (outcome == AttemptOutcome::slow_down) {
        delay = ceiling + static_cast<std::int64_t>(static_cast<double>(ceiling) * jitter);
    } else {
        // Full jitter spreads endpoints' retries apart; the floor keeps an early, unlucky
        // draw from retrying at once.
        delay = std::max(static_cast<std::int64_t>(static_cast<double>(ceiling) * jitter),
                         std::min<std::int64_t>(1'000, schedule.first_delay_ms));
    }
    if (retry_after_ms && *retry_after_ms > delay) delay = *retry_after_ms;
    const std::int64_t at = now_ms + delay;
    if (at > first_attempt_ms + schedule.give_up_after_ms) return {NextStep::failed, 0};
    return {NextStep::retry, at};
}

std::optional<std::int64_t> parse_http_date(std::string_view text) {
    const std::vector<std::string_view> t = tokens(text);
    std::optional<int> day, year;
    std::optional<unsigned> month;
    std::optional<std::int64_t> seconds;
    if (t.size() == 6 && t[5] == "GMT") {
        // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" or RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT".
        day = number(t[1], 2, 2);
        month = month_of(t[2]);
        year = number(t[3], 2, 4);
        if (year && t[3].size() == 2) *year += *year < 70 ? 2000 : 1900;
        else if (t[3].size() != 4) year.reset();
        seconds = time_of_day(t[4]);
    } else if (t.size() == 5) {
        // asctime "Sun Nov  6 08:49:37 1994".
        month = month_of(t[1]);
        day = number(t[2], 1, 2);
        seconds = time_of_day(t[3]);
        year = number(t[4], 4, 4);
    }
    if (!day || !month || !year || !seconds || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    return days_from_civil(*year, *month, static_cast<unsigned>(*day)) * 86'400 + *seconds;
}

std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now_ms) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.remove_suffix(1);
    if (!value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos) {
        if (value.size() > 9) return std::int64_t{999'999'999} * 1000;  // absurdly far: the give-up rule decides
        std::int64_t s = 0;
        for (char c : value) s = s * 10 + (c - '0');
        return s * 1000;
    }
    const auto at = parse_http_date(value);
    if (!at) return std::nullopt;
    return std::max<std::int64_t>(*at * 1000 - now_ms, 0);
}

}  // namespace retour
