#pragma once
// The portal's look: a light theme with the merchant's accent colour.
#include <cstdint>

namespace retour::app {

struct Theme {
    uint32_t accent_rgb = 0;  // 0 = Retour's teal (0x0F766E)
};

// Sets ImGui's style for the whole app; call again when the policy's branding arrives.
void apply_theme(const Theme& theme);

}  // namespace retour::app
