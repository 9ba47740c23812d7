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
    Args args(argc, argv, {"skip-invalid", "dry-run"});
    args.allow_only({"out", "key", "identifier", "policy", "skip-invalid", "dry-run"});
    // Without it one bad order stops everything: nothing half-published by accident.
    const bool skip_invalid = args.has("skip-invalid");
    if (args.positional().size() != 1) throw UsageError{"expected one orders.json or orders.csv"};
    const std::string input = args.positional().front();
    if (args.has("dry-run")) {
        // Check an export before publishing: the orders as they would be signed, one
        // canonical JSON per line; no key needed, nothing written.
        const std::string text = read_file(input);
        ImportResult imported = ends_with(input, ".csv") ? import_shopify_csv(text, input) : import_orders_json(text, input);
        for (const auto& e : imported.errors) std::fprintf(stderr, "%s\n", e.c_str());
        for (const auto& o : imported.orders) std::printf("%s\n", canonical_json(o.order).c_str());
        return imported.errors.empty() ? 0 : 1;
    }
    const std::string out_dir = args.require("out");
    const auto kind = parse_lookup_identifier(args.get_or("identifier", "email"));
    if (!kind) throw UsageError{"--identifier expects email or postcode"};
    // Files hold signed tokens, so the portal and the receiver verify them like links.
    const crypto::Bytes secret_key = read_secret_key_option(args);
    const crypto::Bytes public_key = *crypto::ed25519_public_key_of(secret_key);

    const std::string text = read_file(input);
    ImportResult imported = ends_with(input, ".csv") ? import_shopify_csv(text, input) : import_orders_json(text, input);
    for (const auto& e : imported.errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (!imported.errors.empty() && !skip_invalid) {
        std::fprintf(stderr,
                     "retour publish-orders: nothing written (%zu problems in %zu orders; fix them, or publish the "
                     "valid orders only with --skip-invalid)\n",
                     imported.errors.size(), imported.invalid);
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
    if (imported.invalid)
        std::fprintf(stderr, "retour publish-orders: %zu invalid orders left out (--skip-invalid; see above)\n", imported.invalid);
    return skipped ? 1 : 0;
}

}  // namespace retour::tools
