#pragma once
// What the portal asks of the page it runs in, besides input and drawing: one small
// interface with two implementations, in the spirit of tracy's Backend.hpp.
//   platform_web.cpp              the browser (every call goes to wasm/web_library.js)
//   tests/portal/fake_platform.*  native tests: a manual clock, in-memory storage,
//                                 recorded requests answered by the test
// Thin: every decision stays in the core and the app; these only move bytes.
//
//  [X] HTTP GET/POST with timeout; bytes in, bytes out; the answer arrives later, never inside the call
//  [X] storage (localStorage, scoped per portal); a refused write is reported, not thrown
//  [X] file download, and a PDF opened for printing
//  [X] clock (UTC ms), cryptographic randomness, one-shot timers, frames to draw
//  [X] online/offline, and the page: language, #hash, ?query, mount options, history, links
//  [X] DOM events for the host page ("retour:<name>")
//  [ ] background sync while the page is closed (the outbox resends on the next visit)
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace retour::web {

struct HttpResponse {
    int status = 0;       // 0: no answer (offline, DNS, CORS, timeout)
    std::string body;     // raw bytes
    std::string error;    // for status 0: what went wrong, in words
    std::int64_t retry_after_ms = 0;  // from a Retry-After header, if any
};
using HttpCallback = std::function<void(const HttpResponse&)>;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET", url;  // url may be relative to the page
    Headers headers;
    std::optional<std::string> body;
    int timeout_ms = 15000;
};

// What the page tells about itself (page()).
enum class PageValue { language, hash, query, option };
// History entries of the portal keep the page's address; their state is a JSON object.
enum class HistoryOp { push, replace, back };

class Platform {
public:
    virtual ~Platform() = default;
    virtual void http(const HttpRequest& request, HttpCallback done) = 0;
    virtual std::optional<std::string> storage_get(const std::string& key) = 0;
    virtual bool storage_set(const std::string& key, const std::string& value) = 0;
    virtual void storage_remove(const std::string& key) = 0;
    // `print`: open the file in the browser's viewer instead of saving it.
    virtual void download(const std::string& filename, const std::string& mime, const std::string& bytes,
                          bool print) = 0;
    virtual std::int64_t now_ms() = 0;  // UTC, milliseconds since 1970
    virtual void random_bytes(unsigned char* out, int n) = 0;
    virtual void after(int ms, std::function<void()> f) = 0;  // once, later
    virtual void request_frames(int count) = 0;  // the screen has changed: draw it
    virtual bool online() = 0;
    virtual void on_online(std::function<void()> f) = 0;  // each time the page comes back online
    // navigator.language, location.hash without '#', search without '?', a mount option ("" if unset).
    virtual std::string page(PageValue what, const std::string& name = "") = 0;
    virtual std::string history_state() = 0;  // the current entry's portal state, "" when none
    virtual void history(HistoryOp op, const std::string& state_json) = 0;
    // popstate (with the entry's portal state, "" for an entry the portal did not make) and hashchange.
    virtual void on_history(std::function<void(const std::string& state_json)> f) = 0;
    virtual void on_hash_change(std::function<void()> f) = 0;
    virtual void open_link(const std::string& url) = 0;  // mailto:, tel:, or a web page in a new tab
    virtual void emit(const std::string& name, const std::string& detail_json) = 0;

    // Shorthands built on the calls above.
    void http_get(const std::string& url, HttpCallback done, int timeout_ms = 15000);
    void http_post(const std::string& url, const Headers& headers, const std::string& body, HttpCallback done);
    std::string random_hex(int bytes);
    std::string request_id();  // a fresh id of the core's scheme (request_id.h)
    double random_unit();  // [0, 1), for backoff jitter
};

}  // namespace retour::web
