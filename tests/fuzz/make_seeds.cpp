// Seeds no fixture file holds as is, because they need the test shop's key (seed
// 0x11 × 32, tests/fixtures/receiver): signed order tokens, the request and webhook
// body the portal would post, the receiver's HTTP request, a sealed published order.
// Usage: make_seeds CORPUS_DIR (writes into CORPUS_DIR/<target>/).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/order_token.h"
#include "core/published_order.h"
#include "core/confirm_request.h"
#include "core/quote.h"
#include "core/return_request.h"
#include "core/webhook.h"
#include "tests/fuzz/fuzz_support.h"

using namespace retour;
using namespace retour::fuzz;
namespace fs = std::filesystem;

namespace {

fs::path g_root;

void write(const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(g_root / target);
    std::ofstream(g_root / target / name, std::ios::binary) << bytes;
}

ReturnRequest make_request(const Policy& policy, const Order& order, const std::string& selection_file,
                           const std::string& id) {
    const Instant at = *parse_instant("2026-11-20T12:00:00Z");  // fuzz_hook.cpp's clock − 1 min
    const Selection sel = *parse_selection(nlohmann::json::parse(read_fixture(selection_file))).value;
    RequestDraft draft;
    draft.id = id;
    draft.token = sign_order(order, shop_key().secret_key);
    draft.shopper = Shopper{"Ana Lima", "ana@example.com", PostalAddress{"Rua 1", "", "Köln", "50667", "", "DE"}};
    draft.selection = sel;
    draft.locale = "de";
    return confirm_request(policy, order, draft, at).request.value();
}

std::string http(const std::string& method, const std::string& path, const std::string& headers,
                 const std::string& body) {
    return method + " " + path + "\n" + headers + "\n" + body;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds CORPUS_DIR\n");
        return 2;
    }
    g_root = argv[1];
    const Policy policy = *parse_policy_text(read_fixture("receiver/policy.json")).value;
    const Order order = *parse_order_text(read_fixture("receiver/order.json")).value;
    const std::string token = sign_order(order, shop_key().secret_key);

    // fuzz_order_token: first byte 0 = the token as is, 1 = a payload to sign.
    write("fuzz_order_token", "signed", std::string(1, '\0') + token);
    write("fuzz_order_token", "cut_off", std::string(1, '\0') + token.substr(0, token.size() - 20));
    write("fuzz_order_token", "payload", std::string(1, '\1') + canonical_json(order));

    const ReturnRequest request = make_request(policy, order, "receiver/selection.json", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    write("fuzz_return_request", "portal_request", canonical_json(request));
    write("fuzz_label", "portal_request", std::string(1, '\0') + canonical_json(request));
    const std::string body = webhook_body(request);
    write("fuzz_webhook", "portal_post", body);

    const WebhookHeaders h = webhook_headers(request, *parse_instant("2026-11-20T12:00:05Z"));
    const std::string headers = "content-type: application/json\nwebhook-id: " + h.id +
                                "\nwebhook-timestamp: " + h.timestamp + "\n";
    write("fuzz_hook", "post", http("POST", "/webhook", headers, body));
    write("fuzz_hook", "post_from_portal",
          http("POST", "/webhook", "origin: https://nordwind.example\ncontent-type: text/plain\n", body));
    write("fuzz_hook", "preflight", http("OPTIONS", "/webhook", "origin: https://nordwind.example\n", ""));
    write("fuzz_hook", "health", http("GET", "/health", "", ""));

    const auto key = derive_lookup_key(shop_key().public_key, "1001", LookupIdentifier::email, "ana@example.com");
    const crypto::Bytes sealed = seal_published_order(*key, token, crypto::Bytes(24, 0x42));
    write("fuzz_published_order", "sealed", std::string(sealed.begin(), sealed.end()));
    return 0;
}
