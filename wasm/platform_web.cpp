#include "wasm/platform_web.h"

#include <emscripten/em_macros.h>
#include <emscripten/eventloop.h>

#include <cstdlib>
#include <map>

#include "wasm/web_platform.h"

// The JavaScript halves live in wasm/web_library.js. Strings they hand back are
// malloc'd UTF-8 that take() frees.
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

// retour_js_string's `which`: the PageValues first, then these.
constexpr int kStringStorage = 4, kStringHistory = 5;

std::string take(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

// What the JS callbacks come back to (the browser has one page, so one of each).
struct Listeners {
    std::map<int, HttpCallback> requests;
    int next_request = 1;
    std::vector<std::function<void()>> online;
    std::function<void(const std::string&)> history;
    std::function<void()> hash;
    bool listening_history = false;
};
Listeners g_listeners;

void listen_history_once() {
    if (!g_listeners.listening_history) retour_js_listen_history();
    g_listeners.listening_history = true;
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

}  // namespace

void WebPlatform::http(const HttpRequest& r, HttpCallback done) {
    const int id = g_listeners.next_request++;
    g_listeners.requests[id] = std::move(done);
    retour_js_fetch(id, r.method.c_str(), r.url.c_str(), headers_json(r.headers).c_str(),
                    r.body ? r.body->data() : nullptr, r.body ? static_cast<int>(r.body->size()) : -1, r.timeout_ms);
}

std::optional<std::string> WebPlatform::storage_get(const std::string& key) {
    char* p = retour_js_string(kStringStorage, key.c_str());
    if (!p) return std::nullopt;
    return take(p);
}

bool WebPlatform::storage_set(const std::string& key, const std::string& value) {
    return retour_js_storage_set(key.c_str(), value.c_str()) != 0;
}

void WebPlatform::storage_remove(const std::string& key) { retour_js_storage_remove(key.c_str()); }

void WebPlatform::download(const std::string& filename, const std::string& mime, const std::string& bytes,
                           bool print) {
    retour_js_download(filename.c_str(), mime.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       static_cast<int>(bytes.size()), print ? 1 : 0);
}

std::int64_t WebPlatform::now_ms() { return static_cast<std::int64_t>(retour_js_now_ms()); }

void WebPlatform::random_bytes(unsigned char* out, int n) { retour_js_random_bytes(out, n); }

void WebPlatform::after(int ms, std::function<void()> f) {
    auto* heap = new std::function<void()>(std::move(f));
    emscripten_set_timeout(
        [](void* p) {
            auto* fn = static_cast<std::function<void()>*>(p);
            (*fn)();
            delete fn;
            web::request_frames(2);
        },
        ms, heap);
}

void WebPlatform::request_frames(int count) { web::request_frames(count); }

bool WebPlatform::online() { return retour_js_online() != 0; }

void WebPlatform::on_online(std::function<void()> f) {
    if (g_listeners.online.empty()) retour_js_listen_online();
    g_listeners.online.push_back(std::move(f));
}

std::string WebPlatform::page(PageValue what, const std::string& name) {
    return take(retour_js_string(static_cast<int>(what), name.c_str()));
}

std::string WebPlatform::history_state() { return take(retour_js_string(kStringHistory, nullptr)); }

void WebPlatform::history(HistoryOp op, const std::string& state_json) {
    retour_js_history(static_cast<int>(op), state_json.c_str());
}

void WebPlatform::on_history(std::function<void(const std::string&)> f) {
    g_listeners.history = std::move(f);
    listen_history_once();
}

void WebPlatform::on_hash_change(std::function<void()> f) {
    g_listeners.hash = std::move(f);
    listen_history_once();
}

void WebPlatform::open_link(const std::string& url) { retour_js_open_link(url.c_str()); }

void WebPlatform::emit(const std::string& name, const std::string& detail_json) {
    retour_js_emit(name.c_str(), detail_json.c_str());
}

}  // namespace retour::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void retour_http_done(int id, int status, char* body, int body_len, char* error,
                                           double retry_after_ms) {
    auto& pending = retour::web::g_listeners.requests;
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
    if (auto& f = retour::web::g_listeners.history) f(state_json ? state_json : "");
    retour::web::request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void retour_hash_changed() {
    if (auto& f = retour::web::g_listeners.hash) f();
    retour::web::request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void retour_online_changed(int is_online) {
    if (is_online)
        for (auto& f : retour::web::g_listeners.online) f();
    retour::web::request_frames(2);
}

}  // extern "C"
