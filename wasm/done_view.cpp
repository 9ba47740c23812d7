#include "wasm/done_view.h"

#include "core/i18n/i18n.h"
#include "wasm/pricing.h"
#include "wasm/text.h"

namespace retour::app {

namespace {

// The field names the shopper typed them under, for "could not accept: Postcode, City".
const char* field_key(const std::string& pointer) {
    struct Field {
        const char* pointer;
        const char* key;
    };
    static constexpr Field kFields[] = {
        {"/shopper/name", "address.name"},           {"/shopper/email", "find.email"},
        {"/shopper/address/line1", "address.street"}, {"/shopper/address/line2", "address.line2"},
        {"/shopper/address/postcode", "address.postcode"}, {"/shopper/address/city", "address.city"},
        {"/shopper/address/country", "address.country"},
    };
    for (const Field& f : kFields)
        if (pointer.rfind(f.pointer, 0) == 0) return f.key;
    return nullptr;
}

std::string request_line_title(const nlohmann::json& request, int index) {
    const auto lines = request.find("lines");
    if (index < 0 || lines == request.end() || !lines->is_array() || static_cast<std::size_t>(index) >= lines->size())
        return "";
    const auto& line = (*lines)[static_cast<std::size_t>(index)];
    return line.is_object() ? line.value("title", "") : "";
}

std::string refusal_text(const Refusal& r, const std::string& shop, bool* fixable) {
    std::string fields;
    for (const std::string& p : r.fields) {
        const char* key = field_key(p);
        if (!key) continue;
        const std::string name = tr(key);
        if (fields.find(name) != std::string::npos) continue;
        fields += (fields.empty() ? "" : ", ") + name;
    }
    if (!fields.empty()) {
        *fixable = true;
        return trf("done.refused_details", {{"shop", shop}, {"fields", fields}});
    }
    // Said in the shopper's words; sending the same return again cannot help.
    if (r.code == "too_late") {
        *fixable = false;
        return trf("done.refused_too_late", {{"shop", shop}});
    }
    if (r.code == "token_expired") {
        *fixable = false;
        return trf("done.refused_expired", {{"shop", shop}});
    }
    // 409/422: the receiver checked the return against its own rules and prices (they
    // may have changed since this page loaded); sending it again re-prices it.
    if (r.status == 409 || r.status == 422) {
        *fixable = true;
        return trf("done.refused_check", {{"shop", shop}});
    }
    *fixable = false;
    const std::string code = r.code.empty() ? "HTTP " + std::to_string(r.status) : r.code;
    return trf("done.refused_setup", {{"shop", shop}, {"code", code}});
}

Money total(const nlohmann::json& quote, const char* key) {
    Money m;
    if (auto c = Currency::from_code(quote.value("currency", ""))) m.currency = *c;
    const auto totals = quote.find("totals");
    if (totals != quote.end() && totals->is_object()) m.minor = totals->value(key, std::int64_t{0});
    return m;
}

std::vector<std::string> next_steps(const AppState& s, const std::string& shop) {
    const nlohmann::json& req = s.request_json;
    const nlohmann::json quote = req.value("quote", nlohmann::json::object());
    Resolution resolution = s.resolution;
    if (auto lines = req.find("lines"); lines != req.end() && lines->is_array() && !lines->empty())
        if (auto r = parse_resolution((*lines)[0].value("resolution", ""))) resolution = *r;
    const ReturnMethod method = parse_return_method(req.value("return_method", "")).value_or(s.method);

    std::vector<std::string> out;
    if (resolution == Resolution::keep_item) {
        out.push_back(tr("done.next_keep_item"));
    } else {
        out.push_back(tr(method == ReturnMethod::drop_off  ? "done.next_drop_off"
                         : method == ReturnMethod::prepaid ? "done.next_prepaid"
                                                           : "done.next_print_label"));
    }
    if (quote.value("needs_review", false)) {
        out.push_back(tr("done.next_review"));
        return out;
    }
    const auto amount = [&](const char* key) { return money(total(quote, key)); };
    switch (resolution) {
    case Resolution::refund: out.push_back(trf("done.next_refund", {{"amount", amount("refund")}})); break;
    case Resolution::keep_item: out.push_back(trf("done.next_keep_item_refund", {{"amount", amount("refund")}})); break;
    case Resolution::store_credit:
        out.push_back(trf("done.next_store_credit", {{"amount", amount("store_credit")}}));
        break;
    case Resolution::gift_card: out.push_back(trf("done.next_gift_card", {{"amount", amount("gift_card")}})); break;
    case Resolution::exchange:
        out.push_back(tr("done.next_exchange"));
        if (total(quote, "customer_pays").minor > 0)
            out.push_back(trf("done.next_exchange_pay", {{"amount", amount("customer_pays")}, {"shop", shop}}));
        else if (total(quote, "refund").minor > 0)
            out.push_back(trf("done.next_exchange_refund", {{"amount", amount("refund")}}));
        break;
    }
    // Only a shop whose receiver sends mail (policy notifications.email) promises it.
    if (s.policy && s.policy->notifications.email) out.push_back(tr("done.next_email"));
    return out;
}

}  // namespace

DoneView done_view(const AppState& s, bool online) {
    DoneView v;
    const std::string shop = s.policy ? s.policy->shop.name : "";
    const bool sends_back = s.resolution != Resolution::keep_item;
    v.next = next_steps(s, shop);
    if (s.delivery == "rejected") {
        v.icon = "refused";
        v.title_key = "done.title_refused";
        const std::string item = request_line_title(s.request_json, s.refusal.over_line);
        if (!item.empty() && s.refusal.left >= 0) {
            // Earlier returns of this order took some units: the quantity must change.
            v.status = trf("done.refused_over_return",
                           {{"shop", shop}, {"item", item}, {"left", std::to_string(s.refusal.left)}});
            v.fix_items = true;
        } else {
            v.status = refusal_text(s.refusal, shop, &v.resend);
        }
        v.status_is_problem = true;
        v.next.clear();  // nothing happens next until it is sent again
        return v;
    }
    v.labels = sends_back;
    if (s.delivery == "sent" && s.review) {
        // The shop's receiver decides with what only it knows (earlier returns, a late
        // arrival): promise no amount before a person has looked.
        v.status = trf("done.review_by_shop", {{"shop", shop}});
        v.next.resize(1);
    } else if (s.delivery == "sent") {
        v.status = trf("done.sent", {{"shop", shop}});
    } else if (s.delivery == "demo") {
        v.status = tr("done.demo");
    } else if (s.delivery == "sending") {
        v.icon = "pending";
        v.title_key = "done.title_sending";
        v.status = trf("done.sending", {{"shop", shop}});
    } else {  // queued: offline, or the shop's receiver did not answer
        v.icon = "pending";
        v.title_key = "done.title_queued";
        v.status = online ? trf("done.queued_unreachable", {{"shop", shop}}) : tr("done.queued");
        v.status_is_problem = true;
    }
    return v;
}

}  // namespace retour::app
