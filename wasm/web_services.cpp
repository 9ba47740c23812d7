#include "wasm/web_services.h"

#include <emscripten/em_macros.h>
#include <emscripten/eventloop.h>

#include <cstdlib>
#include <map>

#include "wasm/web_platform.h"

// The JavaScript halves live in wasm/web_library.js (linked with --js-library).
// Strings they hand back are malloc'd UTF-8 that take() frees.
extern "C" {
char* retour_js_string(int which, const char* arg);
int retour_js_storage_set(const char* key, const char* value);
void retour_js_storage_remove(const char* key);
double retour_js_now_ms();
void retour_js_random_bytes(unsigned char* out, int n);
int retour_js_online();
void retour_js_listen_online();
void retour_js_fetch(int id, const char* method, const char* url, const char* headers_json, const char* body,
                     int body_len, int timeout_ms);
void retour_js_download(const char* name, const char* mime, const unsigned char* bytes, int n, int open_only);
void retour_js_emit(const char* name, const char* detail_json);
void retour_js_history(int op, const char* state_json);
void retour_js_listen_history();
void retour_js_open_link(const char* url);
}

namespace retour::web {

namespace {

std::string take(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

std::map<int, HttpCallback>& pending_requests() {
    static std::map<int, HttpCallback> m;
    return m;
}

std::vector<std::function<void()>>& online_listeners() {
    static std::vector<std::function<void()>> v;
    return v;
}

std::function<void(const std::string&)>& history_listener() {
    static std::function<void(const std::string&)> f;
    return f;
}

std::function<void()>& hash_listener() {
    static std::function<void()> f;
    return f;
}

void listen_history_once() {
    static bool listening = false;
    if (!listening) retour_js_listen_history();
    listening = true;
}

std::string headers_json(const Headers& headers) {
    // Minimal JSON string escaping: header names and values are ASCII by HTTP's rules.
    std::string out = "{";
    for (const auto& [k, v] : headers) {
        if (out.size() > 1) out += ',';
        for (const std::string* s : {&k, &v}) {
            out += '"';
            for (char c : *s) {
                if (c == '"' || c == '\\') out += '\\';
                if (static_cast<unsigned char>(c) >= 0x20) out += c;
            }
            out += '"';
            if (s == &k) out += ':';
        }
    }
    return out + "}";
}

void start_fetch(const char* method, const std::string& url, const Headers& headers, const std::string* body,
                 HttpCallback done, int timeout_ms) {
    static int next_id = 1;
    const int id = next_id++;
    pending_requests()[id] = std::move(done);
    retour_js_fetch(id, method, url.c_str(), headers_json(headers).c_str(), body ? body->data() : nullptr,
              body ? static_cast<int>(body->size()) : -1, timeout_ms);
}

}  // namespace

void http_get(const std::string& url, HttpCallback done, int timeout_ms) {
    start_fetch("GET", url, {}, nullptr, std::move(done), timeout_ms);
}

void http_post(const std::string& url, const Headers& headers, const std::string& body, HttpCallback done,
               int timeout_ms) {
    start_fetch("POST", url, headers, &body, std::move(done), timeout_ms);
}

std::optional<std::string> storage_get(const std::string& key) {
    char* p = retour_js_string(5, key.c_str());
    if (!p) return std::nullopt;
    return take(p);
}

bool storage_set(const std::string& key, const std::string& value) {
    return retour_js_storage_set(key.c_str(), value.c_str()) != 0;
}

void storage_remove(const std::string& key) { retour_js_storage_remove(key.c_str()); }

void download(const std::string& filename, const std::string& mime, const std::string& bytes) {
    retour_js_download(filename.c_str(), mime.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<int>(bytes.size()), 0);
}

void open_pdf(const std::string& bytes) {
    retour_js_download("label.pdf", "application/pdf", reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<int>(bytes.size()), 1);
}

std::int64_t now_ms() { return static_cast<std::int64_t>(retour_js_now_ms()); }
std::string now_iso8601() { return take(retour_js_string(6, nullptr)); }

std::string random_hex(int bytes) {
    std::string raw(static_cast<size_t>(bytes), '\0');
    retour_js_random_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : raw) {
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    return hex;
}

double random_unit() {
    std::uint32_t v = 0;
    retour_js_random_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v);
    return v / 4294967296.0;
}

bool online() { return retour_js_online() != 0; }

void on_online(std::function<void()> f) {
    if (online_listeners().empty()) retour_js_listen_online();
    online_listeners().push_back(std::move(f));
}

void after(int ms, std::function<void()> f) {
    auto* heap = new std::function<void()>(std::move(f));
    emscripten_set_timeout(
        [](void* p) {
            auto* fn = static_cast<std::function<void()>*>(p);
            (*fn)();
            delete fn;
            request_frames(2);
        },
        ms, heap);
}

std::string browser_language() { return take(retour_js_string(0, nullptr)); }
std::string location_hash() { return take(retour_js_string(1, nullptr)); }
std::string location_query() { return take(retour_js_string(2, nullptr)); }
std::string portal_base_url() { return take(retour_js_string(3, nullptr)); }
std::string option(const std::string& name) { return take(retour_js_string(4, name.c_str())); }

std::string history_state() { return take(retour_js_string(7, nullptr)); }
void history_push(const std::string& state_json) { retour_js_history(0, state_json.c_str()); }
void history_replace(const std::string& state_json) { retour_js_history(1, state_json.c_str()); }
void history_back() { retour_js_history(2, ""); }

void on_history(std::function<void(const std::string&)> f) {
    history_listener() = std::move(f);
    listen_history_once();
}

void on_hash_change(std::function<void()> f) {
    hash_listener() = std::move(f);
    listen_history_once();
}

void open_link(const std::string& url) { retour_js_open_link(url.c_str()); }

void emit_event(const std::string& name, const std::string& detail_json) {
    retour_js_emit(name.c_str(), detail_json.c_str());
}

}  // namespace retour::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void retour_http_done(int id, int status, char* body, int body_len, char* error,
                                           double retry_after_ms) {
    auto& pending = retour::web::pending_requests();
    auto it = pending.find(id);
    retour::web::HttpResponse r;
    r.status = status;
    r.body.assign(body, static_cast<size_t>(body_len));
    r.error = error;
    r.retry_after_ms = static_cast<std::int64_t>(retry_after_ms);
    std::free(body);
    std::free(error);
    if (it == pending.end()) return;
    auto done = std::move(it->second);
    pending.erase(it);
    done(r);
    retour::web::request_frames(2);
}

EMSCRIPTEN_KEEPALIVE void retour_history_changed(const char* state_json) {
    if (auto& f = retour::web::history_listener()) f(state_json ? state_json : "");
    retour::web::request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void retour_hash_changed() {
    if (auto& f = retour::web::hash_listener()) f();
    retour::web::request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void retour_online_changed(int is_online) {
    if (is_online)
        for (auto& f : retour::web::online_listeners()) f();
    retour::web::request_frames(2);
}

}  // extern "C"
