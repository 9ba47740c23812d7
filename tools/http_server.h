#pragma once
// The HTTP server of `retour hook`, `serve` and `demo`: libmicrohttpd (event-driven,
// epoll, a small thread pool) as thin glue around one Route, HookRequest → HookResponse.
// What it handles for every route, so a hostile or unlucky client cannot starve others:
//   [X] slow clients: a request (headers and body) must arrive within `read_deadline_s`
//       of the connection being ready for it, else the connection is closed; a
//       connection silent for `idle_timeout_s` (keep-alive, or not reading our answer) too
//   [X] connections per client address (`max_connections_per_ip`) and overall
//   [X] bodies over `max_body_bytes` refused with 413 before they are read
//   [X] X-Forwarded-For from trusted proxies only (client_address.h) → HookRequest::remote_ip
//   [X] one log line per request on stderr; a route that throws answers 500
//   [X] SIGINT/SIGTERM: stop accepting, let requests in flight finish, then return
//   [ ] per-address connection caps behind a proxy (the proxy's address is what connects;
//       the route's rate limit sees the forwarded client)
//   [ ] TLS: put a proxy in front (docs/webhook.md)
#include <functional>
#include <memory>
#include <string>

#include "tools/client_address.h"
#include "tools/http_message.h"

namespace retour::tools {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port
    std::size_t max_body_bytes = 64 * 1024;
    double read_deadline_s = 10;
    unsigned idle_timeout_s = 30;
    unsigned max_connections = 1000;        // lowered to what the open-file limit allows
    unsigned max_connections_per_ip = 32;   // 0: no cap
    unsigned threads = 8;  // each serves its connections in turn: a request waiting for the database holds its thread
    bool log_requests = true;  // the per-request line on stderr
    TrustedProxies trusted_proxies;
};

using Route = std::function<HookResponse(const HookRequest&)>;

class HttpServer {
public:
    // Binds at once (throws std::runtime_error "cannot listen on HOST:PORT: …").
    HttpServer(ServerOptions options, Route route);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    int port() const;
    // Serves until SIGINT or SIGTERM; `ready` runs once connections are accepted (print
    // "listening" there). Requests in flight are finished before it returns.
    void serve_until_signal(const std::function<void()>& ready);

    struct State;

private:
    std::unique_ptr<State> state_;
};

}  // namespace retour::tools
