#include "tools/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "tools/listen.h"

namespace retour::tools {

namespace {

double monotonic_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Log lines quote the client (a path, an address a proxy named): control bytes would
// let it forge lines.
std::string printable(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return text;
}

std::string address_text(const sockaddr* addr) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(addr)->sin_addr, buf, sizeof(buf));
    else if (addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr, buf, sizeof(buf));
    const auto ip = parse_ip(buf);  // ::ffff:a.b.c.d → a.b.c.d
    return ip ? ip->text() : std::string(buf);
}

// One TCP connection. `reading`: a request is expected and must be complete by `deadline`.
struct Conn {
    int fd = -1;
    std::string peer;
    bool counted = false;  // in State::per_ip
    bool reading = true;
    bool shut = false;
    double deadline = 0;
};

// One request being read: its body so far.
struct Pending {
    std::string body;
    bool too_large = false;
};

}  // namespace

struct HttpServer::State {
    ServerOptions options;
    Route route;
    int listen_fd = -1;
    int port = 0;
    MHD_Daemon* daemon = nullptr;
    sigset_t stop_signals{};

    std::mutex mutex;  // guards what follows
    std::set<Conn*> conns;
    std::unordered_map<std::string, unsigned> per_ip;
    std::map<std::string, unsigned> refused;  // connections over the per-address cap, logged once a second
    bool stopping = false;
    std::condition_variable wake;
    std::thread sweeper;
    std::atomic<int> in_flight{0};

    bool trusted(const std::string& peer) const {
        const auto ip = parse_ip(peer);
        return ip && options.trusted_proxies.contains(*ip);
    }
    void sweep();
    HookResponse answer(MHD_Connection* c, const std::string& method, const std::string& path, Pending& p);
};

namespace {

using State = HttpServer::State;

Conn* conn_of(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<Conn*>(info->socket_context) : nullptr;
}

// Counted when MHD reports the connection started (below), so a burst of connections
// accepted by several threads at once may pass the cap by a few.
MHD_Result on_accept(void* cls, const sockaddr* addr, socklen_t) {
    State& s = *static_cast<State*>(cls);
    if (s.options.max_connections_per_ip == 0) return MHD_YES;
    const std::string peer = address_text(addr);
    if (s.trusted(peer)) return MHD_YES;  // a proxy carries many clients
    std::lock_guard<std::mutex> lock(s.mutex);
    auto it = s.per_ip.find(peer);
    if (it == s.per_ip.end() || it->second < s.options.max_connections_per_ip) return MHD_YES;
    if (s.refused.size() < 1000) ++s.refused[peer];
    return MHD_NO;
}

void on_connection(void* cls, MHD_Connection* c, void** socket_context, MHD_ConnectionNotificationCode code) {
    State& s = *static_cast<State*>(cls);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        auto* conn = new Conn;
        const MHD_ConnectionInfo* fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        const MHD_ConnectionInfo* addr = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        conn->fd = fd ? fd->connect_fd : -1;
        conn->peer = addr ? address_text(addr->client_addr) : "?";
        conn->deadline = monotonic_s() + s.options.read_deadline_s;
        // Answers are written in pieces; without this Nagle holds the last one until the
        // client's delayed ACK, ~40 ms per answer.
        int yes = 1;
        if (conn->fd >= 0) setsockopt(conn->fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        conn->counted = !s.trusted(conn->peer);
        std::lock_guard<std::mutex> lock(s.mutex);
        s.conns.insert(conn);
        if (conn->counted) ++s.per_ip[conn->peer];
        *socket_context = conn;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        // MHD closes the descriptor only after this returns (its cleanup notifies first),
        // so the sweeper (same mutex) never shuts down a number the kernel has since
        // given to another connection.
        auto* conn = static_cast<Conn*>(*socket_context);
        if (!conn) return;
        std::lock_guard<std::mutex> lock(s.mutex);
        s.conns.erase(conn);
        if (conn->counted) {
            auto it = s.per_ip.find(conn->peer);
            if (it != s.per_ip.end() && --it->second == 0) s.per_ip.erase(it);
        }
        delete conn;
        *socket_context = nullptr;
    }
}

void on_completed(void* cls, MHD_Connection* c, void** req_cls, MHD_RequestTerminationCode) {
    State& s = *static_cast<State*>(cls);
    if (*req_cls) {
        delete static_cast<Pending*>(*req_cls);
        *req_cls = nullptr;
        --s.in_flight;
    }
    if (Conn* conn = conn_of(c)) {  // keep-alive: the next request has its own deadline
        std::lock_guard<std::mutex> lock(s.mutex);
        conn->reading = true;
        conn->deadline = monotonic_s() + s.options.read_deadline_s;
    }
}

MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto& headers = *static_cast<std::map<std::string, std::string>*>(cls);
    std::string name = key ? key : "";
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::string v = value ? value : "";
    auto [it, fresh] = headers.emplace(name, v);  // first value wins…
    if (!fresh && name == "x-forwarded-for") it->second += "," + v;  // …but every proxy hop counts
    return MHD_YES;
}

MHD_Result send(MHD_Connection* c, const HookResponse& r) {
    MHD_Response* res =
        MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
    if (!res) return MHD_NO;
    if (!r.body.empty() && !r.content_type.empty()) MHD_add_response_header(res, "Content-Type", r.content_type.c_str());
    for (const auto& [k, v] : r.headers) MHD_add_response_header(res, k.c_str(), v.c_str());
    const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(r.status), res);
    MHD_destroy_response(res);
    return ok;
}

void log_line(const HookRequest& req, const HookResponse& r) {
    const std::string who = req.remote_ip == req.peer_ip ? req.remote_ip : req.remote_ip + " (via " + req.peer_ip + ")";
    const std::string note = printable(r.note);
    std::fprintf(stderr, "%s %s %s -> %d%s%s\n", printable(who).c_str(), printable(req.method).c_str(),
                 printable(req.path).c_str(), r.status, note.empty() ? "" : " ", note.c_str());
    if (!r.advice.empty()) std::fprintf(stderr, "%s\n", printable(r.advice).c_str());
}

MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                      const char* upload_data, size_t* upload_size, void** req_cls) {
    State& s = *static_cast<State*>(cls);
    if (!*req_cls) {  // headers complete; no body read yet
        auto* p = new Pending;
        *req_cls = p;
        ++s.in_flight;
        const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (length && std::strtoull(length, nullptr, 10) > s.options.max_body_bytes) {
            // Answered before the body is read; MHD then closes the connection.
            p->too_large = true;
            return send(c, s.answer(c, method, url, *p));
        }
        return MHD_YES;
    }
    auto* p = static_cast<Pending*>(*req_cls);
    if (*upload_size) {  // a piece of the body (chunked bodies have no length up front)
        if (!p->too_large && p->body.size() + *upload_size > s.options.max_body_bytes) p->too_large = true;
        if (p->too_large) p->body.clear();
        else p->body.append(upload_data, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    return send(c, s.answer(c, method, url, *p));
}

}  // namespace

HookResponse State::answer(MHD_Connection* c, const std::string& method, const std::string& path, Pending& p) {
    if (Conn* conn = conn_of(c)) {
        std::lock_guard<std::mutex> lock(mutex);
        conn->reading = false;  // read in time: no deadline while it is answered
    }
    HookRequest req;
    req.method = method;
    req.path = path;
    MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, &req.headers);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_header, &req.query);
    const MHD_ConnectionInfo* addr = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    req.peer_ip = addr ? address_text(addr->client_addr) : "?";
    req.remote_ip = client_address(req.peer_ip, req.header("x-forwarded-for"), options.trusted_proxies);
    req.body = std::move(p.body);
    req.now_unix = static_cast<std::int64_t>(std::time(nullptr));
    req.now_monotonic_s = monotonic_s();
    HookResponse r;
    if (p.too_large) {
        r = HookResponse{413, "application/json",
                         R"({"limit":)" + std::to_string(options.max_body_bytes) + R"(,"status":"rejected","error":"payload_too_large"})",
                         {}, {}, {}};
        r.note = "payload_too_large: over --max-body " + std::to_string(options.max_body_bytes) + " bytes";
    } else {
        try {
            r = route(req);
        } catch (const std::exception& e) {
            // A bug or a broken disk: never a half answer, always a retryable 500.
            std::fprintf(stderr, "retour: %s\n", e.what());
            r = HookResponse{500, "application/json", R"({"status":"error","error":"internal"})", {}, {}, {}};
        }
    }
    if (options.log_requests) log_line(req, r);
    return r;
}

// Closes connections whose request did not arrive by its deadline; summarises refusals.
void State::sweep() {
    double last_report = monotonic_s();
    std::unique_lock<std::mutex> lock(mutex);
    while (!stopping) {
        wake.wait_for(lock, std::chrono::milliseconds(100));
        const double now = monotonic_s();
        unsigned closed = 0;
        std::string example;
        for (Conn* conn : conns) {
            if (!conn->reading || conn->shut || now < conn->deadline || conn->fd < 0) continue;
            // MHD sees the end of the stream and closes the connection in its own thread.
            shutdown(conn->fd, SHUT_RDWR);
            conn->shut = true;
            if (closed++ == 0) example = conn->peer;
        }
        std::map<std::string, unsigned> refused_now;
        if (now - last_report >= 1 && !refused.empty()) {
            refused_now.swap(refused);
            last_report = now;
        }
        if (!closed && refused_now.empty()) continue;
        lock.unlock();
        if (closed)
            std::fprintf(stderr, "closed %u connection%s that sent no complete request within %g s (--read-deadline), from %s%s\n",
                         closed, closed == 1 ? "" : "s", options.read_deadline_s, example.c_str(), closed == 1 ? "" : " and others");
        for (const auto& [peer, n] : refused_now)
            std::fprintf(stderr, "refused %u connection%s from %s: %u open already (--max-conns-per-ip)\n", n,
                         n == 1 ? "" : "s", peer.c_str(), options.max_connections_per_ip);
        lock.lock();
    }
}

HttpServer::HttpServer(ServerOptions options, Route route) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.options = std::move(options);
    s.route = std::move(route);
    const long files = raise_open_file_limit();
    // Room for the database, the listening socket and a little more besides connections.
    const long room = std::max(16L, files - 64);
    if (static_cast<long>(s.options.max_connections) > room) s.options.max_connections = static_cast<unsigned>(room);
    s.listen_fd = listen_exclusive(s.options.host, s.options.port, &s.port);
    fcntl(s.listen_fd, F_SETFL, fcntl(s.listen_fd, F_GETFL) | O_NONBLOCK);  // several threads accept from it

    // Blocked before MHD starts its threads, so they inherit the mask and a stop
    // signal waits for sigwait (serve_until_signal) instead of interrupting a request.
    sigemptyset(&s.stop_signals);
    sigaddset(&s.stop_signals, SIGINT);
    sigaddset(&s.stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &s.stop_signals, nullptr);

    const unsigned threads = std::max(1u, s.options.threads);
    s.daemon = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC, 0, on_accept, &s, on_request, &s,  //
        MHD_OPTION_LISTEN_SOCKET, s.listen_fd,                                          //
        MHD_OPTION_THREAD_POOL_SIZE, threads,                                           //
        MHD_OPTION_CONNECTION_LIMIT, std::max(threads, s.options.max_connections),       //
        MHD_OPTION_CONNECTION_TIMEOUT, s.options.idle_timeout_s,                        //
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(64 * 1024),            // headers; bodies are ours
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, &s,                                //
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s,                                  //
        MHD_OPTION_END);
    if (!s.daemon) {
        close(s.listen_fd);
        throw std::runtime_error("cannot start the HTTP server on " + s.options.host + ":" + std::to_string(s.port));
    }
    s.listen_fd = -1;  // MHD's now
    s.sweeper = std::thread([&s] { s.sweep(); });
}

HttpServer::~HttpServer() {
    State& s = *state_;
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        s.stopping = true;
    }
    s.wake.notify_all();
    if (s.sweeper.joinable()) s.sweeper.join();
    if (s.daemon) MHD_stop_daemon(s.daemon);
}

int HttpServer::port() const { return state_->port; }

void HttpServer::serve_until_signal(const std::function<void()>& ready) {
    State& s = *state_;
    ready();
    int signal = 0;
    sigwait(&s.stop_signals, &signal);
    // No new connections; requests being read or answered may finish (bounded).
    const MHD_socket listening = MHD_quiesce_daemon(s.daemon);
    if (listening != MHD_INVALID_SOCKET) close(listening);
    const double give_up = monotonic_s() + s.options.read_deadline_s + 2;
    while (s.in_flight > 0 && monotonic_s() < give_up) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace retour::tools
