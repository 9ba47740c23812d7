#include "wasm/app.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "wasm/test_hook.h"
#include "wasm/theme.h"

namespace retour::app {

namespace {
const char* screen_name(Screen s) {
    switch (s) {
    case Screen::FindOrder: return "find_order";
    }
    return "unknown";
}
}  // namespace

void App::start() { apply_theme(Theme{}); }

void App::draw() {
    clear_marks();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("##portal", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);

    const float width = std::min(vp->WorkSize.x - 32.0f, 520.0f);
    ImGui::SetCursorPosX((vp->WorkSize.x - width) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width);
    ImGui::Dummy(ImVec2(0, 12));
    ImGui::TextUnformatted("Retour");
    ImGui::TextDisabled("Rückgabe – Returnering – Retur – Pengembalian · æøå ß €");
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::TextWrapped("Start a return: enter your order number and the email address you ordered with.");
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::TextUnformatted("Order number");
    ImGui::InputText("##order", &state_.order_number);
    mark("order_number");
    ImGui::TextUnformatted("Email");
    ImGui::InputText("##email", &state_.email);
    mark("email");
    ImGui::Dummy(ImVec2(0, 8));
    const bool find = ImGui::Button("Find my order", ImVec2(width, 0));
    mark("find_order");
    if (find) {
        state_.message = state_.order_number.empty() ? "Please enter your order number." : "Looking up " + state_.order_number + "…";
    }
    if (!state_.message.empty()) ImGui::TextWrapped("%s", state_.message.c_str());
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::End();
}

std::string App::state_json() const {
    nlohmann::json j{
        {"screen", screen_name(state_.screen)},
        {"order_number", state_.order_number},
        {"email", state_.email},
        {"message", state_.message},
        {"items", marks_json()},
    };
    return j.dump();
}

}  // namespace retour::app
