#pragma once
// Where things are on screen, for the browser tests: screens call mark("id") after
// an item they want tests to reach, and window.retour.state() reports its rectangle
// in CSS pixels. Tests click what the app says is there instead of guessing pixels.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace retour::app {

// Records the rectangle of the last ImGui item under `id` for this frame.
void mark(const std::string& id);

// Forgets last frame's marks; call at the start of each frame.
void clear_marks();

// {"id": [x, y, w, h], ...}
nlohmann::json marks_json();

}  // namespace retour::app
