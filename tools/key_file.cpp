#include "tools/key_file.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/base64url.h"
#include "core/token.h"
#include "core/trim.h"
#include "tools/file_io.h"

namespace retour::tools {

namespace {

std::runtime_error not_a_secret_key(const std::string& path, const std::string& what) {
    return std::runtime_error(path + " " + what +
                              ", but a secret key is needed here (the retour.key file `retour keygen --out-dir keys`"
                              " wrote, not retour.pub)");
}

// A 32-byte public key and a 32-byte seed look alike; a public key is recognised as
// the public half of a secret key file in the same folder (keygen writes them side by side).
std::optional<std::string> secret_key_file_owning(const std::string& path, const crypto::Bytes& candidate) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
    int looked = 0;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (++looked > 200) break;  // a key folder is small; do not scan a whole home directory
        std::error_code e2;
        if (!entry.is_regular_file(e2) || entry.file_size(e2) > 512 || fs::equivalent(entry.path(), path, e2)) continue;
        std::string text;
        try {
            text = std::string(trim(read_file(entry.path().string())));
        } catch (const std::exception&) {
            continue;
        }
        const DecodedKey other = decode_secret_key(text);
        if (!other.ok()) continue;
        if (crypto::ed25519_public_key_of(other.key) == candidate) return entry.path().string();
    }
    return std::nullopt;
}

}  // namespace

crypto::Bytes read_secret_key(const std::string& path, const Policy* policy, const std::string& policy_path) {
    const std::string text = std::string(trim(read_file(path)));
    if (path.size() > 4 && path.compare(path.size() - 4, 4, ".pub") == 0)
        throw not_a_secret_key(path, "is a public key file (.pub)");
    const DecodedKey key = decode_secret_key(text);
    if (!key.ok()) throw std::runtime_error(path + ": " + key.error + " (expected the secret key from `retour keygen`)");
    const DecodedKey as_public = decode_public_key(text);
    if (as_public.ok()) {
        if (policy && std::equal(as_public.key.begin(), as_public.key.end(), policy->public_key_bytes.begin()))
            throw not_a_secret_key(path, "holds the public_key of " + policy_path);
        if (auto owner = secret_key_file_owning(path, as_public.key))
            throw not_a_secret_key(path, "holds the public key of " + *owner);
        // keygen writes the 64-byte form now, so 32 bytes is an older seed or a public
        // key; without a policy nothing can tell which, so say so rather than sign blind.
        if (!policy)
            std::fprintf(stderr,
                         "warning: %s holds 32 bytes: read as the seed an older `retour keygen` wrote, but a public "
                         "key looks the same. Pass --policy to check it, or make a new pair with `retour keygen` "
                         "(its 64-byte secret key cannot be mistaken for a public key).\n",
                         path.c_str());
    }
    if (policy) {
        const crypto::Bytes mine = *crypto::ed25519_public_key_of(key.key);
        if (!std::equal(mine.begin(), mine.end(), policy->public_key_bytes.begin()))
            throw std::runtime_error(path + " does not belong to the public_key in " + policy_path + " (its public key is " +
                                     base64url_encode(mine) + ", the policy has " + policy->public_key +
                                     "): links and orders signed with it would be refused. Use the matching key, "
                                     "or put this key's public key in the policy.");
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077))
        std::fprintf(stderr, "warning: %s can be read by other users (chmod 600 it)\n", path.c_str());
    return key.key;
}

crypto::Bytes read_secret_key_option(const Args& args) {
    const auto policy_path = args.get("policy");
    if (!policy_path) return read_secret_key(args.require("key"));
    Parsed<Policy> policy = parse_policy_text(read_file(*policy_path));
    if (!policy.ok()) {
        for (const auto& e : policy.errors) std::fprintf(stderr, "%s: %s\n", policy_path->c_str(), e.text().c_str());
        throw std::runtime_error(*policy_path + " is not a valid policy (see retour check-policy)");
    }
    return read_secret_key(args.require("key"), &*policy.value, *policy_path);
}

}  // namespace retour::tools
