#include "wasm/ui_context.h"

namespace retour::app::ui {

namespace {
// The one pointer, like ImGui's GImGui: the state itself belongs to the shell.
Context* g_current = nullptr;
}  // namespace

void set_context(Context* context) { g_current = context; }

Context& context() {
    if (g_current) return *g_current;
    static Context fallback;
    return fallback;
}

}  // namespace retour::app::ui
