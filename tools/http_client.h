#pragma once
// Outgoing HTTP for the receiver (forwarding events; later SMTP goes through the same
// library): libcurl, one easy handle per request, safe to call from several threads.
// No redirects are followed (Standard Webhooks: a 3xx is a failure, fix the URL).
#include <atomic>
#include <string>
#include <vector>

namespace retour::tools {

struct HttpAnswer {
    int status = 0;           // 0 = no answer: refused, reset, timed out, TLS failure
    std::string retry_after;  // the Retry-After header, if any
    std::string body;         // the first 1000 bytes
    std::string error;        // why there was no answer (libcurl's message)
    double seconds = 0;       // how long the attempt took
};

// POSTs `body` with `headers` ("name: value"); the whole attempt (connect, send,
// answer) is cut off after `timeout_ms`, or as soon as `*cancel` becomes true
// (a receiver shutting down does not wait for a slow endpoint).
HttpAnswer http_post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                     long timeout_ms, const std::atomic<bool>* cancel = nullptr);

// Empty when `url` can receive events: http(s) with a host, no user:password inside
// (secrets belong in files); plain http only to this machine (127.0.0.1, ::1,
// localhost), because the events carry shopper data. Else what is wrong, for a person.
std::string endpoint_url_problem(const std::string& url);

}  // namespace retour::tools
