#include "tools/hook_http.h"

#include <chrono>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace retour::tools {

namespace {
// Notes quote the sender (an origin, an id): control bytes would let it forge log lines.
std::string printable(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return text;
}
}  // namespace

HookRequest to_hook_request(const httplib::Request& req) {
    HookRequest h;
    h.method = req.method;
    h.path = req.path;
    for (const auto& [name, value] : req.headers) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        h.headers.emplace(lower, value);  // first value wins
    }
    h.body = req.body;
    h.remote_ip = req.remote_addr;
    h.now_unix = static_cast<std::int64_t>(std::time(nullptr));
    h.now_monotonic_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    return h;
}

void add_hook_routes(httplib::Server& server, HookState& state) {
    auto route = [&state](const httplib::Request& req, httplib::Response& res) {
        HookResponse r;
        try {
            r = handle_request(state, to_hook_request(req));
        } catch (const std::exception& e) {
            // A bug or a broken disk: never a half answer, always a retryable 500.
            std::fprintf(stderr, "retour hook: %s\n", e.what());
            r = HookResponse{500, "application/json", R"({"status":"error","error":"internal"})", {}, {}, {}};
        }
        res.status = r.status;
        for (const auto& [k, v] : r.headers) res.set_header(k, v);
        if (!r.body.empty()) res.set_content(r.body, r.content_type.c_str());
        const std::string note = printable(r.note);
        std::fprintf(stderr, "%s %s %s -> %d%s%s\n", req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(),
                     r.status, note.empty() ? "" : " ", note.c_str());
        if (!r.advice.empty()) std::fprintf(stderr, "%s\n", printable(r.advice).c_str());
    };
    server.Post("/webhook", route);
    server.Options("/webhook", route);
    server.Get("/health", route);
    server.Get("/webhook", route);
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const char* error = res.status == 413 ? "payload_too_large" : res.status == 404 ? "not_found" : "bad_request";
        res.set_content(std::string(R"({"status":"rejected","error":")") + error + "\"}", "application/json");
    });

}

}  // namespace retour::tools
