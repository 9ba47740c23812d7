// Load client for the receiver (`retour hook`) on loopback: N keep-alive clients post
// distinct, valid webhook messages (the order signed with the test shop's key, seed
// 0x11 × 32, and priced by the core exactly as the portal would), bounded by a request
// count and a time limit. Prints one JSON object: requests/s, latency percentiles,
// answers by status.
// Usage: load_hook --port P [--clients 8] [--requests 6000] [--seconds 20]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/order_token.h"
#include "core/confirm_request.h"
#include "core/quote.h"
#include "core/return_request.h"
#include "core/webhook.h"

using namespace retour;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Post {
    std::string id, timestamp, body;
};

// The receiver fixture's order, moved so it was delivered five days ago (its window
// is open whatever today is), and its selection, once per request id. Each request its
// own order: the receiver counts units already returned per order line, so the same
// order again would be refused (422 quantity_above_returnable) after the first post.
std::vector<Post> make_posts(int count) {
    const std::string fixtures = std::string(RETOUR_ROOT) + "/tests/fixtures/receiver/";
    const Policy policy = *parse_policy_text(read_file(fixtures + "policy.json")).value;
    const Instant now{std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count()};
    json order_doc = json::parse(read_file(fixtures + "order.json"));
    order_doc["placed_at"] = format_instant(Instant{now.unix_seconds - 10 * 86400});
    order_doc["fulfilled_at"] = format_instant(Instant{now.unix_seconds - 9 * 86400});
    order_doc["delivered_at"] = format_instant(Instant{now.unix_seconds - 5 * 86400});
    const Selection sel = *parse_selection(json::parse(read_file(fixtures + "selection.json"))).value;
    const auto key = crypto::ed25519_keypair_from_seed(crypto::Bytes(32, 0x11));
    RequestDraft draft;
    draft.shopper = Shopper{"Ana Lima", "ana@example.com", PostalAddress{"Rua 1", "", "Köln", "50667", "", "DE"}};
    draft.selection = sel;
    draft.locale = "de";
    const std::string run = std::to_string(now.unix_seconds);
    std::vector<Post> posts;
    for (int i = 0; i < count; ++i) {
        order_doc["id"] = "gid://bench/Order/" + run + "-" + std::to_string(i);
        const Parsed<Order> order = parse_order(order_doc);
        draft.token = sign_order(*order.value, key.secret_key);
        draft.id = "bench_" + run + "_" + std::to_string(i);
        const ReturnRequest r = confirm_request(policy, *order.value, draft, now).request.value();
        const WebhookHeaders h = webhook_headers(r, now);
        posts.push_back({h.id, h.timestamp, webhook_body(r)});
    }
    return posts;
}

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())));
    return v[i];
}

}  // namespace

int main(int argc, char** argv) {
    int port = 0, clients = 8, requests = 6000;
    double seconds = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--port") port = std::stoi(argv[i + 1]);
        else if (a == "--clients") clients = std::stoi(argv[i + 1]);
        else if (a == "--requests") requests = std::stoi(argv[i + 1]);
        else if (a == "--seconds") seconds = std::stod(argv[i + 1]);
    }
    if (port <= 0) {
        std::fprintf(stderr, "usage: load_hook --port P [--clients N] [--requests M] [--seconds T]\n");
        return 2;
    }
    {
        // The receiver was just started: wait (up to 15 s) until it answers.
        httplib::Client probe("127.0.0.1", port);
        bool up = false;
        for (int i = 0; i < 150 && !up; ++i) {
            auto res = probe.Get("/health");
            up = res && res->status == 200;
            if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (!up) {
            std::fprintf(stderr, "load_hook: no receiver answers GET /health on 127.0.0.1:%d\n", port);
            return 3;
        }
    }
    const std::vector<Post> posts = make_posts(requests);

    std::atomic<int> next{0};
    std::mutex mutex;
    std::vector<double> latencies_ms;
    std::map<std::string, int> answers;  // "200 accepted", "422", "error" …
    const Clock::time_point start = Clock::now();
    const Clock::time_point deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);  // else Nagle + delayed ACKs add ~40 ms per post
            std::vector<double> mine;
            std::map<std::string, int> seen;
            for (int i; (i = next++) < requests && Clock::now() < deadline;) {
                const Post& p = posts[static_cast<std::size_t>(i)];
                const httplib::Headers headers = {{"webhook-id", p.id}, {"webhook-timestamp", p.timestamp}};
                const Clock::time_point t0 = Clock::now();
                auto res = client.Post("/webhook", headers, p.body, "application/json");
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (!res) {
                    ++seen["error " + httplib::to_string(res.error())];
                    continue;
                }
                std::string key = std::to_string(res->status);
                const json b = json::parse(res->body, nullptr, false);
                if (b.is_object() && b.contains("status") && b["status"].is_string()) key += " " + b["status"].get<std::string>();
                if (b.is_object() && b.contains("error") && b["error"].is_string()) key += " " + b["error"].get<std::string>();
                ++seen[key];
            }
            std::lock_guard<std::mutex> lock(mutex);
            latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
            for (const auto& [k, n] : seen) answers[k] += n;
        });
    }
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const std::size_t done = latencies_ms.size();
    json out = {{"clients", clients},
                {"requests", done},
                {"seconds", elapsed},
                {"requests_per_s", static_cast<double>(done) / elapsed},
                {"p50_ms", percentile(latencies_ms, 0.50)},
                {"p99_ms", percentile(latencies_ms, 0.99)},
                {"max_ms", percentile(latencies_ms, 1.0)},
                {"answers", answers}};
    std::printf("%s\n", out.dump().c_str());
    return answers["200 accepted"] == static_cast<int>(done) ? 0 : 1;
}
