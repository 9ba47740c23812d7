#include "wasm/theme.h"

#include "imgui.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {
ImVec4 rgb(uint32_t c, float a = 1) {
    return ImVec4(static_cast<float>((c >> 16) & 0xFF) / 255.0f, static_cast<float>((c >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(c & 0xFF) / 255.0f, a);
}
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}
}  // namespace

void apply_theme(const Theme& theme) {
    ImGuiStyle& s = ImGui::GetStyle();
    ImGui::StyleColorsLight(&s);
    const ImVec4 accent = rgb(theme.accent_rgb ? theme.accent_rgb : 0x0F766E);
    const ImVec4 white(1, 1, 1, 1);
    const ImVec4 ink = rgb(0x1F2937);

    s.WindowPadding = ImVec2(16, 16);
    s.FramePadding = ImVec2(12, 9);
    s.ItemSpacing = ImVec2(10, 10);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.ScrollbarSize = 12;
    s.FrameRounding = 8;
    s.GrabRounding = 8;
    s.ChildRounding = 10;
    s.PopupRounding = 8;
    s.ScrollbarRounding = 8;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 1;
    s.ChildBorderSize = 1;
    s.TouchExtraPadding = ImVec2(2, 2);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = ink;
    c[ImGuiCol_TextDisabled] = rgb(0x6B7280);
    c[ImGuiCol_WindowBg] = rgb(0xF7F7F5);
    c[ImGuiCol_ChildBg] = white;
    c[ImGuiCol_PopupBg] = white;
    c[ImGuiCol_Border] = rgb(0xD6D6D1);
    c[ImGuiCol_FrameBg] = white;
    c[ImGuiCol_FrameBgHovered] = mix(white, accent, 0.06f);
    c[ImGuiCol_FrameBgActive] = mix(white, accent, 0.12f);
    c[ImGuiCol_Button] = accent;
    c[ImGuiCol_ButtonHovered] = mix(accent, white, 0.15f);
    c[ImGuiCol_ButtonActive] = mix(accent, ink, 0.2f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = mix(accent, ink, 0.2f);
    c[ImGuiCol_Header] = mix(white, accent, 0.15f);
    c[ImGuiCol_HeaderHovered] = mix(white, accent, 0.22f);
    c[ImGuiCol_HeaderActive] = mix(white, accent, 0.3f);
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_TextSelectedBg] = mix(white, accent, 0.3f);
    c[ImGuiCol_Separator] = rgb(0xE5E5E0);

    ui::Palette p;
    p.accent = ImGui::ColorConvertFloat4ToU32(accent);
    p.accent_soft = ImGui::ColorConvertFloat4ToU32(mix(white, accent, 0.12f));
    p.ink = ImGui::ColorConvertFloat4ToU32(ink);
    p.muted = ImGui::ColorConvertFloat4ToU32(rgb(0x6B7280));
    p.card = IM_COL32_WHITE;
    p.border = ImGui::ColorConvertFloat4ToU32(rgb(0xE2E2DC));
    p.danger = ImGui::ColorConvertFloat4ToU32(rgb(0xB42318));
    p.warning_bg = ImGui::ColorConvertFloat4ToU32(rgb(0xFEF3C7));
    p.warning_ink = ImGui::ColorConvertFloat4ToU32(rgb(0x92400E));
    p.success = ImGui::ColorConvertFloat4ToU32(rgb(0x15803D));
    ui::set_palette(p);
}

}  // namespace retour::app
