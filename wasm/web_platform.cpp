#include "wasm/web_platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

// The DOM side is web/platform.js; these calls into it are in wasm/web_library.js.
extern "C" {
void retour_register_canvas();
unsigned char* retour_js_take_font(int* size);
void retour_js_text_focus(int focused, float x, float y, float h);
void retour_js_set_clipboard(const char* text);
int retour_js_coarse_pointer();
void retour_js_frame_rendered();
void retour_js_fatal(const char* kind);
}

namespace retour::web {
namespace {

// Browser input is queued and applied a little per frame: Dear ImGui 1.86 reads
// button and key *state*, so a press and release arriving between two frames
// would be lost (a quick tap, or Playwright's key press) unless split over frames.
//
// Text needs two more rules, because ImGui's InputText only takes characters while
// a field is active and drops them whenever Ctrl is held:
//  - text waits (with everything queued behind it) while no field is active, for up
//    to kTextWaitFrames: Tab or a click hands focus to a field over a few frames, and
//    what the shopper types meanwhile belongs to that field;
//  - text and key events never share a frame, in either order: ImGui reads characters
//    before keys within a frame, so "Ctrl+A, type" would type first and then select,
//    "Backspace, type" would delete the typed character, and "type, Esc" would leave
//    the field before its last characters arrive. Text is applied with Ctrl/Meta
//    released: a character typed is never a shortcut.
constexpr int kTextWaitFrames = 12;

struct InputEvent {
    enum Kind { PointerMove, PointerButton, Wheel, Key, Text, Blur, TouchScroll } kind;
    float x = 0, y = 0;
    int code = 0;  // button or DOM keyCode
    bool down = false;
    int mods = 0;  // 1 Ctrl, 2 Shift, 4 Alt, 8 Meta
    std::string text{};
    int waited = 0;  // frames a Text event has waited for an active field
};

struct State {
    bool ready = false;  // init() succeeded; until then input and frames are ignored
    std::function<void()> draw;
    std::deque<InputEvent> queue;
    float css_width = 1, css_height = 1, pixel_ratio = 1;
    float font_size = 17;
    float font_built_for_ratio = 0;
    std::string font_ttf;
    bool frame_scheduled = false;
    int frames_wanted = 0;
    double last_time = 0;
    bool text_focused = false;
    bool coarse_pointer = false;
    bool text_active = false;  // a text field was active at the end of the last frame
    int hold_text_focus = 0;   // frames to keep the hidden input focused (focus handover)
    ImVec2 ime_pos{0, 0};
    float ime_height = 0;
    std::string clipboard;
    ImFont* title_font = nullptr;
    float touch_scroll = 0;
    FrameStats stats;
};

State g;

void apply_mods(ImGuiIO& io, int mods) {
    io.KeyCtrl = mods & 1;
    io.KeyShift = mods & 2;
    io.KeyAlt = mods & 4;
    io.KeySuper = mods & 8;
}

// Applies queued events until one would change a button or key that already
// changed in this frame; the rest wait for the next frame.
void apply_queued_input(ImGuiIO& io) {
    bool button_changed[5] = {};
    bool any_button_changed = false;
    bool key_changed[512] = {};
    bool any_key_changed = false, any_text = false;
    while (!g.queue.empty()) {
        const InputEvent& e = g.queue.front();
        switch (e.kind) {
        case InputEvent::PointerMove:
            // A release must be seen where it happened: a finger lifting sends "gone"
            // right after, which waits for the next frame.
            if (any_button_changed) return;
            io.MousePos = ImVec2(e.x, e.y);
            break;
        case InputEvent::PointerButton:
            if (e.code < 0 || e.code >= 5) break;
            if (button_changed[e.code]) return;
            button_changed[e.code] = true;
            any_button_changed = true;
            io.MousePos = ImVec2(e.x, e.y);
            io.MouseDown[e.code] = e.down;
            apply_mods(io, e.mods);
            break;
        case InputEvent::Wheel:
            io.MouseWheelH += e.x;
            io.MouseWheel += e.y;
            break;
        case InputEvent::Key:
            if (e.code <= 0 || e.code >= 512) break;
            if (key_changed[e.code] || any_text) return;
            key_changed[e.code] = true;
            any_key_changed = true;
            io.KeysDown[e.code] = e.down;
            apply_mods(io, e.mods);
            break;
        case InputEvent::Text:
            if (any_key_changed) return;
            if (!g.text_active) {
                if (++g.queue.front().waited <= kTextWaitFrames) return;
                break;  // no field took it: typed at nothing
            }
            io.KeyCtrl = io.KeySuper = false;
            io.AddInputCharactersUTF8(e.text.c_str());
            any_text = true;
            break;
        case InputEvent::TouchScroll:
            g.touch_scroll += e.y;
            break;
        case InputEvent::Blur:
            std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
            std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
            apply_mods(io, 0);
            break;
        }
        g.queue.pop_front();
    }
}

bool anything_held(const ImGuiIO& io) {
    for (bool b : io.MouseDown) if (b) return true;
    for (bool k : io.KeysDown) if (k) return true;
    return false;
}

// The atlas is rasterized at the device pixel ratio and scaled back, so text is
// crisp on high-DPI screens; it is rebuilt when the ratio changes (zoom, moving
// the window to another screen).
void build_font_if_needed(ImGuiIO& io) {
    if (g.font_built_for_ratio == g.pixel_ratio) return;
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (de, nl, da, id)
        0x0100, 0x017F,  // Latin Extended-A
        0x2000, 0x206F,  // General Punctuation: – — ‘ ’ “ ” …
        0x20AC, 0x20AC,  // €
        0x2190, 0x2193,  // arrows
        0x2212, 0x2212,  // minus sign
        0x2713, 0x2713,  // check mark
        0x2715, 0x2715,  // multiplication x (close)
        0,
    };
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // g.font_ttf outlives the atlas
    config.OversampleH = 1;
    config.PixelSnapH = true;
    if (g.font_ttf.empty()) {
        // The page refuses to start without the font; this only guards a broken embed.
        config.SizePixels = g.font_size * g.pixel_ratio;
        io.Fonts->AddFontDefault(&config);
        g.title_font = io.Fonts->Fonts[0];
    } else {
        io.Fonts->AddFontFromMemoryTTF(g.font_ttf.data(), static_cast<int>(g.font_ttf.size()),
                                       g.font_size * g.pixel_ratio, &config, ranges);
        g.title_font = io.Fonts->AddFontFromMemoryTTF(g.font_ttf.data(), static_cast<int>(g.font_ttf.size()),
                                                      g.font_size * 1.45f * g.pixel_ratio, &config, ranges);
    }
    io.FontGlobalScale = 1.0f / g.pixel_ratio;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g.font_built_for_ratio = g.pixel_ratio;
}

// ImGui 1.86 reports where the text caret is, so the hidden input can sit there
// (IME candidate windows and phone keyboards then appear next to the field).
void set_ime_pos(int x, int y) {
    g.ime_pos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    g.ime_height = ImGui::GetFontSize();
}

void sync_text_focus(const ImGuiIO& io) {
    const ImGuiID active = ImGui::GetActiveID();
    g.text_active = active != 0 && ImGui::GetInputTextState(active) != nullptr;
    if (g.hold_text_focus > 0) {
        // Focus is on its way to a field: the hidden input takes the keyboard now (or
        // keeps it, coming from another field), so nothing typed meanwhile lands on
        // the canvas; the text waits in the queue for the field.
        --g.hold_text_focus;
        if (!io.WantTextInput) {
            if (!g.text_focused) retour_js_text_focus(1, g.ime_pos.x, g.ime_pos.y, g.ime_height);
            g.text_focused = true;
            return;
        }
    }
    if (io.WantTextInput == g.text_focused && !io.WantTextInput) return;
    g.text_focused = io.WantTextInput;
    retour_js_text_focus(g.text_focused, g.ime_pos.x, g.ime_pos.y, g.ime_height);
}

EM_BOOL render_frame(double now_ms, void*) {
    const double cpu_start = emscripten_get_now();
    g.frame_scheduled = false;
    ImGuiIO& io = ImGui::GetIO();
    apply_queued_input(io);
    build_font_if_needed(io);

    io.DisplaySize = ImVec2(g.css_width, g.css_height);
    io.DisplayFramebufferScale = ImVec2(g.pixel_ratio, g.pixel_ratio);
    const double now = now_ms / 1000.0;
    io.DeltaTime = g.last_time > 0 ? static_cast<float>(std::clamp(now - g.last_time, 0.001, 0.1)) : 1.0f / 60;
    g.last_time = now;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    g.draw();
    ImGui::Render();

    const int fb_w = static_cast<int>(g.css_width * g.pixel_ratio + 0.5f);
    const int fb_h = static_cast<int>(g.css_height * g.pixel_ratio + 0.5f);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const double cpu_ms = emscripten_get_now() - cpu_start;
    g.stats.frames++;
    g.stats.total_ms += cpu_ms;
    g.stats.last_ms = cpu_ms;
    g.stats.max_ms = std::max(g.stats.max_ms, cpu_ms);
    retour_js_frame_rendered();

    sync_text_focus(io);
    io.MouseWheel = io.MouseWheelH = 0;

    if (g.frames_wanted > 0) --g.frames_wanted;
    if (!g.queue.empty() || anything_held(io)) g.frames_wanted = std::max(g.frames_wanted, 1);
    if (g.frames_wanted > 0) request_frames(0);
    return EM_FALSE;
}

void push(InputEvent e) {
    if (!g.ready) return;
    g.queue.push_back(std::move(e));
    // Three frames let ImGui settle hover, active and released states after input.
    request_frames(3);
}

const char* get_clipboard(void*) { return g.clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
    g.clipboard = text;
    retour_js_set_clipboard(text);
}

}  // namespace

bool init(const PlatformDesc& desc, std::function<void()> draw) {
    g.draw = std::move(draw);
    if (desc.font_size_css_px > 0) g.font_size = desc.font_size_css_px;
    if (desc.font_ttf) {
        g.font_ttf.assign(reinterpret_cast<const char*>(desc.font_ttf), static_cast<size_t>(desc.font_ttf_size));
    } else {
        int size = 0;
        unsigned char* font = retour_js_take_font(&size);
        if (font) g.font_ttf.assign(reinterpret_cast<const char*>(font), static_cast<size_t>(size));
        std::free(font);
    }

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;  // the canvas keeps its last frame while idle
    retour_register_canvas();
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("!retour-canvas", &attrs);
    if (ctx <= 0) {
        retour_js_fatal("webgl2");
        return false;
    }
    emscripten_webgl_make_context_current(ctx);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to persist between visits in imgui.ini
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need 2 frames/s forever
    io.BackendPlatformName = "retour_web";
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ImeSetInputScreenPosFn = set_ime_pos;

    // DOM keyCodes for the keys ImGui needs to know about.
    // Tab is not given to ImGui: 1.86 only tabs between text fields (a button with
    // focus tabs back to the first field), so the app runs its own focus ring.
    io.KeyMap[ImGuiKey_Tab] = -1;
    io.KeyMap[ImGuiKey_LeftArrow] = 37;
    io.KeyMap[ImGuiKey_RightArrow] = 39;
    io.KeyMap[ImGuiKey_UpArrow] = 38;
    io.KeyMap[ImGuiKey_DownArrow] = 40;
    io.KeyMap[ImGuiKey_PageUp] = 33;
    io.KeyMap[ImGuiKey_PageDown] = 34;
    io.KeyMap[ImGuiKey_Home] = 36;
    io.KeyMap[ImGuiKey_End] = 35;
    io.KeyMap[ImGuiKey_Insert] = 45;
    io.KeyMap[ImGuiKey_Delete] = 46;
    io.KeyMap[ImGuiKey_Backspace] = 8;
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_Enter] = 13;
    io.KeyMap[ImGuiKey_Escape] = 27;
    io.KeyMap[ImGuiKey_A] = 65;
    io.KeyMap[ImGuiKey_C] = 67;
    io.KeyMap[ImGuiKey_V] = 86;
    io.KeyMap[ImGuiKey_X] = 88;
    io.KeyMap[ImGuiKey_Y] = 89;
    io.KeyMap[ImGuiKey_Z] = 90;

    ImGui_ImplOpenGL3_Init("#version 300 es");
    g.ready = true;
    request_frames(2);
    return true;
}

void request_frames(int count) {
    g.frames_wanted = std::max(g.frames_wanted, count);
    if (!g.ready || g.frame_scheduled) return;
    g.frame_scheduled = true;
    emscripten_request_animation_frame(render_frame, nullptr);
}

ImFont* title_font() { return g.title_font; }

void hold_text_focus(int frames) {
    g.hold_text_focus = std::max(g.hold_text_focus, frames);
    request_frames(frames);
}

bool coarse_pointer() { return g.coarse_pointer; }

float take_touch_scroll() {
    const float v = g.touch_scroll;
    g.touch_scroll = 0;
    return v;
}

FrameStats frame_stats() { return g.stats; }

}  // namespace retour::web

// ---------------------------------------------------------------------------
// Exports called by web/platform.js. Coordinates are CSS pixels of the canvas.
// ---------------------------------------------------------------------------
using retour::web::InputEvent;

extern "C" {

EMSCRIPTEN_KEEPALIVE void retour_resize(float css_width, float css_height, float pixel_ratio) {
    retour::web::g.css_width = std::max(css_width, 1.0f);
    retour::web::g.css_height = std::max(css_height, 1.0f);
    retour::web::g.pixel_ratio = std::clamp(pixel_ratio, 0.5f, 4.0f);
    retour::web::g.coarse_pointer = retour_js_coarse_pointer() != 0;  // a resize may come from docking a tablet
    retour::web::request_frames(2);
}

EMSCRIPTEN_KEEPALIVE void retour_pointer_move(float x, float y) {
    InputEvent e{InputEvent::PointerMove};
    e.x = x, e.y = y;
    retour::web::push(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void retour_pointer_button(float x, float y, int button, int down, int mods) {
    InputEvent e{InputEvent::PointerButton};
    e.x = x, e.y = y, e.code = button, e.down = down != 0, e.mods = mods;
    retour::web::push(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void retour_wheel(float dx, float dy) {
    InputEvent e{InputEvent::Wheel};
    e.x = dx, e.y = dy;
    retour::web::push(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void retour_key(int key_code, int down, int mods) {
    InputEvent e{InputEvent::Key};
    e.code = key_code, e.down = down != 0, e.mods = mods;
    retour::web::push(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void retour_text(const char* utf8) {
    InputEvent e{InputEvent::Text};
    e.text = utf8;
    retour::web::push(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void retour_touch_scroll(float dy) {
    InputEvent e{InputEvent::TouchScroll};
    e.y = dy;
    retour::web::push(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void retour_blur() { retour::web::push(InputEvent{InputEvent::Blur}); }

}  // extern "C"
