// The shopper's app in the browser: wires the web platform layer to the screens.
// web/platform.js creates the module with the canvas and the font already fetched.
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "wasm/app.h"
#include "wasm/web_platform.h"

// Copies the font the page fetched (Module.retourFont, a Uint8Array) into the heap.
EM_JS(unsigned char*, web_take_font, (int* size), {
    const bytes = Module.retourFont;
    if (!bytes || !bytes.length) { HEAP32[size >> 2] = 0; return 0; }
    const ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    HEAP32[size >> 2] = bytes.length;
    Module.retourFont = null;
    return ptr;
});

namespace {
retour::app::App g_app;
}

int main() {
    int font_size = 0;
    unsigned char* font = web_take_font(&font_size);
    retour::web::PlatformDesc desc;
    desc.font_ttf = font;
    desc.font_ttf_size = font_size;
    const bool ok = retour::web::init(desc, [] { g_app.draw(); });
    std::free(font);
    if (!ok) return 1;
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
