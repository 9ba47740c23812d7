#pragma once
// What the screens show that is derived from the state, computed once per frame
// before drawing (the screens read it, like the state, and never change either).
#include <vector>

#include "core/eligibility.h"
#include "core/order.h"
#include "wasm/app_state.h"
#include "wasm/demo_orders.h"

namespace retour::app {

struct LineView {
    const OrderLine* line = nullptr;
    const Decision* decision = nullptr;
    const LineChoice* choice = nullptr;
    int returnable = 0;  // units the shopper may still choose (0: not selectable)
    int taken = 0;       // already returned per the order, plus sent from this device since
};

struct View {
    std::vector<LineView> lines;  // the order's lines that have a decision, in order
    bool any_selectable = false, any_selected = false;
    bool online = true;
    const std::vector<DemoOrder>* demo_orders = nullptr;  // demo mode's example orders (find screen)
};

// Pointers into `s`: valid while `s` is unchanged (one frame).
View make_view(const AppState& s, bool online);

}  // namespace retour::app
