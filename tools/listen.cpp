#include "tools/listen.h"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace retour::tools {

int bind_exclusive(httplib::Server& server, const std::string& host, int port) {
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    errno = 0;
    int bound = port;
    if (port == 0) bound = server.bind_to_any_port(host.c_str());
    else if (!server.bind_to_port(host.c_str(), port)) bound = -1;
    if (bound > 0) return bound;
    const int err = errno;
    std::string why = err == EADDRINUSE ? "address already in use (another retour or server is listening there;"
                                          " stop it or choose another --port)"
                      : err != 0        ? std::string(std::strerror(err))
                                        : "cannot bind (unknown host?)";
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + ": " + why);
}

}  // namespace retour::tools
