#include "wasm/platform.h"

#include "core/request_id.h"

namespace retour::web {

void Platform::http_get(const std::string& url, HttpCallback done, int timeout_ms) {
    HttpRequest r;
    r.url = url;
    r.timeout_ms = timeout_ms;
    http(r, std::move(done));
}

void Platform::http_post(const std::string& url, const Headers& headers, const std::string& body,
                         HttpCallback done) {
    HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.headers = headers;
    r.body = body;
    http(r, std::move(done));
}

std::string Platform::random_hex(int bytes) {
    std::string raw(static_cast<size_t>(bytes), '\0');
    random_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : raw) {
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    return hex;
}

double Platform::random_unit() {
    unsigned char b[4];
    random_bytes(b, 4);
    const std::uint32_t v = (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
    return v / 4294967296.0;
}

std::string Platform::request_id() {
    std::array<std::uint8_t, kRequestIdRandomBytes> bytes{};
    random_bytes(bytes.data(), static_cast<int>(bytes.size()));
    return make_request_id(bytes);
}

}  // namespace retour::web
