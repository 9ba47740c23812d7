#pragma once
// What the portal's widget layer (widgets.cpp), its texts (text.cpp) and the test
// hook (test_hook.cpp) keep from one call to the next, in one struct owned by the
// shell (App) and made current for the frame, the way ImGui keeps its own context.
// Nothing else in the portal outlives a call, outside the shell.
#include <array>
#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/i18n/locale.h"
#include "imgui.h"
#include "wasm/widgets.h"

namespace retour::app::ui {

struct Focusable {
    ImGuiID id;
    bool text;
    std::string mark;
};

// Tab order: the interactive widgets in drawing order (ImGui 1.86 only tabs between text fields).
struct FocusRing {
    std::vector<Focusable> items;
    ImGuiID pending = 0;
    int pending_index = -1;  // "first widget" after a screen change
    std::string focused;
};

struct Column {
    float x = 0;  // screen x of the column
    float w = 0;
};

// Cards nest (a notice inside a card): each open card has its own splitter, since
// one ImDrawListSplitter cannot split again while split (it would wipe what was
// drawn before the outer card and paint the outer box over its content).
struct OpenCard {
    ImDrawListSplitter splitter;
    ImVec2 start;
    float width = 0;  // as opened: the box matches the column its content was laid out in
    bool highlighted = false;
};

struct Context {
    Palette palette;
    FocusRing ring;
    std::vector<Column> columns;
    // A deque: opening a card never moves the ones still open (their splitters hold
    // the channels drawn so far), and there is no depth a screen could overrun.
    std::deque<OpenCard> cards;
    std::size_t card_depth = 0;
    bool scroll_to_field = false;
    std::vector<std::string> errors;  // error texts drawn this frame
    bool submitted = false;           // Enter left the last text field
    i18n::Locale locale = i18n::Locale::en;  // what tr() speaks this frame
    std::map<std::string, std::array<float, 4>> marks;  // test hook: id -> x, y, w, h
};

// The context the calls use; the shell sets it before drawing (and before reading
// the test hook). Without one, a default context serves (tests of single widgets).
void set_context(Context* context);
Context& context();

}  // namespace retour::app::ui
