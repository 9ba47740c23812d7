// `retour sign-order`: turn an order JSON into a signed link the shopper can open.
// --expires DATE|INSTANT or --expires-in 30d|12h puts "exp" in the signed order: a
// return made after it is refused (token_expired), in the portal and the receiver.
#include <cstdio>
#include <ctime>

#include "core/order_token.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/key_file.h"

namespace retour::tools {

namespace {

// "2027-01-31" (the end of that day, UTC), an instant, or "30d" / "12h" from now.
Instant expiry_of(const Args& args) {
    if (args.has("expires") && args.has("expires-in")) throw UsageError{"give --expires or --expires-in, not both"};
    if (auto text = args.get("expires")) {
        if (auto at = parse_instant(*text)) return *at;
        if (auto day = parse_date(*text)) return Instant{std::int64_t{day->days} * 86400 + 86399};
        throw UsageError{"--expires: expected a date (YYYY-MM-DD, the end of that day in UTC) or an instant "
                         "(YYYY-MM-DDTHH:MM:SSZ), got '" + *text + "'"};
    }
    const std::string text = *args.get("expires-in");
    const char unit = text.empty() ? '\0' : text.back();
    const std::string number = text.substr(0, text.empty() ? 0 : text.size() - 1);
    const bool digits = !number.empty() && number.size() <= 6 && number.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || (unit != 'd' && unit != 'h'))
        throw UsageError{"--expires-in: expected a number of days or hours such as 30d or 12h, got '" + text + "'"};
    const std::int64_t seconds = std::stoll(number) * (unit == 'd' ? 86400 : 3600);
    return Instant{static_cast<std::int64_t>(std::time(nullptr)) + seconds};
}

}  // namespace

int cmd_sign_order(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"key", "base-url", "policy", "expires", "expires-in"});
    if (args.positional().size() != 1) throw UsageError{"expected one ORDER.json"};
    const std::string order_path = args.positional().front();
    const crypto::Bytes secret_key = read_secret_key_option(args);

    Parsed<Order> order = parse_order_text(read_file(order_path));
    if (!order.ok()) {
        for (const auto& e : order.errors) std::fprintf(stderr, "%s: %s\n", order_path.c_str(), e.text().c_str());
        return 1;
    }
    if (args.has("expires") || args.has("expires-in")) order.value->expires = expiry_of(args);
    const std::string token = sign_order(*order.value, secret_key);
    // Without a base URL the link is relative to the shop: paste it after the domain.
    const std::string base = args.get_or("base-url", "/returns/");
    std::printf("token: %s\nlink: %s#order=%s\n", token.c_str(), base.c_str(), token.c_str());
    return 0;
}

}  // namespace retour::tools
