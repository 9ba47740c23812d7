#pragma once
// The portal's building blocks on top of Dear ImGui: a centred column, cards,
// buttons, labelled fields, steppers, amount rows, and a keyboard focus ring.
//
// Focus ring: ImGui 1.86 tabs only between text fields, so every interactive widget
// here registers itself in drawing order and Tab / Shift-Tab move through that list
// (text fields get keyboard input, buttons get the nav highlight; Space and Enter
// press them). Each widget also mark()s itself for the browser tests.
#include <string>
#include <vector>

#include "imgui.h"

namespace retour::app::ui {

// Colours the widgets use besides the ImGui style (set by the theme).
struct Palette {
    ImU32 accent = 0, accent_soft = 0, ink = 0, muted = 0, card = 0, border = 0, danger = 0, warning_bg = 0,
          warning_ink = 0, success = 0;
};
void set_palette(const Palette& p);
const Palette& palette();

void begin_frame();  // before drawing any widget
void end_frame();    // after the last widget: handles Tab / Shift-Tab
// Moves keyboard focus to the first widget of the next frame's screen.
void reset_focus();
// The focused widget's mark id ("" when none), for the test hook.
const std::string& focused_mark();
// The error texts drawn this frame (ui::error), for the test hook. A field's error is
// also marked "<mark_id>_error".
const std::vector<std::string>& shown_errors();

// A column `max_width` wide, centred in the window.
void begin_column(float max_width);
void end_column();
float width();  // width available for a full-width widget right now (up to the column's edge)
// The window's width for centring, the same with or without a vertical scrollbar.
float full_width();

void begin_card(bool highlighted = false);
void end_card();

void title(const char* text);
void subtitle(const char* text);
void text(const char* text);
void muted(const char* text);
void error(const char* text);
void notice(const char* text);  // amber box
void badge(const char* text, ImU32 bg, ImU32 ink);
void spacer(float h = 8);
void separator();

bool primary_button(const char* label, const char* mark_id, bool enabled = true);
bool secondary_button(const char* label, const char* mark_id, float w = 0);
// Small pill buttons (the language picker): at least 44×44 CSS px on touch screens.
bool small_button(const char* label, const char* mark_id, bool selected);
float small_button_width(const char* label);
float small_button_height();
// Whether a secondary button `w` wide shows `label` whole (a narrower one takes its own row).
bool button_fits(const char* label, float w);

bool checkbox(const char* label, bool* value, const char* mark_id);
bool radio(const char* label, bool active, const char* mark_id);
// [−] n [+]; returns true when changed.
bool stepper(int* value, int min, int max, const char* mark_id);

bool text_field(const char* label, std::string* value, const char* mark_id, const char* hint = nullptr,
                const char* error_text = nullptr);

// A choice from a fixed list, shown by label and stored by value: nothing else can be
// entered. Each option is marked "<mark_id>_<value>" while the list is open.
struct SelectOption {
    std::string value, label;
};
bool select_field(const char* label, std::string* value, const std::vector<SelectOption>& options,
                  const char* mark_id, const char* placeholder, const char* error_text = nullptr);

// True when Enter was pressed in the last text_field (it just lost focus that way).
bool submitted();

// "label ............ value" across the width; bold for totals.
void amount_row(const char* label, const std::string& value, bool strong = false, ImU32 colour = 0);

}  // namespace retour::app::ui
