// `retour publish-orders`: one encrypted file per order, findable only with its number
// and the shopper's email (or postcode). See core/published_order.h for the format.
#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "core/order_token.h"
#include "core/published_order.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/key_file.h"
#include "tools/order_import.h"

namespace retour::tools {

namespace {
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

int cmd_publish_orders(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"out", "key", "identifier", "policy"});
    if (args.positional().size() != 1) throw UsageError{"expected one orders.json or orders.csv"};
    const std::string input = args.positional().front();
    const std::string out_dir = args.require("out");
    const auto kind = parse_lookup_identifier(args.get_or("identifier", "email"));
    if (!kind) throw UsageError{"--identifier expects email or postcode"};
    // Files hold signed tokens, so the portal and the receiver verify them like links.
    const crypto::Bytes secret_key = read_secret_key_option(args);
    const crypto::Bytes public_key = *crypto::ed25519_public_key_of(secret_key);

    const std::string text = read_file(input);
    ImportResult imported = ends_with(input, ".csv") ? import_shopify_csv(text, input) : import_orders_json(text, input);
    for (const auto& e : imported.errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (!imported.errors.empty()) {
        std::fprintf(stderr, "retour publish-orders: nothing written (%zu problems)\n", imported.errors.size());
        return 1;
    }
    if (::mkdir(out_dir.c_str(), 0755) != 0 && errno != EEXIST)
        throw std::runtime_error("cannot create folder " + out_dir);
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");

    // Each file costs one slow hash (~40 ms natively): spread them over the cores.
    std::vector<std::string> problems(imported.orders.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < imported.orders.size(); i = next++) {
            const ImportedOrder& o = imported.orders[i];
            const std::string identifier = *kind == LookupIdentifier::email ? o.order.email : o.postcode;
            auto key = derive_lookup_key(public_key, o.order.number, *kind, identifier);
            if (!key) {
                problems[i] = o.source + ": no " + to_string(*kind) + " to publish it under";
                continue;
            }
            crypto::Bytes nonce(crypto::kAeadNonceSize);
            randombytes_buf(nonce.data(), nonce.size());
            const crypto::Bytes sealed = seal_published_order(*key, sign_order(o.order, secret_key), nonce);
            write_file(out_dir + "/" + key->file_name, std::string(sealed.begin(), sealed.end()));
        }
    };
    const unsigned n = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < n; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();

    std::size_t skipped = 0;
    for (const auto& p : problems) {
        if (p.empty()) continue;
        ++skipped;
        std::fprintf(stderr, "%s\n", p.c_str());
    }
    std::printf("%zu orders published to %s (lookup by order number + %s)%s\n", imported.orders.size() - skipped,
                out_dir.c_str(), to_string(*kind), skipped ? ", some skipped (see above)" : "");
    return skipped ? 1 : 0;
}

}  // namespace retour::tools
