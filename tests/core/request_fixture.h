#pragma once
// A valid return request built the way the portal builds one, from the fixtures in
// tests/fixtures/receiver (policy, order, selection; shop key = 32 bytes of 0x11).
// Tests tamper with a copy and check what the receiver's verification says.
#include <fstream>
#include <sstream>
#include <string>

#include "core/order_token.h"
#include "core/confirm_request.h"

namespace retour::testing {

inline std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(RETOUR_FIXTURES) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct RequestFixture {
    Policy policy;
    Order order;
    crypto::KeyPair key = crypto::ed25519_keypair_from_seed(crypto::Bytes(32, 0x11));
    Instant created_at = *parse_instant("2026-11-20T12:00:00Z");

    RequestFixture() {
        policy = *parse_policy_text(read_fixture("receiver/policy.json")).value;
        order = *parse_order_text(read_fixture("receiver/order.json")).value;
    }

    Selection selection(const std::string& file = "receiver/selection.json") const {
        return *parse_selection(nlohmann::json::parse(read_fixture(file))).value;
    }

    ReturnRequest request(const Selection& sel, Instant at) const {
        RequestDraft draft;
        draft.id = "req_01HZX4T9Q8M2K7B3N5V6C8D0EF";
        draft.token = sign_order(order, key.secret_key);
        draft.shopper = Shopper{"Ana Lima", "ana@example.com",
                                PostalAddress{"Rua 1", "", "Köln", "50667", "", "DE"}};
        draft.selection = sel;
        draft.locale = "de";
        Confirmation c = confirm_request(policy, order, draft, at);
        if (c.ok()) return std::move(*c.request);
        // A selection the portal refuses (window closed, final sale): built anyway, with
        // the refused quote, as a forger would post it.
        draft.created_at = at;
        return build_request(policy, order, to_json(c.quote), draft);
    }
    ReturnRequest request() const { return request(selection(), created_at); }
};

}  // namespace retour::testing
