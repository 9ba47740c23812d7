#include "core/currency_warnings.h"

namespace retour {

namespace {

struct Check {
    const Policy& base;
    const Policy& variant;
    std::string at;  // "/currencies/DKK"
    FieldErrors& out;

    void same(std::int64_t base_amount, std::int64_t variant_amount, const std::string& pointer) const {
        if (base_amount == 0 || base_amount != variant_amount) return;
        out.push_back({at + pointer, "keeps the policy's " + std::to_string(base_amount) + " (" +
                                         format_display(Money{base_amount, base.currency}) + "), read as " +
                                         format_display(Money{variant_amount, variant.currency}) +
                                         ": state the amount in " + variant.currency.str()});
    }
    void same(const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b, const std::string& pointer) const {
        if (a && b) same(*a, *b, pointer);
    }
    void restocking(const Restocking& a, const Restocking& b, const std::string& pointer) const {
        same(a.fixed, b.fixed, pointer + "/fixed");
        same(a.cap, b.cap, pointer + "/cap");
    }
    template <class Map, class Each>
    void each(const Map& a, const Map& b, const std::string& pointer, Each each_pair) const {
        for (const auto& [key, value] : a)
            if (auto it = b.find(key); it != b.end()) each_pair(value, it->second, pointer + "/" + pointer_token(key));
    }
};

}  // namespace

FieldErrors currency_amount_warnings(const Policy& policy) {
    FieldErrors out;
    for (const Policy& v : policy.currencies) {
        const Check c{policy, v, "/currencies/" + v.currency.str(), out};
        const Fees &a = policy.fees, &b = v.fees;
        // 1 (every minor unit) suits any currency; a unit such as IDR's 100 rarely does.
        if (policy.payout_unit != 1) c.same(policy.payout_unit, v.payout_unit, "/payout_unit");
        c.restocking(a.restocking, b.restocking, "/fees/restocking");
        const auto restock = [&](const Restocking& x, const Restocking& y, const std::string& p) { c.restocking(x, y, p); };
        c.each(a.restocking_by_reason, b.restocking_by_reason, "/fees/restocking/by_reason", restock);
        c.each(a.restocking_by_category, b.restocking_by_category, "/fees/restocking/by_category", restock);
        c.same(a.label, b.label, "/fees/label");
        c.each(a.handling_by_country, b.handling_by_country, "/fees/handling_by_country",
               [&](std::int64_t x, std::int64_t y, const std::string& p) { c.same(x, y, p); });
        c.same(policy.non_returnable.min_unit_price, v.non_returnable.min_unit_price, "/non_returnable/min_unit_price");
        c.same(policy.non_returnable.max_unit_price, v.non_returnable.max_unit_price, "/non_returnable/max_unit_price");
        c.same(policy.review.unit_price_above, v.review.unit_price_above, "/review/unit_price_above");
        c.same(policy.resolutions.store_credit_bonus_fixed, v.resolutions.store_credit_bonus_fixed,
               "/resolutions/store_credit/bonus/fixed");
        c.same(policy.resolutions.keep_item_max_value, v.resolutions.keep_item_max_value,
               "/resolutions/keep_item/max_line_value");
    }
    return out;
}

}  // namespace retour
