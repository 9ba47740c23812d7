// `retour serve`: a static file server for the portal folder on loopback.
// Merchants deploy to a static host; this lets them (and the tests) try it locally.
#include <cstdio>
#include <filesystem>

#include "tools/commands.h"
#include "tools/http_server.h"
#include "tools/static_files.h"

namespace retour::tools {

int cmd_serve(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"root", "port", "host"});
    const std::string root = args.require("root");
    if (!std::filesystem::is_directory(root)) {
        std::fprintf(stderr, "retour serve: %s is not a folder\n", root.c_str());
        return 1;
    }
    ServerOptions options;
    options.host = args.get_or("host", "127.0.0.1");
    options.port = std::stoi(args.get_or("port", "8080"));  // 0: any free port, printed
    options.max_body_bytes = 0;                             // nothing is posted to a static host
    options.log_requests = false;                           // quiet, as a static host is
    HttpServer server(options, [&root](const HookRequest& req) { return static_file(root, req).value_or(not_found()); });
    server.serve_until_signal([&] {
        std::printf("Serving %s at http://%s:%d/\n", root.c_str(), options.host.c_str(), server.port());
        std::fflush(stdout);
    });
    return 0;
}

}  // namespace retour::tools
