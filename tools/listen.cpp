#include "tools/listen.h"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

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

void serve_until_signal(httplib::Server& server, const std::function<void()>& ready) {
    // Blocked here, so every thread httplib starts inherits the mask and the signal
    // waits for sigwait below instead of interrupting a request.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::atomic<bool> ended{false};
    std::thread listener([&] {
        server.listen_after_bind();
        ended = true;
    });
    while (!server.is_running() && !ended) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ready();
    int signal = 0;
    if (!ended) sigwait(&stop_signals, &signal);
    server.stop();
    listener.join();
}

}  // namespace retour::tools
