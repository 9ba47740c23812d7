#include "core/request_verify.h"

#include <set>

#include "core/json_reader.h"
#include "core/label/rma.h"
#include "core/order_token.h"

namespace retour {

namespace {

constexpr std::size_t kMaxDifferences = 100;

void add(std::vector<Difference>& out, std::string pointer, std::string code, nlohmann::json expected,
         nlohmann::json got, std::string message) {
    if (out.size() >= kMaxDifferences) return;
    out.push_back({std::move(pointer), std::move(code), std::move(expected), std::move(got), std::move(message)});
}

bool same_kind(const nlohmann::json& a, const nlohmann::json& b) {
    auto integral = [](const nlohmann::json& j) { return j.is_number_integer(); };  // signed or unsigned
    if (integral(a) && integral(b)) return true;
    return a.type() == b.type();
}

nlohmann::json codes_of(const Decision& d) {
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& f : d.findings) codes.push_back(f.code);
    return codes;
}

}  // namespace

void diff_json(const nlohmann::json& expected, const nlohmann::json& got, const std::string& pointer,
               std::vector<Difference>& out) {
    if (expected.is_object() && got.is_object()) {
        std::set<std::string> keys;
        for (auto it = expected.begin(); it != expected.end(); ++it) keys.insert(it.key());
        for (auto it = got.begin(); it != got.end(); ++it) keys.insert(it.key());
        for (const auto& k : keys) {
            const std::string p = pointer + "/" + pointer_token(k);
            auto e = expected.find(k);
            auto g = got.find(k);
            if (e == expected.end()) add(out, p, "quote_differs", nullptr, *g, "not expected in the quote");
            else if (g == got.end()) add(out, p, "quote_differs", *e, nullptr, "missing from the quote");
            else diff_json(*e, *g, p, out);
        }
        return;
    }
    if (expected.is_array() && got.is_array()) {
        const std::size_t n = std::max(expected.size(), got.size());
        for (std::size_t i = 0; i < n; ++i) {
            const std::string p = pointer + "/" + std::to_string(i);
            if (i >= expected.size()) add(out, p, "quote_differs", nullptr, got[i], "not expected in the quote");
            else if (i >= got.size()) add(out, p, "quote_differs", expected[i], nullptr, "missing from the quote");
            else diff_json(expected[i], got[i], p, out);
        }
        return;
    }
    if (!same_kind(expected, got) || expected != got)
        add(out, pointer, "quote_differs", expected, got, "the receiver computes a different value");
}

Verification verify_request(const Policy& policy, const ReturnRequest& req, const Order& order, Instant now,
                            const VerifyOptions& options) {
    Verification v;
    auto& d = v.differences;

    // Prices and windows depend on created_at, so an untrusted time is checked first:
    // a shopper must not reopen a closed window by back-dating the request. A request
    // may arrive late (shopper offline, receiver down): within the policy's grace it is
    // verified as of created_at and flagged for a person to look at; the delivery
    // attempt's own freshness is the webhook-timestamp header's business (hook_handler).
    const std::int64_t age = now.unix_seconds - req.created_at.unix_seconds;
    v.age_seconds = age;
    if (-age > options.max_skew_seconds) {
        add(d, "/created_at", "created_at_out_of_range", format_instant(now), format_instant(req.created_at),
            "created_at is " + std::to_string(-age) + " s ahead of the receiver's clock (at most " +
                std::to_string(options.max_skew_seconds) + " s accepted)");
        return v;
    }
    const std::int64_t grace = std::int64_t{policy.webhook.late_grace_days} * 86400;
    if (age > grace + options.max_skew_seconds) {
        add(d, "/created_at", "too_late", format_instant(now), format_instant(req.created_at),
            "the request was made " + std::to_string(age / 86400) + " day(s) ago; this shop takes requests up to " +
                std::to_string(policy.webhook.late_grace_days) +
                " day(s) late (webhook.late_grace_days): the shopper should contact the shop");
        return v;
    }
    v.late = age > options.max_skew_seconds;
    if (TokenError e = check_expiry(order, req.created_at); !e.ok())
        add(d, "/order/token", e.code, format_instant(*order.expires), format_instant(req.created_at), e.message);
    if (req.demo != policy.demo)
        add(d, "/demo", "demo_mismatch", policy.demo, req.demo,
            policy.demo ? "this shop only takes demo requests" : "a demo request was sent to a live shop");
    if (req.policy_version != policy.version)
        add(d, "/policy/version", "policy_changed", policy.version, req.policy_version,
            "the request was made under another policy version");
    if (req.policy_hash != policy.hash)
        add(d, "/policy/hash", "policy_changed", policy.hash, req.policy_hash,
            "the request was made under a different policy");
    if (req.order.id != order.id)
        add(d, "/order/id", "order_mismatch", order.id, req.order.id, "not the signed order's id");
    if (req.order.number != order.number)
        add(d, "/order/number", "order_mismatch", order.number, req.order.number, "not the signed order's number");
    // Requests made before the RMA check changed carry the legacy form: still theirs.
    if (label::valid_rma_prefix(policy.labels.rma_prefix) && !label::is_rma_of(policy.labels.rma_prefix, req.id, req.rma))
        add(d, "/rma", "rma_mismatch", label::rma_number(policy.labels.rma_prefix, req.id), req.rma,
            "not the RMA number of this request id");

    v.decisions = evaluate(policy, order, req.created_at);
    std::set<std::size_t> bad_lines;
    for (std::size_t i = 0; i < req.lines.size(); ++i) {
        const RequestLine& rl = req.lines[i];
        const std::string p = "/lines/" + std::to_string(i);
        const OrderLine* ol = order.find_line(rl.line_id);
        if (!ol) {
            add(d, p + "/line_id", "line_not_in_order", nullptr, rl.line_id, "the signed order has no such line");
            bad_lines.insert(i);
            continue;
        }
        if (rl.sku != ol->sku) add(d, p + "/sku", "line_details_differ", ol->sku, rl.sku, "not the order line's SKU");
        if (rl.title != ol->title)
            add(d, p + "/title", "line_details_differ", ol->title, rl.title, "not the order line's title");
        if (rl.variant != ol->variant)
            add(d, p + "/variant", "line_details_differ", ol->variant, rl.variant, "not the order line's variant");
        const Decision* dec = nullptr;
        for (const auto& x : v.decisions)
            if (x.line_id == rl.line_id) dec = &x;
        if (!dec) continue;
        // A line in the request is claimed returnable; "review" lines are returnable
        // too and show up in the quote's review flags, compared below.
        if (dec->status == Status::ineligible) {
            add(d, p, "decision_differs", {{"status", to_string(dec->status)}, {"codes", codes_of(*dec)}},
                "returnable", dec->message.empty() ? "the line cannot be returned" : dec->message);
            bad_lines.insert(i);
        }
    }

    v.quote = quote(policy, order, to_selection(req), v.decisions);
    const Quote& q = v.quote;
    if (!q.ok()) {
        for (const auto& e : q.errors) {
            // A line already reported (not in the order, not returnable) needs no echo.
            bool echoed = false;
            for (std::size_t i : bad_lines) {
                const std::string prefix = "/lines/" + std::to_string(i);
                echoed = echoed || e.pointer == prefix || e.pointer.rfind(prefix + "/", 0) == 0;
            }
            if (!echoed) add(d, e.pointer, e.code, nullptr, nullptr, e.message);
        }
        return v;
    }
    diff_json(to_json(q), req.quote, "/quote", d);
    return v;
}

Verification verify_request(const Policy& policy, const ReturnRequest& request, Instant receiver_now,
                            const VerifyOptions& options) {
    OpenedOrderToken opened = open_order_token(request.order.token, policy);
    if (!opened.error.ok()) {
        Verification v;
        add(v.differences, "/order/token", opened.error.code, nullptr, nullptr,
            opened.error.message);
        return v;
    }
    return verify_request(policy, request, *opened.order, receiver_now, options);
}

nlohmann::json to_json(const Difference& d) {
    return {{"pointer", d.pointer}, {"code", d.code}, {"expected", d.expected}, {"got", d.got}, {"message", d.message}};
}

nlohmann::json to_json(const std::vector<Difference>& ds) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& d : ds) a.push_back(to_json(d));
    return a;
}

}  // namespace retour
