#pragma once
// The return window of one order line: which rule sets its length, which date it
// counts from, and the last day (merchant's calendar) a return is accepted.
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/order.h"
#include "core/policy.h"

namespace retour {

struct ReturnWindow {
    const char* anchor = "delivered";  // "delivered" | "fulfilled" | "placed"
    Date anchor_date;      // incl. buffer days for a fulfilment/order-date anchor
    std::int32_t days = 0;
    Date ends;             // last day, inclusive; the window closes at its end of day
    std::string rule;      // policy pointer that set `ends`, e.g. "/windows/overrides/sku/ABC"
    bool rolled = false;   // moved forward to a business day
};

// nullopt when the policy requires a delivery date and the order has none.
// Anchor (Windows::counts_from): delivery → delivery date, else fulfilment date +
// buffer, else order date + buffer; fulfilment → fulfilment date, else order date +
// buffer; order → order date. The buffer stands in for a delivery date the shop
// lacks, so it is added only to a fallback.
// Length: SKU > tag > category > default (see Windows in policy.h for tag ties).
// Holiday rules only ever extend a window. The roll to the next business day
// happens last, so it also moves a holiday's fixed date.
std::optional<ReturnWindow> return_window(const Policy& policy, const Order& order, const OrderLine& line);

// The merchant's calendar day of a stamp (a date is taken as it is).
Date merchant_date(const Stamp& s, const TimeZone& tz);

}  // namespace retour
