// `retour serve`: a static file server for the portal folder on loopback.
// Merchants deploy to a static host; this lets them (and the tests) try it locally.
#include <cstdio>

#include <httplib.h>

#include "tools/commands.h"
#include "tools/listen.h"

namespace retour::tools {

int cmd_serve(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"root", "port", "host"});
    const std::string root = args.require("root");
    const std::string host = args.get_or("host", "127.0.0.1");
    const int port = std::stoi(args.get_or("port", "8080"));

    httplib::Server server;
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
    server.set_file_extension_and_mimetype_mapping("ttf", "font/ttf");
    if (!server.set_mount_point("/", root)) {
        std::fprintf(stderr, "retour serve: %s is not a folder\n", root.c_str());
        return 1;
    }
    const int bound = bind_exclusive(server, host, port);  // --port 0: any free port, printed
    serve_until_signal(server, [&] {
        std::printf("Serving %s at http://%s:%d/\n", root.c_str(), host.c_str(), bound);
        std::fflush(stdout);
    });
    return 0;
}

}  // namespace retour::tools
