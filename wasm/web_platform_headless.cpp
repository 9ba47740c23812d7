// wasm/web_platform.h without a browser, like imgui's examples/example_null: nothing
// is shown and no input arrives. The native tests create their own ImGui context and
// draw frames themselves; init() is never called there.
//
//  [X] the calls the screens make while drawing (frames, focus, fonts, touch, stats)
//  [ ] input, text, clipboard, DPI, rendering: none (there is no page)
#include "wasm/web_platform.h"

namespace retour::web {

bool init(const PlatformDesc&, std::function<void()>) { return false; }
void request_frames(int) {}
void hold_text_focus(int) {}
bool coarse_pointer() { return false; }
ImFont* title_font() { return nullptr; }
float take_touch_scroll() { return 0; }
FrameStats frame_stats() { return {}; }

}  // namespace retour::web
