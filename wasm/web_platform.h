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
//  [X] Touch: a tap is a click; a drag scrolls (take_touch_scroll) instead of holding a button;
//      coarse_pointer() tells the widgets to make touch-sized targets
//  [X] Frame cost: CPU milliseconds per frame measured around each frame
//  [X] Tab / Shift-Tab are left to the app (ImGui 1.86 tabs only between text fields)
//  [X] Focus handover: text typed while focus moves to a field (Tab, click) waits for
//      it; text after Ctrl+A or Backspace is applied after the key, with Ctrl released
//  [ ] Gamepad
//  [ ] Mouse cursor shapes (always the default arrow; text cursor over inputs is CSS)
#include <functional>

struct ImFont;

namespace retour::web {

struct PlatformDesc {
    float font_size_css_px = 0;  // 0 = 17
    const unsigned char* font_ttf = nullptr;  // copied; nullptr = the font the page fetched
    int font_ttf_size = 0;
};

// Sets up ImGui IO for the browser. `draw` builds one ImGui frame (between
// NewFrame and Render); it may call request_frames() for animations. Returns false
// (after telling the page) when the browser offers no WebGL 2.
bool init(const PlatformDesc& desc, std::function<void()> draw);

// Asks for `count` more frames (input settles over a few frames in ImGui).
void request_frames(int count = 1);

// The app is moving keyboard focus to a text field over the next `frames` frames:
// the hidden input stays focused meanwhile (see the text rules in web_platform.cpp).
void hold_text_focus(int frames);

// The main pointer is a finger (CSS "pointer: coarse"): targets need >= 44×44 px.
bool coarse_pointer();

// The larger font for titles (nullptr before the first frame).
ImFont* title_font();

// Pixels the shopper dragged the page by touch since the last call (positive = content
// moves up, i.e. scroll down). The app applies it to its scrolling window.
float take_touch_scroll();

struct FrameStats {
    unsigned frames = 0;
    double total_ms = 0, max_ms = 0, last_ms = 0;
};
// CPU time of our frames (input, ImGui, GL submission), from performance.now().
FrameStats frame_stats();

}  // namespace retour::web
