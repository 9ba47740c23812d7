#include "wasm/view.h"

#include "wasm/pricing.h"

namespace retour::app {

View make_view(const AppState& s, bool online) {
    View v;
    v.online = online;
    if (!s.order) return v;
    for (const LineChoice& c : s.lines) {
        LineView l;
        l.line = s.order->find_line(c.line_id);
        l.decision = decision_for(s, c.line_id);
        if (!l.line || !l.decision) continue;
        l.choice = &c;
        l.returnable = returnable_quantity(s, c.line_id);
        l.taken = l.line->quantity_returned + requested_on_device(s, c.line_id);
        v.any_selectable |= l.returnable > 0;
        v.any_selected |= c.selected;
        v.lines.push_back(l);
    }
    return v;
}

}  // namespace retour::app
