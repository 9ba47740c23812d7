#pragma once
// The shopper's app: all screen state in one struct, drawn with ImGui each frame.
// The state is what the browser test reads through window.retour.state().
#include <string>

namespace retour::app {

enum class Screen { FindOrder };

struct AppState {
    Screen screen = Screen::FindOrder;
    std::string order_number;
    std::string email;
    std::string message;  // the last thing we told the shopper, if anything
};

class App {
public:
    void start();
    void draw();
    std::string state_json() const;

private:
    AppState state_;
};

}  // namespace retour::app
