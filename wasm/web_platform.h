#pragma once
// The web platform layer: everything the browser gives the app (input, text, size,
// pixel ratio, clipboard) turned into Dear ImGui's IO, plus on-demand frame scheduling.
// Its DOM half is web/platform.js; the two talk through the retour_* exports.
//
//  [X] Pointer: mouse, pen and touch through Pointer Events (one path for all)
//  [X] Wheel and trackpad scrolling
//  [X] Keyboard: navigation and editing keys, Ctrl/Shift/Alt/Meta modifiers
//  [X] Text: every character arrives through a focused hidden <input> ("input" events),
//      so typing, paste, IME/dead-key composition and phone keyboards all reach ImGui
//  [X] Clipboard: copy to the system clipboard; paste arrives as text (above)
//  [X] High-DPI: framebuffer at devicePixelRatio, fonts rasterized at that scale
//  [X] Resize: the canvas follows its container
//  [X] Render on demand: no frame while nothing changes
//  [ ] Gamepad
//  [ ] Mouse cursor shapes (always the default arrow; text cursor over inputs is CSS)
#include <functional>

namespace retour::web {

struct PlatformDesc {
    float font_size_css_px = 0;  // 0 = 17
    const unsigned char* font_ttf = nullptr;  // required; copied
    int font_ttf_size = 0;
};

// Sets up ImGui IO for the browser. `draw` builds one ImGui frame (between
// NewFrame and Render); it may call request_frames() for animations. Returns false
// (after telling the page) when the browser offers no WebGL 2.
bool init(const PlatformDesc& desc, std::function<void()> draw);

// Asks for `count` more frames (input settles over a few frames in ImGui).
void request_frames(int count = 1);

// Frames actually rendered since start; the browser test reads it.
unsigned frames_rendered();

}  // namespace retour::web
