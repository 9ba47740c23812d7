#pragma once
// Reading the merchant's secret key file (written by `retour keygen --out-dir`).
#include "core/crypto.h"
#include <string>

namespace retour::tools {

// The 64-byte signing key from a file holding base64(url) of the 32-byte seed or the
// 64-byte key. Warns on stderr when others may read the file. Throws runtime_error.
crypto::Bytes read_secret_key(const std::string& path);

}  // namespace retour::tools
