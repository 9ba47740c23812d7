// `retour forward-test` sends a signed sample event to the merchant's endpoints now;
// `retour forward-status` shows what the receiver's queue delivered, still tries,
// gave up on, or holds for an endpoint that answered 410 (and re-enables one).
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/date.h"
#include "core/return_event.h"
#include "tools/commands.h"
#include "tools/delivery_queue.h"
#include "tools/forward_config.h"
#include "tools/forwarder.h"

namespace retour::tools {

namespace {

void print_errors(const std::string& where, const FieldErrors& errors) {
    for (const auto& e : errors)
        std::fprintf(stderr, "%s%s\n", where.empty() ? "" : (where + ": ").c_str(),
                     e.pointer.empty() ? e.message.c_str() : e.text().c_str());
}

std::string when(std::int64_t ms) { return ms > 0 ? format_instant(Instant{ms / 1000}) : "-"; }

// What an endpoint sees for retour.test: the shape of return.requested, marked as a test.
nlohmann::json sample_data(const std::string& id) {
    return {{"currency", "EUR"},
            {"id", id},
            {"order", {{"id", "gid://shop/Order/TEST"}, {"number", "#TEST"}}},
            {"policy", {{"hash", ""}, {"version", ""}}},
            {"review_reasons", nlohmann::json::array()},
            {"rma", "TEST"},
            {"status", "accepted"},
            {"test", true},
            {"totals", {{"refund", 0}}}};
}

}  // namespace

int cmd_forward_test(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"config", "url", "secret-file", "signing-key-file", "timeout"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument " + args.positional().front()};
    std::vector<ForwardEndpoint> endpoints;
    std::int64_t timeout_ms = 15'000;
    if (auto config = args.get("config")) {
        if (args.has("url") || args.has("secret-file") || args.has("signing-key-file"))
            throw UsageError{"give --config or --url with --secret-file/--signing-key-file, not both"};
        Parsed<ForwardConfig> c = read_forward_config(*config);
        if (!c.ok()) {
            print_errors(*config, c.errors);
            return 1;
        }
        endpoints = c.value->endpoints;
        timeout_ms = c.value->timeout_ms;
    } else {
        Parsed<ForwardEndpoint> e = forward_endpoint_from_files(args.require("url"), args.get_or("secret-file", ""),
                                                                args.get_or("signing-key-file", ""));
        if (!e.ok()) {
            print_errors("", e.errors);
            return 1;
        }
        endpoints.push_back(*e.value);
    }
    if (auto t = args.get("timeout")) timeout_ms = static_cast<std::int64_t>(std::atof(t->c_str()) * 1000);
    if (timeout_ms <= 0) throw UsageError{"--timeout expects seconds > 0"};

    int failures = 0;
    for (const ForwardEndpoint& e : endpoints) {
        const std::string id = new_event_id();
        const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
        const std::string body = event_body(kEventTest, Instant{now}, sample_data("req_test_" + id.substr(4)));
        const HttpAnswer a = send_event(e, id, body, now, timeout_ms);
        const bool ok = a.status >= 200 && a.status <= 299;
        failures += !ok;
        std::printf("%s %s\n  signed %s%s%s, webhook-id %s\n", ok ? "ok  " : "FAIL", e.url.c_str(),
                    e.secret.empty() ? "" : "v1 (HMAC-SHA256)", e.secret.empty() || e.signing_key.empty() ? "" : " and ",
                    e.signing_key.empty() ? "" : "v1a (Ed25519)", id.c_str());
        if (!e.public_key.empty()) std::printf("  public key for the endpoint (v1a): %s\n", e.public_key.c_str());
        if (a.status == 0)
            std::printf("  no answer after %.1f s: %s\n", a.seconds, a.error.c_str());
        else
            std::printf("  HTTP %d in %.2f s%s%s\n", a.status, a.seconds, a.body.empty() ? "" : ": ",
                        a.body.substr(0, 200).c_str());
        if (a.status == 410) std::printf("  410 Gone: the receiver would disable this endpoint\n");
    }
    return failures ? 1 : 0;
}

int cmd_forward_status(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"db", "state", "limit", "enable"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument " + args.positional().front()};
    const std::string db = args.require("db");
    struct stat st {};
    if (::stat(db.c_str(), &st) != 0) throw std::runtime_error("no database at " + db + " (the receiver's --db)");
    const std::string state = args.get_or("state", "");
    if (!state.empty() && state != "pending" && state != "delivered" && state != "failed" && state != "disabled")
        throw UsageError{"--state is one of pending, delivered, failed, disabled"};
    const int limit = std::atoi(args.get_or("limit", "100").c_str());
    if (limit <= 0) throw UsageError{"--limit expects a number > 0"};
    DeliveryQueue queue(db);
    if (auto url = args.get("enable")) {
        const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch()).count();
        if (!queue.disabled(*url)) throw std::runtime_error(*url + " is not disabled");
        const std::int64_t n = queue.enable(*url, now);
        std::printf("%s enabled again; %lld disabled deliver%s queued again (a running receiver sends them within 30 s)\n",
                    url->c_str(), static_cast<long long>(n), n == 1 ? "y" : "ies");
        return 0;
    }
    for (const DisabledEndpoint& e : queue.disabled_endpoints())
        std::printf("DISABLED %s since %s: %s\n", e.url.c_str(), e.disabled_at.c_str(), e.reason.c_str());
    std::printf("%-9s %-30s %-20s %-16s %-20s %8s  %-20s %s\n", "state", "webhook-id", "type", "request", "endpoint",
                "attempts", "next/last attempt", "last answer");
    for (const Delivery& d : queue.deliveries(state, limit)) {
        const std::string answer = d.last_status ? "HTTP " + std::to_string(d.last_status) : d.last_error;
        std::printf("%-9s %-30s %-20s %-16s %-20s %8d  %-20s %s\n", d.state.c_str(), d.event_id.c_str(), d.type.c_str(),
                    d.request_id.c_str(), d.endpoint.c_str(), d.attempts,
                    when(d.state == "pending" ? d.next_attempt_ms : d.last_attempt_ms).c_str(),
                    answer.substr(0, 80).c_str());
    }
    return 0;
}

}  // namespace retour::tools
