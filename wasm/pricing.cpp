#include "wasm/pricing.h"

#include <algorithm>
#include <string_view>

#include "core/i18n/money_format.h"
#include "wasm/text.h"

namespace retour::app {

Selection selection_of(const AppState& s, Resolution resolution) {
    Selection sel;
    if (!s.order) return sel;
    for (const LineChoice& c : s.lines) {
        if (!c.selected) continue;
        SelectionLine l;
        l.line_id = c.line_id;
        l.quantity = c.quantity;
        l.reason = c.reason;
        l.sub_reason = c.sub_reason;
        l.resolution = resolution;
        l.comment = c.comment;
        l.photos = c.photo ? 1 : 0;
        if (resolution == Resolution::exchange) l.exchange_sku = c.exchange_sku;
        sel.lines.push_back(std::move(l));
    }
    return sel;
}

Quote quote_for(const AppState& s, Resolution resolution) {
    if (!s.policy || !s.order) return {};
    return quote(*s.policy, *s.order, selection_of(s, resolution), s.decisions);
}

bool only_variants_missing(const Quote& q) {
    if (q.errors.empty()) return false;
    for (const QuoteError& e : q.errors)
        if (std::string_view(e.code) != "exchange_variant_required") return false;
    return true;
}

bool can_choose(const Quote& q) { return q.ok() || only_variants_missing(q); }

std::string money(const Money& m) {
    if (m.currency.empty()) return "";
    return i18n::format_money(m, locale());
}

const Decision* decision_for(const AppState& s, const std::string& line_id) {
    for (const Decision& d : s.decisions)
        if (d.line_id == line_id) return &d;
    return nullptr;
}

int requested_on_device(const AppState& s, const std::string& line_id) {
    if (!s.order) return 0;
    std::int64_t units = 0;
    for (const DeviceReturn& r : s.device_returns) {
        // A refused one took nothing; a demo one reached no shop; the attempt being
        // corrected is this one.
        if (r.delivery == "rejected" || r.delivery == "demo" || r.id == s.attempt_id) continue;
        const auto order = r.request.find("order");
        if (order == r.request.end() || !order->is_object() || order->value("id", "") != s.order->id) continue;
        const auto lines = r.request.find("lines");
        if (lines == r.request.end() || !lines->is_array()) continue;
        for (const auto& l : *lines)
            if (l.is_object() && l.value("line_id", "") == line_id) {
                const auto q = l.find("quantity");
                if (q != l.end() && q->is_number_integer()) units += std::max<std::int64_t>(0, std::min<std::int64_t>(q->get<std::int64_t>(), 100000));
            }
    }
    return static_cast<int>(std::min<std::int64_t>(units, 1000000));
}

int returnable_quantity(const AppState& s, const std::string& line_id) {
    const Decision* d = decision_for(s, line_id);
    if (!d || d->status == Status::ineligible) return 0;
    // The receiver counts what it already has of this order; the signed order cannot
    // know returns requested since, but this device can.
    return std::max(0, d->returnable_quantity - requested_on_device(s, line_id));
}

}  // namespace retour::app
