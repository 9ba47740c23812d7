#pragma once
// Demo mode's built-in orders (web/demo/orders.json): one per scenario, with dates
// written as day offsets from today so the return windows stay right over time.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/order.h"
#include "wasm/app_state.h"

namespace retour::app {

struct DemoOrder {
    std::string scenario, number, email, postcode;
    Order order;
    ShopperForm address;
};

// Parses the file; dates (integers) become today + offset. Bad entries are skipped
// with a console note: demo data must never stop the portal.
std::vector<DemoOrder> parse_demo_orders(const std::string& text, Date today);

}  // namespace retour::app
