#pragma once
// The portal natively: an App on a FakePlatform that serves web/demo (its policy
// pointed at a webhook that answers), drawn headless with ImGui and no renderer
// (imgui's examples/example_null): a context, a display size, a built font atlas.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "tests/portal/fake_platform.h"
#include "wasm/app.h"

namespace retour::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline constexpr const char* kHook = "https://shop.test/hook";

// The demo policy with a webhook the fake answers (the demo's own example.com one is
// never posted to), and the demo's orders.
inline web::HttpResponse demo_site(const web::HttpRequest& r, int hook_status) {
    web::HttpResponse a;
    if (r.method == "POST" && r.url == kHook) {
        a.status = hook_status;
        a.body = hook_status == 200 ? R"({"status":"accepted"})" : R"({"error":"quote_mismatch"})";
        return a;
    }
    const std::string root = RETOUR_ROOT "/web/";
    if (r.url == "demo/policy.json") {
        auto policy = nlohmann::json::parse(read_file(root + "demo/policy.json"));
        policy["webhook"]["url"] = kHook;
        a.status = 200;
        a.body = policy.dump();
    } else if (r.url == "demo/orders.json") {
        a.status = 200;
        a.body = read_file(root + "demo/orders.json");
    } else {
        a.status = 404;
    }
    return a;
}

class Headless {
public:
    Headless() {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(420, 900);
        io.DeltaTime = 1.0f / 60;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(ctx_); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // Draws `n` frames of the app; returns the last frame's vertex count.
    int frames(app::App& a, int n = 2) {
        int vertices = 0;
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            a.draw();
            ImGui::Render();
            vertices = ImGui::GetDrawData()->TotalVtxCount;
        }
        return vertices;
    }

private:
    ImGuiContext* ctx_ = nullptr;
};

// One shopper's browser: the fake page, the app in it, headless drawing.
struct Portal {
    FakePlatform page;
    Headless imgui;
    std::unique_ptr<app::App> app;
    int hook_status = 200;

    Portal() {
        page.query = "demo";
        page.server = [this](const web::HttpRequest& r) { return demo_site(r, hook_status); };
        open();
    }
    // A page load (also a reload: storage and history stay).
    void open() {
        page.reload();
        app = std::make_unique<app::App>(page);
        app->start();
        page.settle();
        imgui.frames(*app);
    }
    // Finds demo order 1001 and confirms a refund of its T-shirt (too small).
    void confirm_a_refund() {
        s().order_number = "1001";
        s().contact = "alex@example.com";
        app->find_order();
        page.advance(100);
        app->dispatch()(app::ToggleLine{"l1", true});
        app->dispatch()(app::PickReason{"l1", "too_small"});
        app->dispatch()(app::PickResolution{Resolution::refund});
        app->apply_actions();
        app->submit();
        page.settle();
        imgui.frames(*app);
    }
    app::AppState& s() { return app->s; }
    nlohmann::json state() { return nlohmann::json::parse(app->state_json()); }
    std::string screen() { return app::screen_name(s().screen); }
};

}  // namespace retour::test
