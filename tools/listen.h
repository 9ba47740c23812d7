#pragma once
// Binding a cpp-httplib server to a port no other process holds. httplib's default
// socket options set SO_REUSEPORT, which lets a second `retour hook` bind the same port
// without an error; the kernel then splits the connections between the two processes
// (and their databases). Shared by hook, serve and demo.
#include <functional>
#include <string>

#include <httplib.h>

namespace retour::tools {

// Binds `server` to host:port (0 = any free port) with SO_REUSEADDR only (a restarted
// receiver may take its port back at once; a running one keeps it). Returns the bound
// port; throws std::runtime_error "cannot listen on HOST:PORT: address already in use …".
int bind_exclusive(httplib::Server& server, const std::string& host, int port);

// Serves the bound `server` until SIGINT or SIGTERM. `ready` runs once it accepts
// connections (print "listening" there): httplib's stop() ignores a server that is not
// running yet, so a signal sent right after an earlier "listening" line was lost and
// the process never exited.
void serve_until_signal(httplib::Server& server, const std::function<void()>& ready);

}  // namespace retour::tools
