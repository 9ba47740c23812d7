#include "core/window.h"

#include "core/json_error.h"

namespace retour {

Date merchant_date(const Stamp& s, const TimeZone& tz) {
    return s.has_time ? tz.local_date(s.instant) : s.date;
}

std::optional<ReturnWindow> return_window(const Policy& policy, const Order& order, const OrderLine& line) {
    const Windows& w = policy.windows;
    const TimeZone& tz = policy.time_zone;
    ReturnWindow out;
    const bool by_delivery = w.counts_from == WindowAnchor::delivery;
    if (by_delivery && order.delivered) {
        out.anchor_date = merchant_date(*order.delivered, tz);
    } else if (by_delivery && w.require_delivery) {
        return std::nullopt;
    } else if (w.counts_from != WindowAnchor::order && order.fulfilled) {
        out.anchor = "fulfilled";
        out.anchor_date = merchant_date(*order.fulfilled, tz);
        if (by_delivery) out.anchor_date = out.anchor_date.plus_days(w.buffer_days);
    } else {
        out.anchor = "placed";
        out.anchor_date = merchant_date(order.placed, tz);
        if (w.counts_from != WindowAnchor::order) out.anchor_date = out.anchor_date.plus_days(w.buffer_days);
    }

    if (auto it = w.by_sku.find(line.sku); it != w.by_sku.end()) {
        out.days = it->second;
        out.rule = "/windows/overrides/sku/" + pointer_token(it->first);
    } else {
        const std::string* best_tag = nullptr;
        for (const auto& tag : line.tags) {
            auto t = w.by_tag.find(tag);
            if (t == w.by_tag.end()) continue;
            if (!best_tag || t->second > out.days || (t->second == out.days && t->first < *best_tag)) {
                best_tag = &t->first;
                out.days = t->second;
            }
        }
        if (best_tag) {
            out.rule = "/windows/overrides/tag/" + pointer_token(*best_tag);
        } else if (auto c = w.by_category.find(line.category); !line.category.empty() && c != w.by_category.end()) {
            out.days = c->second;
            out.rule = "/windows/overrides/category/" + pointer_token(c->first);
        } else {
            out.days = w.default_days;
            out.rule = "/windows/default_days";
        }
    }
    out.ends = out.anchor_date.plus_days(out.days);

    const Date placed = merchant_date(order.placed, tz);
    for (std::size_t i = 0; i < w.holidays.size(); ++i) {
        const HolidayRule& h = w.holidays[i];
        if (placed >= h.placed_from && placed <= h.placed_until && h.return_until > out.ends) {
            out.ends = h.return_until;
            out.rule = "/windows/holidays/" + std::to_string(i);
        }
    }

    if (w.roll_to_business_day) {
        // A year of closed days would be a broken policy; the bound keeps this finite.
        for (int guard = 0; guard < 366 && !w.is_business_day(out.ends); ++guard) {
            out.ends = out.ends.plus_days(1);
            out.rolled = true;
        }
    }
    return out;
}

}  // namespace retour
