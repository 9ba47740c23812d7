// `retour hook`: the webhook receiver. Options and wiring only: every decision is made
// by handle_request (hook_handler.h) with the same core the portal runs; the HTTP server
// (http_server.h) guards against slow and hostile clients.
#include <cstdio>
#include <ctime>
#include <chrono>
#include <cstring>
#include <atomic>
#include <memory>
#include <optional>

#include "core/policy.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/forwarder.h"
#include "tools/hook_handler.h"
#include "tools/http_server.h"
#include "tools/mail_config.h"
#include "tools/mailer.h"
#include "tools/smtp_client.h"

namespace retour::tools {

namespace {

// Args keeps one value per option; --allow-origin may be given several times.
std::vector<std::string> take_repeated(int& argc, char** argv, const char* name) {
    std::vector<std::string> values;
    const std::string flag = std::string("--") + name;
    int out = 0;
    for (int i = 0; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == flag && i + 1 < argc) {
            values.push_back(argv[++i]);
        } else if (a.rfind(flag + "=", 0) == 0) {
            values.push_back(a.substr(flag.size() + 1));
        } else {
            argv[out++] = argv[i];
        }
    }
    argc = out;
    return values;
}

double number_option(const Args& args, const std::string& name, double fallback, double min) {
    const auto v = args.get(name);
    if (!v) return fallback;
    char* end = nullptr;
    const double d = std::strtod(v->c_str(), &end);
    if (end == v->c_str() || *end != '\0' || !(d >= min)) throw UsageError{"--" + name + " expects a number >= " + std::to_string(min)};
    return d;
}

// Limits on slow and hostile clients, and the proxies whose X-Forwarded-For is believed.
ServerOptions server_options(Args& args, const std::vector<std::string>& trusted_proxies) {
    ServerOptions o;
    o.host = args.get_or("host", "127.0.0.1");
    o.read_deadline_s = number_option(args, "read-deadline", 10, 0.1);
    o.idle_timeout_s = static_cast<unsigned>(number_option(args, "idle-timeout", 30, 1));
    o.max_connections = static_cast<unsigned>(number_option(args, "max-conns", 1000, 1));
    o.max_connections_per_ip = static_cast<unsigned>(number_option(args, "max-conns-per-ip", 32, 0));
    o.threads = static_cast<unsigned>(number_option(args, "threads", o.threads, 1));
    for (const std::string& p : trusted_proxies)
        if (!o.trusted_proxies.add(p))
            throw UsageError{"--trusted-proxy expects an IPv4 or IPv6 address or CIDR range (10.0.0.0/8, ::1), not '" + p + "'"};
    return o;
}

}  // namespace

int cmd_hook(int argc, char** argv) {
    const std::vector<std::string> origins = take_repeated(argc, argv, "allow-origin");
    const std::vector<std::string> proxies = take_repeated(argc, argv, "trusted-proxy");
    Args args(argc, argv);
    args.allow_only({"policy", "db", "port", "host", "rate", "burst", "max-body", "max-skew", "policy-retention-days",
                     "keep-rejections", "log-rejections-per-minute", "read-deadline", "idle-timeout", "max-conns",
                     "max-conns-per-ip", "threads", "forward", "mail"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument " + args.positional().front()};
    const std::string policy_path = args.require("policy");
    const std::string db_path = args.require("db");
    ServerOptions server = server_options(args, proxies);
    server.port = static_cast<int>(number_option(args, "port", 8081, 0));

    const std::string policy_text = read_file(policy_path);
    Parsed<Policy> policy = parse_policy_text(policy_text);
    if (!policy.ok()) {
        for (const auto& e : policy.errors) std::fprintf(stderr, "%s: %s\n", policy_path.c_str(), e.text().c_str());
        return 1;
    }
    std::optional<ForwardConfig> forward;
    if (auto path = args.get("forward")) {
        Parsed<ForwardConfig> config = read_forward_config(*path);
        if (!config.ok()) {
            for (const auto& e : config.errors) std::fprintf(stderr, "%s: %s\n", path->c_str(), e.text().c_str());
            return 1;
        }
        forward = std::move(config.value);
    }
    // Bad mail settings stop the receiver before it takes a request it could not confirm.
    std::optional<MailConfig> mail;
    if (auto path = args.get("mail")) {
        Parsed<MailConfig> config = read_mail_config(*path);
        if (!config.ok()) {
            for (const auto& e : config.errors) std::fprintf(stderr, "%s: %s\n", path->c_str(), e.text().c_str());
            return 1;
        }
        if (const std::string problem = smtp_check(*config.value); !problem.empty()) {
            std::fprintf(stderr, "retour hook: cannot send mail with %s (%s as %s): %s\n", path->c_str(),
                         config.value->smtp_url.c_str(), config.value->username.empty() ? "no login" : config.value->username.c_str(),
                         problem.c_str());
            return 1;
        }
        mail = std::move(config.value);
    }
    HookOptions options;
    options.allowed_origins = origins;
    options.rate_limit.per_second = number_option(args, "rate", 1.0, 0.001);
    options.rate_limit.burst = number_option(args, "burst", 30, 1);
    options.max_body_bytes = static_cast<std::size_t>(number_option(args, "max-body", 64 * 1024, 1024));
    options.rejections_per_minute = number_option(args, "log-rejections-per-minute", 30, 1);
    options.verify.max_skew_seconds = static_cast<std::int64_t>(number_option(args, "max-skew", 600, 0));
    const double retention_days = number_option(args, "policy-retention-days", kDefaultPolicyRetentionDays, 0);

    ReturnStore store(db_path);
    store.set_rejection_limit(static_cast<std::int64_t>(number_option(args, "keep-rejections", kMaxRejections, 1)));
    std::unique_ptr<Forwarder> forwarder;
    std::vector<std::string> urls;  // none: changes recorded from the shell are not forwarded either
    if (forward) {
        for (const ForwardEndpoint& e : forward->endpoints) {
            urls.push_back(e.url);
            std::fprintf(stderr, "forwarding events to %s (%s%s%s)\n", e.url.c_str(), e.secret.empty() ? "" : "v1",
                         e.secret.empty() || e.signing_key.empty() ? "" : " + ", e.signing_key.empty() ? "" : "v1a");
        }
    }
    store.set_forward_endpoints(std::move(urls));
    store.set_mail(mail ? std::optional<std::string>(mail->status_url) : std::nullopt);
    HookState state(std::move(*policy.value), store, options);
    if (mail) state.mail = HookState::Mail{mail->status_url, mail->merchant, policy_text};
    state.earlier = serve_policy(store, state.policy, policy_text, static_cast<std::int64_t>(std::time(nullptr)),
                                 static_cast<std::int64_t>(retention_days * 86400));

    // Requests may be stored as soon as the server is bound; the forwarder starts only
    // once the port is ours (a second receiver started by mistake on the same database
    // must send nothing before it fails to bind). A wake before then is not needed: the
    // forwarder looks at the queue when it starts.
    std::atomic<Forwarder*> running_forwarder{nullptr};
    std::atomic<Mailer*> running_mailer{nullptr};
    state.on_event_queued = [&running_forwarder, &running_mailer] {
        if (Forwarder* f = running_forwarder.load()) f->wake();
        if (Mailer* m = running_mailer.load()) m->wake();
    };
    server.max_body_bytes = options.max_body_bytes;  // longer bodies: 413 before they are read
    HttpServer http(server, [&state](const HookRequest& req) { return handle_request(state, req); });
    if (forward) {
        forwarder = std::make_unique<Forwarder>(db_path, std::move(*forward));
        running_forwarder = forwarder.get();
    }
    std::unique_ptr<Mailer> mailer;
    if (mail) {
        mailer = std::make_unique<Mailer>(db_path, *mail);
        running_mailer = mailer.get();
        std::fprintf(stderr, "sending mail through %s as %s\n", mail->smtp_url.c_str(), mail->from.c_str());
    }
    const std::string shown_host = server.host.find(':') == std::string::npos ? server.host : "[" + server.host + "]";
    http.serve_until_signal([&] {
        std::printf("listening on http://%s:%d/webhook (policy %s, %zu earlier version%s kept %g days, db %s)\n",
                    shown_host.c_str(), http.port(), state.policy.version.c_str(), state.earlier.size(),
                    state.earlier.size() == 1 ? "" : "s", retention_days, db_path.c_str());
        std::fflush(stdout);
    });
    return 0;
}

}  // namespace retour::tools
