// `retour demo`: the merchant's five-minute start. One process on loopback serves the
// demo folder (build/demo-dist: the portal plus demo data), a demo policy, the demo orders as published (encrypted) files and
// the webhook receiver — all on one origin — and prints a signed link per demo order.
// Orders come from the folder's demo/orders.json with dates made relative to today;
// the key pair and the SQLite database live in --data (created on first run).
#include <sodium.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include "core/base64url.h"
#include "core/demo_dates.h"
#include "core/order.h"
#include "core/order_token.h"
#include "core/policy.h"
#include "core/published_order.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/hook_handler.h"
#include "tools/http_server.h"
#include "tools/key_file.h"
#include "tools/static_files.h"

namespace retour::tools {

namespace {

// The demo's own key pair, kept in the data folder so links stay valid across runs.
crypto::KeyPair demo_keys(const std::string& data_dir) {
    const std::string path = data_dir + "/demo.key";
    if (!std::filesystem::exists(path)) {
        crypto::Bytes seed(crypto::kSeedSize);
        randombytes_buf(seed.data(), seed.size());
        write_new_private_file(path, base64url_encode(seed) + "\n");
        sodium_memzero(seed.data(), seed.size());
    }
    const crypto::Bytes secret = read_secret_key(path);
    return crypto::ed25519_keypair_from_seed(crypto::Bytes(secret.begin(), secret.begin() + crypto::kSeedSize));
}

struct DemoOrder {
    std::string scenario, number, email, link;
};

}  // namespace

int cmd_demo(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"dist", "data", "port", "host"});
    const std::string dist = args.require("dist");
    const std::string data = args.get_or("data", "retour-demo-data");
    const std::string host = args.get_or("host", "127.0.0.1");
    const int port = std::stoi(args.get_or("port", "8080"));
    // The deploy folder (build/dist) ships no demo: say which folder to use instead.
    if (!std::filesystem::exists(dist + "/demo/policy.json") || !std::filesystem::exists(dist + "/demo/orders.json")) {
        std::fprintf(stderr,
                     "retour demo: %s has no demo data (demo/policy.json, demo/orders.json): pass the demo folder, "
                     "build/demo-dist, not the deploy folder build/dist\n",
                     dist.c_str());
        return 1;
    }
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    std::filesystem::create_directories(data);

    const std::string origin = "http://" + host + ":" + std::to_string(port);
    const crypto::KeyPair keys = demo_keys(data);

    // The portal's demo policy, pointed at this process: our key, our receiver, and
    // orders looked up as published files (number + email) or opened from signed links.
    nlohmann::json policy_json = nlohmann::json::parse(read_file(dist + "/demo/policy.json"));
    policy_json["public_key"] = base64url_encode(keys.public_key);
    policy_json["webhook"] = {{"url", origin + "/webhook"}, {"content_type", "application/json"}};
    policy_json["lookup"] = {{"mode", "published"}, {"identifier", "email"}};
    policy_json["demo"] = true;
    Parsed<Policy> policy = parse_policy(policy_json);
    if (!policy.ok()) {
        for (const auto& e : policy.errors) std::fprintf(stderr, "%s/demo/policy.json: %s\n", dist.c_str(), e.text().c_str());
        return 1;
    }
    const std::string policy_text = policy_json.dump(2);

    const std::time_t now = std::time(nullptr);
    const Date today = Instant{static_cast<std::int64_t>(now)}.utc_date();
    std::map<std::string, std::string> published;  // "/orders/<name>" -> sealed bytes
    std::vector<DemoOrder> orders;
    const nlohmann::json demo = nlohmann::json::parse(read_file(dist + "/demo/orders.json"));
    for (const auto& entry : demo.at("orders")) {
        Parsed<Order> order = parse_order(resolve_day_offsets(entry.at("order"), today));
        if (!order.ok()) {
            for (const auto& e : order.errors) std::fprintf(stderr, "demo order: %s\n", e.text().c_str());
            continue;
        }
        const std::string token = sign_order(*order.value, keys.secret_key);
        const std::string email = entry.value("email", order.value->email);
        const auto key = derive_lookup_key(keys.public_key, order.value->number, LookupIdentifier::email, email);
        if (key) {
            crypto::Bytes nonce(24);
            randombytes_buf(nonce.data(), nonce.size());
            const crypto::Bytes sealed = seal_published_order(*key, token, nonce);
            published["/orders/" + key->file_name] = std::string(sealed.begin(), sealed.end());
        }
        orders.push_back({entry.value("scenario", ""), order.value->number, email, origin + "/#order=" + token});
    }

    const std::string db_path = data + "/returns.db";
    ReturnStore store(db_path);
    HookOptions options;
    options.allowed_origins = {origin};
    options.rate_limit.per_second = 5;
    HookState state(std::move(*policy.value), store, options);

    ServerOptions server_options;
    server_options.host = host;
    server_options.port = port;
    server_options.max_body_bytes = options.max_body_bytes;
    // The receiver's routes, the demo's policy and published orders, then the folder's files.
    HttpServer server(server_options, [&](const HookRequest& req) -> HookResponse {
        if (req.path == "/webhook" || req.path == "/health") return handle_request(state, req);
        if (req.method == "GET" && req.path == "/policy.json") {
            HookResponse r{200, "application/json", policy_text, {{"Cache-Control", "no-store"}}, {}, {}};
            return r;
        }
        if (req.method == "GET" && req.path.rfind("/orders/", 0) == 0) {
            auto it = published.find(req.path);
            // An unknown order gets exactly what a static host answers: 404.
            return it == published.end() ? not_found() : HookResponse{200, "application/octet-stream", it->second, {}, {}, {}};
        }
        return static_file(dist, req).value_or(not_found());
    });

    server.serve_until_signal([&] {
        std::printf("\nRetour demo\n\n  Portal:    %s/\n  Receiver:  %s/webhook  (requests are stored in %s)\n", origin.c_str(),
                    origin.c_str(), db_path.c_str());
        if (std::filesystem::exists(dist + "/retour-demo.html"))
            std::printf("  Offline:   %s/retour-demo.html  (everything inlined, no network needed)\n", origin.c_str());
        std::printf("\n");
        std::printf("Find an order with its number and email, or open a signed link:\n\n");
        for (const DemoOrder& o : orders)
            std::printf("  %-12s order %s, %s\n    %s\n\n", o.scenario.c_str(), o.number.c_str(), o.email.c_str(), o.link.c_str());
        std::printf("See what arrived:  retour export --db %s --csv\nCtrl-C stops the demo.\n", db_path.c_str());
        std::fflush(stdout);
    });
    std::printf("\nstopped\n");
    return 0;
}

}  // namespace retour::tools
