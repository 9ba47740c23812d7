#include "wasm/widgets.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "wasm/test_hook.h"
#include "wasm/web_platform.h"

namespace retour::app::ui {

namespace {

Palette g_palette;

struct Focusable {
    ImGuiID id;
    bool text;
    std::string mark;
};

struct FocusRing {
    std::vector<Focusable> items;
    ImGuiID pending = 0;
    int pending_index = -1;  // "first widget" after a screen change
    std::string focused;
};
FocusRing g_ring;

struct Column {
    float x = 0;  // screen x of the column
    float w = 0;
};
std::vector<Column> g_columns;

// Cards nest (a notice inside a card): each open card has its own splitter, since
// one ImDrawListSplitter cannot split again while split (it would wipe what was
// drawn before the outer card and paint the outer box over its content).
struct OpenCard {
    ImDrawListSplitter splitter;
    ImVec2 start;
    bool highlighted = false;
};
constexpr int kMaxCardDepth = 4;
OpenCard g_cards[kMaxCardDepth];
int g_card_depth = 0;

constexpr int kKeyTab = 9, kKeyEnter = 13;

bool keyboard_focused(ImGuiID id) {
    ImGuiContext& g = *GImGui;
    return g.NavId == id && !g.NavDisableHighlight;
}

// Before a text field: if the ring wants it focused, give it the keyboard.
void focus_before(ImGuiID id, bool is_text) {
    if (g_ring.pending == id && is_text) {
        ImGui::SetKeyboardFocusHere();
        g_ring.pending = 0;
    }
}

void focus_after(ImGuiID id, bool is_text, const char* mark_id) {
    const int index = static_cast<int>(g_ring.items.size());
    g_ring.items.push_back({id, is_text, mark_id ? mark_id : ""});
    if (g_ring.pending_index == index) {
        g_ring.pending_index = -1;
        g_ring.pending = id;
        if (is_text) return;  // activated next frame by focus_before
    }
    if (g_ring.pending == id && !is_text) {
        ImGuiContext& g = *GImGui;
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        g.NavDisableHighlight = false;
        g.NavDisableMouseHover = true;
        ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()),
                            ImGuiScrollFlags_KeepVisibleEdgeY);
        g_ring.pending = 0;
    }
    // A text field counts once it takes keystrokes (activation lags the nav focus a frame).
    if (is_text ? ImGui::GetActiveID() == id : keyboard_focused(id)) g_ring.focused = mark_id ? mark_id : "";
}

bool enter_pressed_on(ImGuiID id) { return keyboard_focused(id) && ImGui::IsKeyPressed(kKeyEnter, false); }

void marked(const char* mark_id) {
    if (mark_id) mark(mark_id);
}

}  // namespace

void set_palette(const Palette& p) { g_palette = p; }
const Palette& palette() { return g_palette; }

void begin_frame() {
    g_ring.items.clear();
    g_ring.focused.clear();
}

void end_frame() {
    if (!ImGui::IsKeyPressed(kKeyTab, true) || g_ring.items.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const int dir = io.KeyShift ? -1 : 1;
    const ImGuiID active = ImGui::GetActiveID();
    const ImGuiID current = active ? active : (GImGui->NavDisableHighlight ? 0 : ImGui::GetFocusID());
    const int n = static_cast<int>(g_ring.items.size());
    int index = -1;
    for (int i = 0; i < n; ++i)
        if (g_ring.items[i].id == current) index = i;
    const int next = index < 0 ? (dir > 0 ? 0 : n - 1) : (index + dir + n) % n;
    if (active) ImGui::ClearActiveID();
    g_ring.pending = g_ring.items[next].id;
    // Focus lands next frame, a text field activates the frame after, and the text
    // bridge follows one frame later: ask for enough frames to see it through.
    web::request_frames(6);
}

void reset_focus() {
    g_ring.pending = 0;
    g_ring.pending_index = -1;
    ImGui::ClearActiveID();
    GImGui->NavId = 0;
    GImGui->NavDisableHighlight = true;
}

const std::string& focused_mark() { return g_ring.focused; }

void begin_column(float max_width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = std::min(avail - 32.0f, max_width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
    g_columns.push_back({ImGui::GetCursorScreenPos().x, w});
    ImGui::BeginGroup();
    ImGui::PushItemWidth(w);
}

void end_column() {
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    g_columns.pop_back();
}

float width() { return g_columns.empty() ? ImGui::GetContentRegionAvail().x : g_columns.back().w; }

void begin_card(bool highlighted) {
    constexpr float pad = 16;
    IM_ASSERT(g_card_depth < kMaxCardDepth);
    OpenCard& card = g_cards[g_card_depth++];
    card.splitter.Split(ImGui::GetWindowDrawList(), 2);
    card.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    card.start = ImGui::GetCursorScreenPos();
    card.highlighted = highlighted;
    const float w = width();
    ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::SetCursorScreenPos(ImVec2(card.start.x + pad, ImGui::GetCursorScreenPos().y));
    g_columns.push_back({card.start.x + pad, w - 2 * pad});
    ImGui::BeginGroup();
    ImGui::PushItemWidth(w - 2 * pad);
}

namespace {
// Closes the card begun by begin_card and draws its box behind the content (the
// splitter's background channel): white with a border, or a plain fill for notices.
void close_card(ImU32 fill, bool bordered) {
    constexpr float pad = 16;
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    g_columns.pop_back();
    OpenCard& card = g_cards[--g_card_depth];
    const float bottom = ImGui::GetItemRectMax().y + pad;
    const float w = width();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card.splitter.SetCurrentChannel(dl, 0);
    const ImVec2 a = card.start, b(card.start.x + w, bottom);
    if (bordered) dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y + 2), IM_COL32(0, 0, 0, 10), 12);  // soft shadow
    dl->AddRectFilled(a, b, fill, 12);
    if (bordered)
        dl->AddRect(a, b, card.highlighted ? g_palette.accent : g_palette.border, 12, 0,
                    card.highlighted ? 2.0f : 1.0f);
    card.splitter.Merge(dl);
    ImGui::SetCursorScreenPos(ImVec2(card.start.x, bottom));
    ImGui::Dummy(ImVec2(w, 4));
}
}  // namespace

void end_card() { close_card(g_palette.card, true); }

void title(const char* t) {
    if (ImFont* f = web::title_font()) ImGui::PushFont(f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width());
    ImGui::TextUnformatted(t);
    ImGui::PopTextWrapPos();
    if (web::title_font()) ImGui::PopFont();
}

void subtitle(const char* t) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width());
    ImGui::PushStyleColor(ImGuiCol_Text, g_palette.ink);
    ImGui::TextUnformatted(t);
    // A poor man's bold: the same text again one pixel to the right.
    const ImVec2 min = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(nullptr, 0, ImVec2(min.x + 0.6f, min.y), g_palette.ink, t, nullptr,
                                        width());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

void text(const char* t) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width());
    ImGui::TextUnformatted(t);
    ImGui::PopTextWrapPos();
}

void muted(const char* t) {
    ImGui::PushStyleColor(ImGuiCol_Text, g_palette.muted);
    text(t);
    ImGui::PopStyleColor();
}

void error(const char* t) {
    ImGui::PushStyleColor(ImGuiCol_Text, g_palette.danger);
    text(t);
    ImGui::PopStyleColor();
}

void notice(const char* t) {
    begin_card();
    ImGui::PushStyleColor(ImGuiCol_Text, g_palette.warning_ink);
    text(t);
    ImGui::PopStyleColor();
    close_card(g_palette.warning_bg, false);  // amber, no border
}

void badge(const char* t, ImU32 bg, ImU32 ink) {
    const ImVec2 size = ImGui::CalcTextSize(t);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 box(size.x + 16, size.y + 6);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), bg, box.y * 0.5f);
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 8, p.y + 3), ink, t);
    ImGui::Dummy(box);
}

void spacer(float h) { ImGui::Dummy(ImVec2(0, h)); }

void separator() {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width(), p.y), g_palette.border);
    ImGui::Dummy(ImVec2(width(), 1));
}

bool primary_button(const char* label, const char* mark_id, bool enabled) {
    if (!enabled) ImGui::BeginDisabled();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 13));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
    bool pressed = ImGui::Button(label, ImVec2(width(), 0));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    const ImGuiID id = ImGui::GetItemID();
    if (enabled) pressed |= enter_pressed_on(id);
    if (!enabled) ImGui::EndDisabled();
    if (enabled) focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed && enabled;
}

bool secondary_button(const char* label, const char* mark_id, float w) {
    ImGui::PushStyleColor(ImGuiCol_Button, g_palette.card);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, g_palette.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, g_palette.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, g_palette.accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 11));
    bool pressed = ImGui::Button(label, ImVec2(w, 0));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    const ImGuiID id = ImGui::GetItemID();
    pressed |= enter_pressed_on(id);
    focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed;
}

bool small_button(const char* label, const char* mark_id, bool selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? IM_COL32(255, 255, 255, 255) : IM_COL32(255, 255, 255, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, selected ? 255 : 60));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 120));
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? g_palette.accent : IM_COL32_WHITE);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(7, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    const ImGuiID id = ImGui::GetItemID();
    pressed |= enter_pressed_on(id);
    focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed;
}

bool checkbox(const char* label, bool* value, const char* mark_id) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width());
    bool changed = ImGui::Checkbox(label, value);
    ImGui::PopTextWrapPos();
    const ImGuiID id = ImGui::GetItemID();
    if (enter_pressed_on(id)) {
        *value = !*value;
        changed = true;
    }
    focus_after(id, false, mark_id);
    marked(mark_id);
    return changed;
}

bool radio(const char* label, bool active, const char* mark_id) {
    bool pressed = ImGui::RadioButton(label, active);
    const ImGuiID id = ImGui::GetItemID();
    pressed |= enter_pressed_on(id);
    focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed;
}

bool stepper(int* value, int min, int max, const char* mark_id) {
    ImGui::PushID(mark_id);
    bool changed = false;
    const std::string minus_id = std::string(mark_id) + "_minus";
    const std::string plus_id = std::string(mark_id) + "_plus";
    ImGui::BeginDisabled(*value <= min);
    if (secondary_button("\xE2\x88\x92", minus_id.c_str(), 44)) {  // U+2212 minus
        *value = std::max(min, *value - 1);
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", *value);
    const float h = ImGui::GetFrameHeight() + 4;
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2);
    ImGui::Dummy(ImVec2(6, 0));
    ImGui::SameLine();
    ImGui::TextUnformatted(buf);
    mark(mark_id);
    ImGui::SameLine();
    ImGui::Dummy(ImVec2(6, 0));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2);
    ImGui::BeginDisabled(*value >= max);
    if (secondary_button("+", plus_id.c_str(), 44)) {
        *value = std::min(max, *value + 1);
        changed = true;
    }
    ImGui::EndDisabled();
    (void)h;
    ImGui::PopID();
    return changed;
}

namespace {
bool g_submitted = false;
}

bool submitted() { return g_submitted; }

bool text_field(const char* label, std::string* value, const char* mark_id, const char* hint,
                const char* error_text) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(mark_id);
    const ImGuiID id = ImGui::GetID("##field");
    focus_before(id, true);
    if (error_text) ImGui::PushStyleColor(ImGuiCol_Border, g_palette.danger);
    ImGui::SetNextItemWidth(width());
    const bool changed = hint ? ImGui::InputTextWithHint("##field", hint, value)
                              : ImGui::InputText("##field", value);
    if (error_text) ImGui::PopStyleColor();
    g_submitted = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(kKeyEnter, false);
    focus_after(id, true, mark_id);
    marked(mark_id);
    ImGui::PopID();
    if (error_text) error(error_text);
    return changed;
}

void amount_row(const char* label, const std::string& value, bool strong, ImU32 colour) {
    const float w = width();
    const float x0 = ImGui::GetCursorPosX();
    const float value_w = ImGui::CalcTextSize(value.c_str()).x;
    ImGui::PushTextWrapPos(x0 + std::max(40.0f, w - value_w - 16));
    if (strong) subtitle(label);
    else ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    const ImVec2 min = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 c = colour ? colour : g_palette.ink;
    const ImVec2 at(min.x + w - value_w, min.y);
    dl->AddText(at, c, value.c_str());
    if (strong) dl->AddText(ImVec2(at.x + 0.6f, at.y), c, value.c_str());
}

}  // namespace retour::app::ui
