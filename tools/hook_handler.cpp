#include "tools/hook_handler.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/canonical_json.h"
#include "core/crypto.h"
#include "core/order_token.h"
#include "core/return_event.h"
#include "core/return_life.h"
#include "core/return_timeline.h"
#include "core/i18n/locale.h"
#include "core/review_rules.h"
#include "core/webhook.h"
#include "tools/canonical_body.h"
#include "tools/return_mails.h"

namespace retour::tools {

namespace {

using nlohmann::json;

const std::string kIdConflict = "a different request with this id is already stored";

// Answers may echo what the client sent (an Origin header, a content type), which need
// not be UTF-8: such bytes become U+FFFD instead of an exception.
HookResponse reply(int status, const json& body) {
    return HookResponse{status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace), {}, {}, {}};
}

HookResponse rate_limited(double retry_after_s) {
    HookResponse r = reply(429, {{"status", "rejected"}, {"error", "rate_limited"}});
    r.headers.emplace_back("Retry-After", std::to_string(static_cast<long>(std::ceil(retry_after_s))));
    r.note = "rate_limited";
    return r;
}

json errors_json(const FieldErrors& errors) {
    json a = json::array();
    for (const auto& e : errors) a.push_back({{"pointer", e.pointer}, {"message", e.message}});
    return a;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "application/json; charset=utf-8" → "application/json"
std::string media_type(const std::string& content_type) {
    std::string t = lower(content_type.substr(0, content_type.find(';')));
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
    return t;
}

bool origin_allowed(const HookState& state, const std::string& origin) {
    const auto& allowed = state.options.allowed_origins;
    return std::find(allowed.begin(), allowed.end(), origin) != allowed.end();
}

void add_cors(const HookState& state, const HookRequest& req, HookResponse& res) {
    const std::string origin = req.header("origin");
    if (origin.empty() || !origin_allowed(state, origin)) return;
    res.headers.emplace_back("Access-Control-Allow-Origin", origin);
    res.headers.emplace_back("Vary", "Origin");
}

std::string hex_sha256(const std::string& body) {
    const auto h = crypto::sha256(body);
    return crypto::to_hex(h.data(), h.size());
}

std::vector<std::string> codes_of(const std::vector<ReviewReason>& reasons) {
    std::vector<std::string> codes;
    for (const ReviewReason& r : reasons) codes.push_back(r.code);
    return codes;
}

// "code at pointer: message; …" for the first few, so one log line says why.
template <class List, class Describe>
std::string summary(const List& items, Describe describe) {
    std::string out;
    std::size_t n = 0;
    for (const auto& item : items) {
        if (n == 3) return out + "; and " + std::to_string(items.size() - 3) + " more";
        out += (n++ ? "; " : "") + describe(item);
    }
    return out;
}

// A refusal: answered, logged in the database (bounded) and noted on the log line.
HookResponse reject(HookState& state, const HookRequest& req, int status, const json& body, const std::string& reason,
                    const WebhookMessage* msg = nullptr) {
    Rejection r;
    r.received_at = format_instant(Instant{req.now_unix});
    r.remote_ip = req.remote_ip;
    r.body_sha256 = hex_sha256(req.body);
    r.detail = body.dump(-1, ' ', false, json::error_handler_t::replace);
    r.http_status = status;
    r.error = body.value("error", "");
    r.reason = reason;
    if (msg) {
        r.request_id = msg->id;
        r.order_number = msg->data.order.number;
        r.rma = msg->data.rma;
        r.policy_version = msg->data.policy_version;
    }
    // A client sending bad posts in a loop gets a few rows a minute, not one per post.
    const bool logged = state.log_refusal_of(req.remote_ip, req.now_monotonic_s, &r.unlogged_before);
    if (logged) {
        try {
            state.store.log_rejection(r);
        } catch (const std::exception&) {
            // The log is for the merchant's curiosity; failing to write it changes no answer.
        }
    }
    HookResponse res = reply(status, body);
    res.note = r.error + (reason.empty() ? "" : ": " + reason) + (logged ? "" : " (not in the rejection log: "
               "over --log-rejections-per-minute, counted)");
    return res;
}

HookResponse refuse_body(HookState& state, const HookRequest& req, const BodyFault& f,
                         const WebhookMessage* msg = nullptr) {
    return reject(state, req, 400,
                  {{"status", "rejected"}, {"error", f.error},
                   {"errors", json::array({{{"pointer", f.pointer}, {"offset", f.offset}, {"message", f.message}}})}},
                  (f.pointer.empty() ? std::string("/") : f.pointer) + ": " + f.message, msg);
}

HookResponse refuse_origin(HookState& state, const HookRequest& req, const std::string& origin, bool record) {
    const json body = {{"status", "rejected"}, {"error", "origin_not_allowed"}, {"origin", origin}};
    const std::string reason = "origin " + origin + " is not in --allow-origin";
    HookResponse res = record ? reject(state, req, 403, body, reason) : reply(403, body);
    res.note = "origin_not_allowed: " + reason;
    if (!origin.empty() && state.first_refusal_of(origin))
        res.advice = "retour hook: refused requests from origin " + origin + " (not allowed). If your portal runs there, "
                     "restart the receiver with --allow-origin " + origin + " (repeat the option for several origins).";
    return res;
}

// verify_request points into the request; answers point into what was posted, the
// body, as every 400 does: "/data/lines/0/quantity", never "/lines/0/quantity".
std::vector<Difference> in_body(std::vector<Difference> ds) {
    for (Difference& d : ds) d.pointer = "/data" + d.pointer;
    return ds;
}

// The answer's "error" for a failed verification: the codes a shopper is told about
// in their own words (too late, link expired) stand for the whole refusal.
std::string refusal_code(const std::vector<Difference>& ds) {
    for (const Difference& d : ds)
        if (d.code == "too_late" || d.code == "token_expired") return d.code;
    return "verification_failed";
}

std::optional<std::int64_t> parse_unix_seconds(const std::string& text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

json review_codes(const json& reasons) {
    json codes = json::array();
    for (const auto& r : reasons)
        if (r.is_object()) codes.push_back(r.value("code", ""));
    return codes;
}

// A retry of a stored request is answered as the first time was.
HookResponse duplicate(HookState& state, const WebhookMessage& msg) {
    json body = {{"status", "duplicate"}, {"id", msg.id}};
    if (auto stored = state.store.status_of(msg.id)) {
        const json reasons = json::parse(stored->second, nullptr, false);
        body["needs_review"] = stored->first == "review";
        body["review_reasons"] = review_codes(reasons.is_array() ? reasons : json::array());
    }
    return reply(200, body);
}

StoredRequest to_stored(const WebhookMessage& msg, const HookRequest& req, const std::string& body_hash,
                        const Verification& v, const Order& order) {
    const ReturnRequest& r = msg.data;
    StoredRequest s;
    s.id = r.id;
    s.body_sha256 = body_hash;
    s.body = req.body;
    s.rma = r.rma;
    s.order_id = r.order.id;
    s.order_number = r.order.number;
    s.email = r.shopper.email;
    s.name = r.shopper.name;
    s.currency = v.quote.currency.str();
    s.created_at = format_instant(r.created_at);
    s.received_at = format_instant(Instant{req.now_unix});
    s.status = v.quote.needs_review ? "review" : "accepted";
    s.verification = json{{"ok", true}, {"policy_hash", r.policy_hash}, {"decisions", to_json(v.decisions)},
                          {"late", v.late}, {"age_seconds", v.age_seconds}}.dump();
    s.remote_ip = req.remote_ip;
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const RequestLine& l = r.lines[i];
        // The receiver's own amounts (the request's were verified equal to them).
        const std::int64_t paid = i < v.quote.lines.size() ? v.quote.lines[i].paid.minor : 0;
        const OrderLine* ol = order.find_line(l.line_id);  // verified present
        s.lines.push_back({l.line_id, l.sku, l.title, l.variant, l.reason, l.sub_reason, to_string(l.resolution),
                           l.comment, l.quantity, paid, ol ? ol->quantity_left() : 0});
    }
    // For the merchant's endpoints (docs/webhook.md, "Forwarding"): queued with the request.
    s.event = NewEvent{kEventReturnRequested,
                       event_body(kEventReturnRequested, Instant{req.now_unix}, return_requested_data(r, v.quote, s.status)), r.id,
                       req.now_unix * 1000};
    return s;
}

// The return's first changes, written with it: requested, then needs_review or (the
// policy's review.auto_approve) approved, whose event is forwarded as return.approved.
void add_intake(const Policy& policy, const ReturnRequest& r, const std::vector<std::string>& review_codes,
                std::int64_t now_unix, StoredRequest& row) {
    row.history = intake_events(policy, r, review_codes, Instant{now_unix});
    row.history_events.clear();
    const Advanced life = replay(life_facts(r), row.history);
    for (std::size_t i = 1; life.ok() && i < row.history.size(); ++i) {
        const LifeEvent& change = row.history[i];
        if (change.type != LifeEventType::approved) continue;  // needs_review: return.requested says "review"
        const std::string type = life_event_type(change.type);
        row.history_events.push_back(
            NewEvent{type, event_body(type, change.at, return_life_data(r, life.life, change)), r.id, now_unix * 1000});
    }
}

}  // namespace

bool HookState::first_refusal_of(const std::string& origin) {
    std::lock_guard<std::mutex> lock(refused_mutex_);
    // Bounded, but never closed: forged Origin headers must not use up the advice a
    // merchant needs for the real portal's origin, so a full set starts over.
    if (refused_origins_.size() >= 100 && !refused_origins_.count(origin)) refused_origins_.clear();
    return refused_origins_.insert(origin).second;
}

bool HookState::log_refusal_of(const std::string& client, double now_s, std::int64_t* unlogged) {
    const bool log = rejection_log_limiter.allow(client, now_s);
    std::lock_guard<std::mutex> lock(refused_mutex_);
    if (log) {
        auto it = unlogged_.find(client);
        *unlogged = it == unlogged_.end() ? 0 : it->second;
        if (it != unlogged_.end()) unlogged_.erase(it);
        return true;
    }
    // Bounded: a flood of addresses loses counts, never memory.
    if (unlogged_.size() >= 10'000 && !unlogged_.count(client)) unlogged_.clear();
    ++unlogged_[client];
    return false;
}

HookResponse handle_webhook(HookState& state, const HookRequest& req) {
    const std::string origin = req.header("origin");
    // Browsers send Origin on cross-origin posts; servers and curl do not.
    double retry_after = 0;
    // First, so a flood costs no database writes; not recorded, that is what the limit is for.
    if (!state.limiter.allow(req.remote_ip, req.now_monotonic_s, &retry_after)) return rate_limited(retry_after);
    if (!origin.empty() && !origin_allowed(state, origin)) return refuse_origin(state, req, origin, true);
    const std::string type = media_type(req.header("content-type"));
    // text/plain lets a portal skip the CORS preflight (a "simple" request).
    if (type != "application/json" && type != "text/plain")
        return reject(state, req, 415,
                      {{"status", "rejected"}, {"error", "unsupported_media_type"},
                       {"message", "send application/json or text/plain, not '" + type + "'"}},
                      "content type '" + type + "'");
    if (req.body.size() > state.options.max_body_bytes)
        return reject(state, req, 413,
                      {{"status", "rejected"}, {"error", "payload_too_large"}, {"limit", state.options.max_body_bytes}},
                      std::to_string(req.body.size()) + " bytes (--max-body " +
                          std::to_string(state.options.max_body_bytes) + ")");

    // Before any tree is built: nesting, duplicate keys, bytes a parser would skip.
    if (auto fault = check_body_shape(req.body, state.options.max_depth)) return refuse_body(state, req, *fault);
    Parsed<WebhookMessage> parsed = parse_webhook_text(req.body);
    if (!parsed.ok()) {
        const bool syntax = !parsed.errors.empty() && parsed.errors.front().pointer.empty();
        return reject(state, req, 400,
                      {{"status", "rejected"}, {"error", syntax ? "malformed_json" : "invalid_request"},
                       {"errors", errors_json(parsed.errors)}},
                      summary(parsed.errors, [](const FieldError& e) { return e.text(); }));
    }
    const WebhookMessage& msg = *parsed.value;
    // What is stored must be what was verified, byte for byte.
    if (auto fault = check_canonical(req.body, canonical_dump(json::parse(req.body))))
        return refuse_body(state, req, *fault, &msg);
    const std::string header_id = req.header("webhook-id");
    if (!header_id.empty() && header_id != msg.id)
        return reject(state, req, 400,
                      {{"status", "rejected"}, {"error", "webhook_id_mismatch"},
                       {"errors", json::array({{{"pointer", "/id"}, {"message", "differs from the webhook-id header"}}})}},
                      "webhook-id header " + header_id + " is not the body's id", &msg);

    // Freshness is the delivery attempt's (Standard Webhooks: 5 minutes either way), not
    // the request's: a request made days ago is still welcome when sent now (its
    // created_at is judged by verify_request). Outside, the sender retries with a new
    // timestamp, so the answer is a retryable 408. Senders that cannot set headers
    // (text/plain) send none, and only created_at is checked.
    if (const std::string stamp = req.header("webhook-timestamp"); !stamp.empty()) {
        const std::optional<std::int64_t> at = parse_unix_seconds(stamp);
        if (!at)
            return reject(state, req, 400,
                          {{"status", "rejected"}, {"error", "invalid_timestamp"},
                           {"message", "webhook-timestamp must be Unix seconds (digits only)"}},
                          "webhook-timestamp '" + stamp.substr(0, 40) + "' is not Unix seconds", &msg);
        const std::int64_t off = *at - req.now_unix;
        if (off > state.options.timestamp_tolerance_s || -off > state.options.timestamp_tolerance_s)
            return reject(state, req, 408,
                          {{"status", "rejected"}, {"error", "stale_timestamp"},
                           {"message", "webhook-timestamp is " + std::to_string(off < 0 ? -off : off) + " s " +
                                           (off < 0 ? "behind" : "ahead of") + " the receiver's clock (at most " +
                                           std::to_string(state.options.timestamp_tolerance_s) +
                                           " s): send again with the time of the new attempt"},
                           {"receiver_time", req.now_unix}},
                          "webhook-timestamp " + std::to_string(off) + " s off", &msg);
    }

    const std::string body_hash = hex_sha256(req.body);
    // Idempotency first: a retry of a stored request must not be re-verified (the
    // clock has moved on since) but answered as the first time.
    if (auto stored = state.store.body_hash_of(msg.id)) {
        if (*stored == body_hash) return duplicate(state, msg);
        return reject(state, req, 409,
                      {{"status", "rejected"}, {"error", "id_conflict"}, {"message", kIdConflict}}, kIdConflict, &msg);
    }

    // A request made under an earlier policy is checked against that one, if the
    // receiver served it recently enough (policy_versions.h).
    const Policy* policy = &state.policy;
    std::string why_not;
    if (msg.data.policy_hash != state.policy.hash)
        if (const Policy* earlier = state.earlier.find(msg.data.policy_hash, req.now_unix, &why_not)) policy = earlier;
    Verification v = verify_request(*policy, msg.data, Instant{req.now_unix}, state.options.verify);
    if (!why_not.empty() && !v.ok()) {
        // The named version could not be used: say so, whatever else the current policy found.
        bool said = false;
        for (Difference& d : v.differences)
            if (d.code == "policy_changed" && d.pointer == "/policy/hash") {
                d.message = why_not;
                said = true;
            }
        if (!said) v.differences.push_back({"/policy/hash", "policy_changed", nullptr, nullptr, why_not});
    }
    if (!v.ok()) {
        const std::vector<Difference> differences = in_body(v.differences);
        return reject(state, req, 422,
                      {{"status", "rejected"}, {"error", refusal_code(differences)}, {"differences", to_json(differences)}},
                      summary(differences, [](const Difference& d) { return d.code + " at " + d.pointer + ": " + d.message; }),
                      &msg);
    }

    // Verified above, so the token opens.
    const OpenedOrderToken opened = open_order_token(msg.data.order.token, *policy);
    OverReturn over;
    std::vector<ReviewReason> reasons;
    std::string state_after_intake;
    // Counts of earlier requests feed the review rules inside the insert transaction;
    // the forwarded event says what was decided.
    const DecideStatus decide = [&](const EarlierRequests& earlier, StoredRequest& row) {
        reasons = review_reasons(*policy, earlier, v.late, v.quote);
        row.status = reasons.empty() ? "accepted" : "review";
        row.review_reasons = to_json(reasons).dump();
        if (row.event)
            row.event->body = event_body(kEventReturnRequested, Instant{req.now_unix},
                                         return_requested_data(msg.data, v.quote, row.status, codes_of(reasons)));
        add_intake(*policy, msg.data, codes_of(reasons), req.now_unix, row);
        if (state.mail)
            if (auto notice = merchant_notice_for(*policy, msg.data, row.status, state.mail->status_url,
                                                  state.mail->merchant, req.now_unix * 1000))
                row.mails.push_back(std::move(*notice));
        state_after_intake = to_string(row.history.empty() ? ReturnState::requested : state_after(row.history.back().type));
    };
    StoredRequest stored = to_stored(msg, req, body_hash, v, *opened.order);
    // Rendered here, not in `decide`: the label costs time the shared write transaction should not wait for.
    if (state.mail)
        if (auto confirmation = confirmation_for(*policy, state.mail->policy_text, msg.data, state.mail->status_url,
                                                 req.now_unix * 1000))
            stored.mails.push_back(std::move(*confirmation));
    switch (state.store.insert(stored, &over, decide)) {
        case InsertResult::inserted:
            if (state.on_event_queued) state.on_event_queued();
            break;
        case InsertResult::duplicate: return duplicate(state, msg);
        case InsertResult::conflict:
            return reject(state, req, 409,
                          {{"status", "rejected"}, {"error", "id_conflict"}, {"message", kIdConflict}}, kIdConflict, &msg);
        case InsertResult::over_return: {
            const std::string message = "asks to return " + std::to_string(over.requested) + " unit(s) of line " +
                                        msg.data.lines[over.index].line_id + "; earlier requests leave " +
                                        std::to_string(over.left);
            const Difference d = in_body({{"/lines/" + std::to_string(over.index) + "/quantity",
                                           "quantity_above_returnable", over.left, over.requested, message}})[0];
            return reject(state, req, 422,
                          {{"status", "rejected"}, {"error", "verification_failed"},
                           {"differences", json::array({to_json(d)})}, {"left", over.left}},
                          "quantity_above_returnable at " + d.pointer + ": " + message, &msg);
        }
    }
    return reply(200, {{"status", "accepted"},
                       {"id", msg.id},
                       {"rma", msg.data.rma},
                       {"needs_review", !reasons.empty()},
                       {"review_reasons", review_codes(to_json(reasons))},
                       {"state", state_after_intake}});
}

HookResponse handle_status(HookState& state, const HookRequest& req) {
    double retry_after = 0;
    if (!state.status_limiter.allow(req.remote_ip, req.now_monotonic_s, &retry_after)) return rate_limited(retry_after);
    // One lookup for every id, well-formed or not, known or not: a miss looks like any
    // other unknown path, and there is nothing like a prefix to compare against.
    const std::string id = req.path.substr(std::string("/status/").size());
    std::optional<ReturnRecord> record = state.store.load_return(valid_request_id(id) ? id : std::string());
    if (!record) return reply(404, {{"status", "rejected"}, {"error", "not_found"}});
    const auto lang = req.query.find("lang");
    const std::optional<i18n::Locale> asked = lang == req.query.end() ? std::nullopt : i18n::match_locale(lang->second);
    const i18n::Locale locale = asked ? *asked : i18n::parse_locale(record->request.locale);
    HookResponse res = reply(200, status_document(record->request, record->life, locale));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
}

HookResponse handle_request(HookState& state, const HookRequest& req) {
    HookResponse res;
    if (req.path == "/health" && req.method == "GET") {
        // Only "ok": anyone can ask, and row counts or the policy version tell a stranger
        // how busy the shop is and when it changed its rules.
        res = reply(200, {{"status", "ok"}});
    } else if (req.path == "/webhook" && req.method == "OPTIONS") {
        const std::string origin = req.header("origin");
        if (origin.empty() || !origin_allowed(state, origin)) {
            // A preflight carries no request: answered and advised on, not recorded.
            res = refuse_origin(state, req, origin, false);
        } else {
            res = HookResponse{204, "", "", {}, {}, {}};
            res.headers.emplace_back("Access-Control-Allow-Methods", "POST, OPTIONS");
            res.headers.emplace_back("Access-Control-Allow-Headers", "content-type, webhook-id, webhook-timestamp");
            res.headers.emplace_back("Access-Control-Max-Age", "600");
        }
    } else if (req.path == "/webhook" && req.method == "POST") {
        res = handle_webhook(state, req);
    } else if (req.path.rfind("/status/", 0) == 0 && req.method == "GET") {
        res = handle_status(state, req);
    } else if (req.path == "/webhook" || req.path == "/health" || req.path.rfind("/status/", 0) == 0) {
        res = reply(405, {{"status", "rejected"}, {"error", "method_not_allowed"}});
        res.headers.emplace_back("Allow", req.path == "/webhook" ? "POST, OPTIONS" : "GET");
    } else {
        res = reply(404, {{"status", "rejected"}, {"error", "not_found"}});
    }
    add_cors(state, req, res);
    return res;
}

}  // namespace retour::tools
