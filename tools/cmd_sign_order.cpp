// `retour sign-order`: turn an order JSON into a signed link the shopper can open.
#include <cstdio>

#include "core/order_token.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/key_file.h"

namespace retour::tools {

int cmd_sign_order(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"key", "base-url", "policy"});
    if (args.positional().size() != 1) throw UsageError{"expected one ORDER.json"};
    const std::string order_path = args.positional().front();
    const crypto::Bytes secret_key = read_secret_key_option(args);

    Parsed<Order> order = parse_order_text(read_file(order_path));
    if (!order.ok()) {
        for (const auto& e : order.errors) std::fprintf(stderr, "%s: %s\n", order_path.c_str(), e.text().c_str());
        return 1;
    }
    const std::string token = sign_order(*order.value, secret_key);
    // Without a base URL the link is relative to the shop: paste it after the domain.
    const std::string base = args.get_or("base-url", "/returns/");
    std::printf("token: %s\nlink: %s#order=%s\n", token.c_str(), base.c_str(), token.c_str());
    return 0;
}

}  // namespace retour::tools
