// `retour keygen`: a new Ed25519 key pair for signing order links. The public key goes
// into the policy; the secret key stays with the merchant (sign-order, publish-orders).
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/base64url.h"
#include "core/crypto.h"
#include "tools/commands.h"
#include "tools/file_io.h"

namespace retour::tools {

int cmd_keygen(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"out-dir"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument " + args.positional().front()};
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");

    // The seed is the whole secret: the core derives the key pair from it.
    crypto::Bytes seed(crypto::kSeedSize);
    randombytes_buf(seed.data(), seed.size());
    const crypto::KeyPair kp = crypto::ed25519_keypair_from_seed(seed);
    sodium_memzero(seed.data(), seed.size());
    const std::string public_key = base64url_encode(kp.public_key);
    // Stored as libsodium's 64-byte form (seed ‖ public key): unlike a bare 32-byte seed
    // it cannot be mistaken for a public key, and a damaged half is detected on reading.
    const std::string secret_key = base64url_encode(kp.secret_key);

    if (auto dir = args.get("out-dir")) {
        std::filesystem::create_directories(*dir);
        const std::string sk_path = *dir + "/retour.key", pk_path = *dir + "/retour.pub";
        write_new_private_file(sk_path, secret_key + "\n");
        write_file(pk_path, public_key + "\n");
        std::printf("secret key: %s (mode 0600; keep it out of the web folder)\n", sk_path.c_str());
        std::printf("public key: %s\n", pk_path.c_str());
    } else {
        std::printf("secret_key: %s\n", secret_key.c_str());
    }
    std::printf("public_key: %s\n\nPut this in the policy:\n  \"public_key\": \"%s\"\n", public_key.c_str(),
                public_key.c_str());
    return 0;
}

}  // namespace retour::tools
