// The shopper's app in the browser: wires the web platform layer to the screens.
// web/platform.js creates the module with the canvas and the font already fetched.
#include <emscripten.h>

#include <string>

#include "wasm/app.h"
#include "wasm/platform_web.h"
#include "wasm/web_platform.h"

namespace {
retour::web::WebPlatform g_platform;
retour::app::App g_app{g_platform};
}

int main() {
    if (!retour::web::init(retour::web::PlatformDesc{}, [] { g_app.draw(); })) return 1;
    g_app.start();
    // The runtime stays alive: frames are driven by input events, not by main().
    emscripten_exit_with_live_runtime();
    return 0;
}

// The browser test reads the app's state (screen and values) through this.
extern "C" EMSCRIPTEN_KEEPALIVE const char* retour_state_json() {
    static std::string json;
    json = g_app.state_json();
    return json.c_str();
}
