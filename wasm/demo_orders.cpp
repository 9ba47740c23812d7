#include "wasm/demo_orders.h"

#include "core/demo_dates.h"

#include <cstdio>

namespace retour::app {

std::vector<DemoOrder> parse_demo_orders(const std::string& text, Date today) {
    std::vector<DemoOrder> out;
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.contains("orders") || !doc["orders"].is_array()) {
        std::fprintf(stderr, "retour: demo/orders.json is not valid\n");
        return out;
    }
    for (const auto& entry : doc["orders"]) {
        if (!entry.is_object() || !entry.contains("order")) continue;
        const nlohmann::json order = resolve_day_offsets(entry["order"], today);
        auto parsed = parse_order(order);
        if (!parsed.ok()) {
            for (const auto& e : parsed.errors)
                std::fprintf(stderr, "retour: demo order %s: %s\n", order.value("number", "?").c_str(), e.text().c_str());
            continue;
        }
        DemoOrder d;
        d.scenario = entry.value("scenario", "");
        d.order = std::move(*parsed.value);
        d.number = d.order.number;
        d.email = entry.value("email", d.order.email);
        if (entry.contains("address") && entry["address"].is_object()) {
            const auto& a = entry["address"];
            d.address.name = a.value("name", "");
            d.address.line1 = a.value("line1", "");
            d.address.line2 = a.value("line2", "");
            d.address.postcode = a.value("postcode", "");
            d.address.city = a.value("city", "");
            d.address.region = a.value("region", "");
            d.address.country = a.value("country", "");
            d.postcode = d.address.postcode;
        }
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace retour::app
