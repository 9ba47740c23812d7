#include "wasm/widgets.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "wasm/test_hook.h"
#include "wasm/ui_context.h"
#include "wasm/web_platform.h"

namespace retour::app::ui {

namespace {

constexpr int kKeyTab = 9, kKeyEnter = 13;
constexpr float kMinTouchTarget = 44;  // CSS px, WCAG 2.5.5 / Apple HIG

bool keyboard_focused(ImGuiID id) {
    ImGuiContext& g = *GImGui;
    return g.NavId == id && !g.NavDisableHighlight;
}

void scroll_into_view(const ImRect& r) {
    ImGui::ScrollToRect(ImGui::GetCurrentWindow(), r, ImGuiScrollFlags_KeepVisibleEdgeY);
}

// Before a text field: if the ring wants it focused, give it the keyboard.
void focus_before(ImGuiID id, bool is_text) {
    if (context().ring.pending == id && is_text) {
        ImGui::SetKeyboardFocusHere();
        context().ring.pending = 0;
        context().scroll_to_field = true;  // once drawn (focus_after): ImGui does not scroll to it
    }
}

void focus_after(ImGuiID id, bool is_text, const char* mark_id) {
    const int index = static_cast<int>(context().ring.items.size());
    context().ring.items.push_back({id, is_text, mark_id ? mark_id : ""});
    if (context().ring.pending_index == index) {
        context().ring.pending_index = -1;
        context().ring.pending = id;
        if (is_text) return;  // activated next frame by focus_before
    }
    if (context().ring.pending == id && !is_text) {
        ImGuiContext& g = *GImGui;
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        g.NavDisableHighlight = false;
        g.NavDisableMouseHover = true;
        scroll_into_view(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
        context().ring.pending = 0;
    }
    if (is_text && context().scroll_to_field) {
        // The field and its label above it.
        context().scroll_to_field = false;
        const ImVec2 min = ImGui::GetItemRectMin();
        scroll_into_view(ImRect(ImVec2(min.x, min.y - ImGui::GetTextLineHeightWithSpacing()), ImGui::GetItemRectMax()));
    }
    // A text field counts once it takes keystrokes (activation lags the nav focus a frame).
    if (is_text ? ImGui::GetActiveID() == id : keyboard_focused(id)) context().ring.focused = mark_id ? mark_id : "";
}

bool enter_pressed_on(ImGuiID id) { return keyboard_focused(id) && ImGui::IsKeyPressed(kKeyEnter, false); }

void marked(const char* mark_id) {
    if (mark_id) mark(mark_id);
}

}  // namespace

void set_palette(const Palette& p) { context().palette = p; }
const Palette& palette() { return context().palette; }

void begin_frame() {
    context().ring.items.clear();
    context().ring.focused.clear();
    context().errors.clear();
}

const std::vector<std::string>& shown_errors() { return context().errors; }

void end_frame() {
    if (!ImGui::IsKeyPressed(kKeyTab, true) || context().ring.items.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const int dir = io.KeyShift ? -1 : 1;
    const ImGuiID active = ImGui::GetActiveID();
    const ImGuiID current = active ? active : (GImGui->NavDisableHighlight ? 0 : ImGui::GetFocusID());
    const int n = static_cast<int>(context().ring.items.size());
    int index = -1;
    for (int i = 0; i < n; ++i)
        if (context().ring.items[i].id == current) index = i;
    const int next = index < 0 ? (dir > 0 ? 0 : n - 1) : (index + dir + n) % n;
    if (active) ImGui::ClearActiveID();
    context().ring.pending = context().ring.items[next].id;
    // Focus lands next frame, a text field activates the frame after, and the text
    // bridge follows one frame later: ask for enough frames to see it through.
    web::request_frames(6);
    if (context().ring.items[next].text) web::hold_text_focus(4);
}

void reset_focus() {
    context().ring.pending = 0;
    context().ring.pending_index = -1;
    ImGui::ClearActiveID();
    GImGui->NavId = 0;
    GImGui->NavDisableHighlight = true;
}

const std::string& focused_mark() { return context().ring.focused; }

void begin_column(float max_width) {
    const float avail = full_width();
    const float w = std::min(avail - 32.0f, max_width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
    context().columns.push_back({ImGui::GetCursorScreenPos().x, w});
    ImGui::BeginGroup();
    ImGui::PushItemWidth(w);
}

void end_column() {
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    context().columns.pop_back();
}

float width() {
    if (context().columns.empty()) return ImGui::GetContentRegionAvail().x;
    // What is left of the column from the cursor: an indented description or a widget
    // after SameLine() wraps at the column's edge, not past it.
    const Column& c = context().columns.back();
    return std::max(1.0f, std::min(c.w, c.x + c.w - ImGui::GetCursorScreenPos().x));
}

float full_width() {
    // The vertical scrollbar overlays the page margin instead of narrowing the page,
    // so nothing shifts sideways when it appears (the column keeps >= 16 px margins).
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    return ImGui::GetContentRegionAvail().x + (window->ScrollbarY ? window->ScrollbarSizes.x : 0.0f);
}

void begin_card(bool highlighted) {
    constexpr float pad = 16;
    if (context().card_depth == context().cards.size()) context().cards.emplace_back();
    OpenCard& card = context().cards[context().card_depth++];
    card.splitter.Split(ImGui::GetWindowDrawList(), 2);
    card.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    card.start = ImGui::GetCursorScreenPos();
    card.highlighted = highlighted;
    const float w = width();
    card.width = w;
    ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::SetCursorScreenPos(ImVec2(card.start.x + pad, ImGui::GetCursorScreenPos().y));
    context().columns.push_back({card.start.x + pad, w - 2 * pad});
    ImGui::BeginGroup();
    ImGui::PushItemWidth(w - 2 * pad);
}

namespace {
// Closes the card begun by begin_card and draws its box behind the content (the
// splitter's background channel): white with a border, or a plain fill for notices.
void close_card(ImU32 fill, bool bordered) {
    constexpr float pad = 16;
    IM_ASSERT(context().card_depth > 0 && "end_card without begin_card");
    if (context().card_depth == 0) return;  // release builds: a stray end_card draws nothing rather than corrupting memory
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    context().columns.pop_back();
    OpenCard& card = context().cards[--context().card_depth];
    const float bottom = ImGui::GetItemRectMax().y + pad;
    const float w = card.width;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card.splitter.SetCurrentChannel(dl, 0);
    const ImVec2 a = card.start, b(card.start.x + w, bottom);
    if (bordered) dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y + 2), IM_COL32(0, 0, 0, 10), 12);  // soft shadow
    dl->AddRectFilled(a, b, fill, 12);
    if (bordered)
        dl->AddRect(a, b, card.highlighted ? context().palette.accent : context().palette.border, 12, 0,
                    card.highlighted ? 2.0f : 1.0f);
    card.splitter.Merge(dl);
    ImGui::SetCursorScreenPos(ImVec2(card.start.x, bottom));
    ImGui::Dummy(ImVec2(w, 4));
}
}  // namespace

void end_card() { close_card(context().palette.card, true); }

void title(const char* t) {
    if (ImFont* f = web::title_font()) ImGui::PushFont(f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width());
    ImGui::TextUnformatted(t);
    ImGui::PopTextWrapPos();
    if (web::title_font()) ImGui::PopFont();
}

void subtitle(const char* t) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width());
    ImGui::PushStyleColor(ImGuiCol_Text, context().palette.ink);
    ImGui::TextUnformatted(t);
    // A poor man's bold: the same text again one pixel to the right.
    const ImVec2 min = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(nullptr, 0, ImVec2(min.x + 0.6f, min.y), context().palette.ink, t, nullptr,
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
    ImGui::PushStyleColor(ImGuiCol_Text, context().palette.muted);
    text(t);
    ImGui::PopStyleColor();
}

void error(const char* t) {
    context().errors.emplace_back(t);
    ImGui::PushStyleColor(ImGuiCol_Text, context().palette.danger);
    text(t);
    ImGui::PopStyleColor();
}

void notice(const char* t) {
    begin_card();
    ImGui::PushStyleColor(ImGuiCol_Text, context().palette.warning_ink);
    text(t);
    ImGui::PopStyleColor();
    close_card(context().palette.warning_bg, false);  // amber, no border
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
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width(), p.y), context().palette.border);
    ImGui::Dummy(ImVec2(width(), 1));
}

namespace {
// ImGui::Button `w` wide; a label longer than the button wraps onto more lines, each
// centred, instead of being clipped (long translations on a phone).
bool wrapping_button(const char* label, float w) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* end = ImGui::FindRenderedTextEnd(label);
    const float text_w = std::max(1.0f, w - 2 * style.FramePadding.x);
    if (ImGui::CalcTextSize(label, end).x <= text_w) return ImGui::Button(label, ImVec2(w, 0));
    const ImVec2 text = ImGui::CalcTextSize(label, end, false, text_w);
    // An id derived from the label's (stable while the label is), the text drawn by us.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(label);
    ImGui::PushOverrideID(id);
    const bool pressed = ImGui::Button("##wrapped", ImVec2(w, text.y + 2 * style.FramePadding.y));
    ImGui::PopID();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImVec2 min = ImGui::GetItemRectMin();
    float y = min.y + style.FramePadding.y;
    for (const char* line = label; line < end;) {
        const char* line_end = font->CalcWordWrapPositionA(size / font->FontSize, line, end, text_w);
        if (line_end == line) ++line_end;  // a word longer than the button: split it
        const float lw = font->CalcTextSizeA(size, FLT_MAX, 0, line, line_end).x;
        window->DrawList->AddText(font, size, ImVec2(min.x + (w - lw) * 0.5f, y), ImGui::GetColorU32(ImGuiCol_Text), line, line_end);
        y += ImGui::GetTextLineHeight();
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n')) ++line;
    }
    return pressed;
}
}  // namespace

bool primary_button(const char* label, const char* mark_id, bool enabled) {
    if (!enabled) ImGui::BeginDisabled();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 13));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
    bool pressed = wrapping_button(label, width());
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    const ImGuiID id = ImGui::GetItemID();
    if (enabled) pressed |= enter_pressed_on(id);
    if (!enabled) ImGui::EndDisabled();
    if (enabled) focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed && enabled;
}

bool button_fits(const char* label, float w) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * 16 <= w;
}

bool secondary_button(const char* label, const char* mark_id, float w) {
    ImGui::PushStyleColor(ImGuiCol_Button, context().palette.card);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, context().palette.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, context().palette.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, context().palette.accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 11));
    if (w > 0 && !button_fits(label, w)) {
        // Too narrow for its label (a long translation, a phone): take the row instead
        // of clipping the text.
        if (ImGui::GetCursorScreenPos().x > context().columns.back().x + 1) ImGui::NewLine();
        w = width();
    }
    bool pressed = w > 0 ? wrapping_button(label, w) : ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    const ImGuiID id = ImGui::GetItemID();
    pressed |= enter_pressed_on(id);
    focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed;
}

float small_button_width(const char* label) {
    const float natural = ImGui::CalcTextSize(label, nullptr, true).x + 2 * 7;
    return web::coarse_pointer() ? std::max(natural, kMinTouchTarget) : natural;
}

float small_button_height() {
    const float natural = ImGui::GetFontSize() + 2 * 4;
    return web::coarse_pointer() ? std::max(natural, kMinTouchTarget) : natural;
}

bool small_button(const char* label, const char* mark_id, bool selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? IM_COL32(255, 255, 255, 255) : IM_COL32(255, 255, 255, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, selected ? 255 : 60));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 120));
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? context().palette.accent : IM_COL32_WHITE);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(7, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
    bool pressed = ImGui::Button(label, ImVec2(small_button_width(label), small_button_height()));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    const ImGuiID id = ImGui::GetItemID();
    pressed |= enter_pressed_on(id);
    focus_after(id, false, mark_id);
    marked(mark_id);
    return pressed;
}

namespace {
// A radio button or checkbox whose label wraps at the column's edge (ImGui's own draw
// their label on one line, past the card on a phone or in German). The whole row,
// box and text, is one button.
bool choice_row(const char* label, bool on, bool round) {
    ImGuiContext& g = *GImGui;  // the test-engine hook macro names it
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const ImGuiStyle& style = g.Style;
    const ImGuiID id = window->GetID(label);
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    const float box = ImGui::GetFrameHeight();
    const ImVec2 pos = window->DC.CursorPos;
    const float wrap = std::max(1.0f, width() - box - style.ItemInnerSpacing.x);
    const ImVec2 text = ImGui::CalcTextSize(label, label_end, false, wrap);
    const ImRect bb(pos, ImVec2(pos.x + box + (text.x > 0 ? style.ItemInnerSpacing.x + text.x : 0),
                                pos.y + std::max(box, text.y + style.FramePadding.y * 2)));
    ImGui::ItemSize(bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id)) {
        IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable | (on ? ImGuiItemStatusFlags_Checked : 0));
        return false;
    }
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
    if (pressed) ImGui::MarkItemEdited(id);
    ImGui::RenderNavHighlight(bb, id);
    ImDrawList* dl = window->DrawList;
    const ImU32 fill = ImGui::GetColorU32(held && hovered ? ImGuiCol_FrameBgActive
                                          : hovered     ? ImGuiCol_FrameBgHovered
                                                        : ImGuiCol_FrameBg);
    const ImU32 mark_col = ImGui::GetColorU32(ImGuiCol_CheckMark);
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const ImRect check(pos, ImVec2(pos.x + box, pos.y + box));
    if (round) {
        const ImVec2 c(IM_ROUND(check.GetCenter().x), IM_ROUND(check.GetCenter().y));
        const float r = (box - 1) * 0.5f;
        dl->AddCircleFilled(c, r, fill, 16);
        if (on) dl->AddCircleFilled(c, r - std::max(1.0f, IM_FLOOR(box / 6)), mark_col, 16);
        if (style.FrameBorderSize > 0) dl->AddCircle(c, r, border, 16, style.FrameBorderSize);
    } else {
        ImGui::RenderFrame(check.Min, check.Max, fill, true, style.FrameRounding);
        const float pad = std::max(1.0f, IM_FLOOR(box / 6));
        if (on) ImGui::RenderCheckMark(dl, ImVec2(check.Min.x + pad, check.Min.y + pad), mark_col, box - pad * 2);
    }
    if (text.x > 0) {
        const ImVec2 at(check.Max.x + style.ItemInnerSpacing.x, pos.y + style.FramePadding.y);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), label, label_end, wrap);
    }
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable | (on ? ImGuiItemStatusFlags_Checked : 0));
    return pressed;
}
}  // namespace

bool checkbox(const char* label, bool* value, const char* mark_id) {
    bool changed = choice_row(label, *value, false);
    const ImGuiID id = ImGui::GetItemID();
    if (enter_pressed_on(id)) changed = true;
    if (changed) *value = !*value;
    focus_after(id, false, mark_id);
    marked(mark_id);
    return changed;
}

bool radio(const char* label, bool active, const char* mark_id) {
    bool pressed = choice_row(label, active, true);
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
}

bool submitted() { return context().submitted; }

bool text_field(const char* label, std::string* value, const char* mark_id, const char* hint,
                const char* error_text) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(mark_id);
    const ImGuiID id = ImGui::GetID("##field");
    focus_before(id, true);
    if (error_text) ImGui::PushStyleColor(ImGuiCol_Border, context().palette.danger);
    ImGui::SetNextItemWidth(width());
    const bool changed = hint ? ImGui::InputTextWithHint("##field", hint, value)
                              : ImGui::InputText("##field", value);
    if (error_text) ImGui::PopStyleColor();
    context().submitted = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(kKeyEnter, false);
    focus_after(id, true, mark_id);
    marked(mark_id);
    ImGui::PopID();
    if (error_text) {
        error(error_text);
        mark(std::string(mark_id) + "_error");
    }
    return changed;
}

bool select_field(const char* label, std::string* value, const std::vector<SelectOption>& options,
                  const char* mark_id, const char* placeholder, const char* error_text) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(mark_id);
    const ImGuiID id = ImGui::GetID("##select");
    // Enter opens the list like Space does (ImGui only opens it on "activate").
    if (enter_pressed_on(id)) ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, id));
    const SelectOption* current = nullptr;
    for (const SelectOption& o : options)
        if (o.value == *value) current = &o;
    if (error_text) ImGui::PushStyleColor(ImGuiCol_Border, context().palette.danger);
    ImGui::SetNextItemWidth(width());
    const bool open = ImGui::BeginCombo("##select", current ? current->label.c_str() : placeholder,
                                        ImGuiComboFlags_HeightLarge);
    if (error_text) ImGui::PopStyleColor();
    bool changed = false;
    if (open) {
        context().ring.items.push_back({id, false, mark_id});  // keeps its place in the Tab order
        for (const SelectOption& o : options) {
            const bool selected = current == &o;
            ImGui::PushID(o.value.c_str());
            bool picked = ImGui::Selectable(o.label.c_str(), selected, 0, ImVec2(0, ImGui::GetFrameHeight()));
            if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(kKeyEnter, false)) picked = true;
            if (selected && ImGui::IsWindowAppearing()) {
                ImGui::SetItemDefaultFocus();
                ImGui::SetScrollHereY();
            }
            mark(std::string(mark_id) + "_" + o.value);
            ImGui::PopID();
            if (picked) {
                changed = *value != o.value;
                *value = o.value;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndCombo();
    } else {
        focus_after(id, false, mark_id);
        marked(mark_id);
    }
    ImGui::PopID();
    if (error_text) {
        error(error_text);
        mark(std::string(mark_id) + "_error");
    }
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
    const ImU32 c = colour ? colour : context().palette.ink;
    const ImVec2 at(min.x + w - value_w, min.y);
    dl->AddText(at, c, value.c_str());
    if (strong) dl->AddText(ImVec2(at.x + 0.6f, at.y), c, value.c_str());
}

}  // namespace retour::app::ui
