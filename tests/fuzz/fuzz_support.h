#pragma once
// Shared pieces of the fuzz targets: fixture loading (RETOUR_FIXTURES), the test
// shop's key (seed 0x11 × 32, as in tests/fixtures/receiver), and `require`, which
// aborts with a message when an invariant breaks so libFuzzer saves the input.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "core/json_error.h"

namespace retour::fuzz {

inline std::string read_fixture(const std::string& relative) {
    std::ifstream in(std::string(RETOUR_FIXTURES) + "/" + relative, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz: cannot read fixture %s\n", relative.c_str());
        std::abort();
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

[[noreturn]] inline void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n%s\n", what, detail.c_str());
    std::abort();
}

inline void require(bool ok, const char* what, const std::string& detail = {}) {
    if (!ok) fail(what, detail);
}

// Every error says where and what: a pointer ("" is the document) and a message.
inline void require_explained(const FieldErrors& errors, const char* what) {
    require(!errors.empty(), what, "rejected without any error");
    for (const auto& e : errors) {
        require(!e.message.empty(), what, "an error without a message at '" + e.pointer + "'");
        require(e.pointer.empty() || e.pointer[0] == '/', what, "pointer does not start with '/': " + e.pointer);
    }
}

inline const crypto::KeyPair& shop_key() {
    static const crypto::KeyPair key = crypto::ed25519_keypair_from_seed(crypto::Bytes(32, 0x11));
    return key;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace retour::fuzz
