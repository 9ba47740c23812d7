#pragma once
// One HTTP request and its answer as plain values, free of any HTTP library: the
// server glue (http_server.h) fills a HookRequest, a route (handle_request for the
// receiver, static files for serve/demo) returns a HookResponse.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace retour::tools {

struct HookRequest {
    std::string method, path;
    std::map<std::string, std::string> headers;  // names in lower case
    std::map<std::string, std::string> query;    // ?name=value, decoded; names in lower case
    std::string body;
    std::string remote_ip;  // the client: the peer, or whom a trusted proxy names (client_address.h)
    std::string peer_ip;    // the socket's peer (the proxy, when there is one)
    std::int64_t now_unix = 0;     // the receiver's wall clock
    double now_monotonic_s = 0;    // for the rate limit
    std::string header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
};

struct HookResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string note;    // why it was refused, for the request's log line
    std::string advice;  // a log line of its own: what the merchant can do about it
};

}  // namespace retour::tools
