// `retour serve`: a static file server for the portal folder on loopback.
// Merchants deploy to a static host; this lets them (and the tests) try it locally.
#include <csignal>
#include <cstdio>

#include <httplib.h>

#include "tools/commands.h"
#include "tools/listen.h"

namespace retour::tools {

namespace {
httplib::Server* g_server = nullptr;
void stop_on_signal(int) {
    if (g_server) g_server->stop();
}
}  // namespace

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
    g_server = &server;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    const int bound = bind_exclusive(server, host, port);  // --port 0: any free port, printed
    std::printf("Serving %s at http://%s:%d/\n", root.c_str(), host.c_str(), bound);
    std::fflush(stdout);
    server.listen_after_bind();
    g_server = nullptr;
    return 0;
}

}  // namespace retour::tools
