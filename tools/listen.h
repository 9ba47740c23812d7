#pragma once
// The listening socket of `retour hook`, `serve` and `demo`, made here rather than by the
// HTTP library so that it is exclusive: SO_REUSEADDR only (a restarted receiver takes its
// port back at once), never SO_REUSEPORT, which would let a second `retour hook` bind the
// same port without an error and split the connections between two databases.
#include <string>

namespace retour::tools {

// A listening socket on host:port (0 = any free port; `*bound_port` gets the port).
// Throws std::runtime_error "cannot listen on HOST:PORT: address already in use …".
int listen_exclusive(const std::string& host, int port, int* bound_port);

// Raises the soft limit on open files to the hard limit (hundreds of connections need
// hundreds of descriptors; the default soft limit is often 1024). Returns the new limit.
long raise_open_file_limit();

}  // namespace retour::tools
