#include "core/request_id.h"

namespace retour {

bool valid_request_id(std::string_view id) {
    if (id.size() < 8 || id.size() > 128) return false;
    for (char c : id) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

std::string make_request_id(const std::array<std::uint8_t, kRequestIdRandomBytes>& random) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string id = "req_";
    for (std::uint8_t b : random) {
        id += kDigits[b >> 4];
        id += kDigits[b & 15];
    }
    return id;
}

}  // namespace retour
