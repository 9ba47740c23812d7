#include "core/demo_dates.h"

namespace retour {

nlohmann::json resolve_day_offsets(nlohmann::json order, Date today) {
    if (!order.is_object()) return order;
    for (const char* key : {"placed_at", "fulfilled_at", "delivered_at"}) {
        auto it = order.find(key);
        if (it != order.end() && it->is_number_integer())
            *it = format_date(today.plus_days(it->get<std::int32_t>()));
    }
    return order;
}

}  // namespace retour
