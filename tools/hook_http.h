#pragma once
// The receiver's routes on a cpp-httplib server: POST/OPTIONS /webhook and GET
// /health, all answered by handle_request (hook_handler.h). Shared by `retour hook`
// and `retour demo`, which serves the portal beside it on the same origin.
#include <httplib.h>

#include "tools/hook_handler.h"

namespace retour::tools {

HookRequest to_hook_request(const httplib::Request& req);

// Registers the routes; `state` must outlive the server.
void add_hook_routes(httplib::Server& server, HookState& state);

}  // namespace retour::tools
