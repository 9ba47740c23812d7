#include "wasm/test_hook.h"

#include <array>

#include "imgui.h"
#include "wasm/ui_context.h"

namespace retour::app {

void mark(const std::string& id) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    // Only what is actually visible inside its window can be clicked.
    if (!ImGui::IsItemVisible()) return;
    ui::context().marks[id] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

void clear_marks() { ui::context().marks.clear(); }

nlohmann::json marks_json() {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, r] : ui::context().marks) j[id] = {r[0], r[1], r[2], r[3]};
    return j;
}

}  // namespace retour::app
