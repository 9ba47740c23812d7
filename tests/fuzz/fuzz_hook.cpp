// The receiver's request handling (tools/hook_handler.h), without HTTP: what any
// client on the internet can send to `retour hook`. Input format (also the seeds'):
//   "METHOD PATH\n" then "name: value\n" headers, then "\n", then the body.
// The store is SQLite in memory; the clock is fixed one minute after the seeds'
// created_at so valid seeds verify and get stored. Invariants: only documented
// statuses; JSON answers parse and carry a "status"; 2xx answers to a POST are
// "accepted" or "duplicate".
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/policy.h"
#include "tests/fuzz/fuzz_support.h"
#include "tools/hook_handler.h"

using namespace retour;
using namespace retour::fuzz;
using namespace retour::tools;

namespace {

HookState& state() {
    static ReturnStore store(":memory:");
    static HookState s = [] {
        HookOptions o;
        o.allowed_origins = {"https://nordwind.example"};
        o.rate_limit = {1e9, 1e9};  // the limiter is exercised by its own tests; here it would hide the rest
        return HookState(*parse_policy_text(read_fixture("receiver/policy.json")).value, store, o);
    }();
    return s;
}

HookRequest parse_input(std::string_view in) {
    HookRequest r;
    auto line = [&in]() {
        const std::size_t n = in.find('\n');
        std::string out(in.substr(0, n));
        in = n == std::string_view::npos ? std::string_view() : in.substr(n + 1);
        return out;
    };
    const std::string first = line();
    const std::size_t sp = first.find(' ');
    r.method = first.substr(0, sp);
    r.path = sp == std::string::npos ? "" : first.substr(sp + 1);
    for (std::string h = line(); !h.empty(); h = line()) {
        const std::size_t colon = h.find(':');
        std::string name = h.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = colon == std::string::npos ? "" : h.substr(colon + 1);
        if (!value.empty() && value[0] == ' ') value.erase(0, 1);
        r.headers[name] = value;
    }
    r.body = std::string(in);
    r.remote_ip = "127.0.0.1";
    r.now_unix = 1795176000 + 60;  // 2026-11-20T12:00:00Z + 1 min (see make_seeds.cpp)
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::set<int> statuses = {200, 204, 400, 403, 404, 405, 409, 413, 415, 422, 429};
    static double clock = 0;
    HookRequest req = parse_input(as_text(data, size));
    req.now_monotonic_s = (clock += 0.001);
    const HookResponse res = handle_request(state(), req);
    require(statuses.count(res.status) == 1, "a documented status", std::to_string(res.status));
    if (res.content_type == "application/json") {
        const auto body = nlohmann::json::parse(res.body, nullptr, false);
        require(!body.is_discarded() && body.is_object() && body.contains("status"),
                "a JSON answer with a status", res.body);
        if (req.method == "POST" && res.status == 200) {
            const std::string s = body["status"].get<std::string>();
            require(s == "accepted" || s == "duplicate", "200 means accepted or duplicate", res.body);
        }
    }
    return 0;
}
