#pragma once
// What the browser offers the app besides input and drawing: network, storage,
// files, the clock, randomness, the page's address and language. Thin wrappers:
// every decision stays in the core; these only move bytes in and out.
//
//  [X] HTTP GET/POST with timeout (fetch); bytes in, bytes out
//  [X] localStorage (drafts, outbox); failures (private mode, quota) reported, not thrown
//  [X] file download and print of generated labels
//  [X] clock (UTC), cryptographic randomness, online/offline events, timers
//  [X] page address (hash, query, folder the portal lives in) and navigator.language
//  [X] browser history: the portal's steps as entries (Back/Forward, Android Back), hashchange
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

// `url` may be relative to the page. The callback runs later, never inside the call;
// a frame is requested after it so the screen shows the result.
void http_get(const std::string& url, HttpCallback done, int timeout_ms = 15000);
void http_post(const std::string& url, const Headers& headers, const std::string& body, HttpCallback done,
               int timeout_ms = 15000);

// localStorage, scoped by a prefix per portal. storage_set returns false when the
// browser refused (quota, storage disabled).
std::optional<std::string> storage_get(const std::string& key);
bool storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// Hands `bytes` to the browser as a file download.
void download(const std::string& filename, const std::string& mime, const std::string& bytes);
// Opens the PDF in the browser's viewer so the shopper can print it.
void open_pdf(const std::string& bytes);

std::int64_t now_ms();            // UTC, milliseconds since 1970
std::string now_iso8601();        // "2026-11-23T09:41:07Z"
std::string random_hex(int bytes);  // crypto.getRandomValues
double random_unit();             // [0, 1), crypto quality, for backoff jitter

bool online();
// Runs `f` whenever the browser comes back online (after a frame is requested).
void on_online(std::function<void()> f);
// Runs `f` once after `ms` milliseconds.
void after(int ms, std::function<void()> f);

std::string browser_language();   // navigator.language, e.g. "de-DE"
std::string location_hash();      // without '#'
std::string location_query();     // without '?'
std::string portal_base_url();    // the folder the portal's files live in, ends in '/'
std::string option(const std::string& name);  // Retour.mount options / element attributes ("" if unset)

// Browser history. The portal's entries keep the page's address (pushState without a
// URL) and carry the app's state under history.state.retour (the host page's own
// state is kept beside it). `state_json` is a JSON object.
std::string history_state();  // the current entry's portal state, "" when it has none
void history_push(const std::string& state_json);
void history_replace(const std::string& state_json);
void history_back();
// Runs `f` with the entry's portal state ("" for an entry the portal did not make)
// when the shopper goes back or forward (popstate).
void on_history(std::function<void(const std::string& state_json)> f);
// Runs `f` when the page's #hash changes (a new link opened in the same tab).
void on_hash_change(std::function<void()> f);
// Opens a mailto:, tel: or web link (a new tab for web pages).
void open_link(const std::string& url);

// Tells the host page (a DOM CustomEvent "retour:<name>" on the portal element).
void emit_event(const std::string& name, const std::string& detail_json);

}  // namespace retour::web
