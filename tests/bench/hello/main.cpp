// The floor the portal is measured against (tests/bench): Dear ImGui on the same web
// platform layer (wasm/web_platform.cpp, web/platform.js), with the same font and
// link flags, drawing one window that says "hello". Built only by the bench.
#include <emscripten.h>

#include <cstdlib>

#include "imgui.h"
#include "wasm/web_platform.h"

EM_JS(unsigned char*, hello_take_font, (int* size), {
    const bytes = Module.retourFont;
    if (!bytes || !bytes.length) { HEAP32[size >> 2] = 0; return 0; }
    const ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    HEAP32[size >> 2] = bytes.length;
    Module.retourFont = null;
    return ptr;
});

int main() {
    int font_size = 0;
    unsigned char* font = hello_take_font(&font_size);
    retour::web::PlatformDesc desc;
    desc.font_ttf = font;
    desc.font_ttf_size = font_size;
    const bool ok = retour::web::init(desc, [] {
        ImGui::Begin("hello");
        ImGui::TextUnformatted("hello");
        ImGui::End();
    });
    std::free(font);
    if (!ok) return 1;
    emscripten_exit_with_live_runtime();
    return 0;
}

// web/platform.js wraps this export; the floor has no state to show.
extern "C" EMSCRIPTEN_KEEPALIVE const char* retour_state_json() { return "{}"; }
