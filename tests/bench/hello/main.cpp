// The floor the portal is measured against (tests/bench): Dear ImGui on the same web
// platform layer (wasm/web_platform.cpp, web/platform.js), with the same font and
// link flags, drawing one window that says "hello". Built only by the bench.
#include <emscripten.h>

#include "imgui.h"
#include "wasm/web_platform.h"

int main() {
    const bool ok = retour::web::init(retour::web::PlatformDesc{}, [] {
        ImGui::Begin("hello");
        ImGui::TextUnformatted("hello");
        ImGui::End();
    });
    if (!ok) return 1;
    emscripten_exit_with_live_runtime();
    return 0;
}

// web/platform.js wraps this export; the floor has no state to show.
extern "C" EMSCRIPTEN_KEEPALIVE const char* retour_state_json() { return "{}"; }
