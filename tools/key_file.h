#pragma once
// Reading the merchant's secret key file (written by `retour keygen --out-dir`), with
// the checks that catch the usual mix-ups before anything is signed: the public key
// (retour.pub) given where the secret key belongs, and a key that is not the one the
// policy's `public_key` belongs to (everything signed with it would be refused).
#include <string>

#include "core/crypto.h"
#include "core/policy.h"
#include "tools/args.h"

namespace retour::tools {

// The 64-byte signing key from a file holding base64(url) of the 32-byte seed or the
// 64-byte key. Warns on stderr when others may read the file, and when a 32-byte key
// is read with no policy to check it against. Throws runtime_error
// naming the file and what was expected when it holds a public key (a `.pub` file, the
// public half of a key file beside it, or the policy's own `public_key`) or, with a
// policy, when its public half is not the policy's `public_key`.
crypto::Bytes read_secret_key(const std::string& path, const Policy* policy = nullptr,
                              const std::string& policy_path = "");

// The key named by --key; when --policy is given too, checked against it.
crypto::Bytes read_secret_key_option(const Args& args);

}  // namespace retour::tools
