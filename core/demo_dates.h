#pragma once
// Demo orders (web/demo/orders.json) write their dates as day offsets from today
// (-6 = six days ago) so their return windows stay right whenever the demo runs.
// The portal's offline demo and `retour demo` both turn them into real dates here.
#include <nlohmann/json.hpp>

#include "core/date.h"

namespace retour {

// Returns `order` with each integer placed_at / fulfilled_at / delivered_at replaced
// by today + that many days ("YYYY-MM-DD"); other values are left for parse_order.
nlohmann::json resolve_day_offsets(nlohmann::json order, Date today);

}  // namespace retour
