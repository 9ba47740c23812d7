// A quote as JSON: money as integer minor units, currency stated once at the top.
#include "core/quote.h"

namespace retour {

nlohmann::json to_json(const Quote& q) {
    using nlohmann::json;
    json errors = json::array();
    for (const auto& e : q.errors) errors.push_back({{"code", e.code}, {"pointer", e.pointer}, {"message", e.message}});
    json j = {{"currency", q.currency.str()}, {"ok", q.ok()}, {"errors", std::move(errors)}};
    if (!q.ok()) return j;
    json lines = json::array();
    for (const auto& l : q.lines) {
        json x = {{"line_id", l.line_id},
                  {"quantity", l.quantity},
                  {"reason", l.reason},
                  {"resolution", to_string(l.resolution)},
                  {"paid", l.paid.minor},
                  {"tax", l.tax.minor},
                  {"restocking_fee", l.restocking_fee.minor},
                  {"bonus", l.bonus.minor},
                  {"credit", l.credit.minor},
                  {"keep_item", l.keep_item},
                  {"fees_waived", l.fees_waived},
                  {"review", l.review},
                  {"review_codes", l.review_codes}};
        if (!l.sub_reason.empty()) x["sub_reason"] = l.sub_reason;
        if (l.resolution == Resolution::exchange) {
            x["exchange_sku"] = l.exchange_sku;
            x["exchange_price"] = l.exchange_price.minor;
            x["exchange_difference"] = l.exchange_difference.minor;
        }
        lines.push_back(std::move(x));
    }
    const QuoteTotals& t = q.totals;
    j["lines"] = std::move(lines);
    j["totals"] = {{"paid", t.paid.minor},
                   {"restocking_fees", t.restocking_fees.minor},
                   {"label_fee", t.label_fee.minor},
                   {"handling_fee", t.handling_fee.minor},
                   {"fees", t.fees.minor},
                   {"bonus", t.bonus.minor},
                   {"refund", t.refund.minor},
                   {"store_credit", t.store_credit.minor},
                   {"gift_card", t.gift_card.minor},
                   {"customer_pays", t.customer_pays.minor}};
    // Only when refunded, so quotes of orders without it keep their exact bytes.
    if (t.original_shipping.minor > 0) {
        j["totals"]["original_shipping"] = t.original_shipping.minor;
        j["totals"]["original_shipping_tax"] = t.original_shipping_tax.minor;
    }
    j["needs_review"] = q.needs_review;
    return j;
}

}  // namespace retour
