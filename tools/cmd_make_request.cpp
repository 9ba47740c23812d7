// `retour make-request`: a complete, signed and quoted webhook body, as the portal
// would post it. For trying a receiver (and for its integration test) without a browser.
#include <sodium.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "core/confirm_request.h"
#include "core/order_token.h"
#include "core/webhook.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/key_file.h"

namespace retour::tools {

namespace {
template <class T>
T or_fail(Parsed<T> parsed, const std::string& path) {
    if (parsed.ok()) return std::move(*parsed.value);
    for (const auto& e : parsed.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), e.text().c_str());
    throw std::runtime_error(path + " is not valid");
}
}  // namespace

int cmd_make_request(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"policy", "order", "key", "select", "now", "id", "name", "email", "method", "locale", "street",
                     "postcode", "city", "country"});
    const std::string policy_path = args.require("policy"), order_path = args.require("order");
    const std::string select_path = args.require("select");
    const Policy policy = or_fail(parse_policy_text(read_file(policy_path)), policy_path);
    const Order order = or_fail(parse_order_text(read_file(order_path)), order_path);
    const Selection selection = or_fail(parse_selection(nlohmann::json::parse(read_file(select_path))), select_path);
    const crypto::Bytes key = read_secret_key(args.require("key"), &policy, policy_path);

    RequestDraft draft;
    if (auto id = args.get("id")) {
        draft.id = *id;
    } else {
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
        std::array<std::uint8_t, kRequestIdRandomBytes> random{};
        randombytes_buf(random.data(), random.size());
        draft.id = make_request_id(random);
    }
    if (!valid_request_id(draft.id)) throw UsageError{std::string("--id ") + kRequestIdExpected};
    Instant now{static_cast<std::int64_t>(std::time(nullptr))};
    if (auto text = args.get("now")) {
        auto t = parse_instant(*text);
        if (!t) throw UsageError{"--now expects a time like 2026-11-22T12:00:00Z"};
        now = *t;
    }
    draft.token = sign_order(order, key);
    draft.shopper = Shopper{args.get_or("name", "Test Shopper"), args.get_or("email", order.email), std::nullopt};
    if (auto street = args.get("street")) {
        draft.shopper.address = PostalAddress{*street, "", args.get_or("city", ""), args.get_or("postcode", ""), "",
                                              args.get_or("country", order.ship_to_country)};
    }
    draft.selection = selection;
    const auto method = parse_return_method(args.get_or("method", "print_label"));
    if (!method) throw UsageError{"--method expects print_label, drop_off or prepaid"};
    draft.return_method = *method;
    draft.locale = args.get_or("locale", "en");

    ConfirmOptions options;
    options.skip_shopper_check = true;  // a tool for testing receivers: hostile names and all
    const Confirmation c = confirm_request(policy, order, draft, now, options);
    if (!c.ok()) {
        for (const auto& e : c.quote.errors) std::fprintf(stderr, "%s%s: %s (%s)\n", select_path.c_str(), e.pointer.c_str(), e.message.c_str(), e.code);
        return 1;
    }
    // Redirected, exactly the body: `curl --data-binary @file` posts what the portal would.
    print_body(webhook_body(*c.request));
    return 0;
}

}  // namespace retour::tools
