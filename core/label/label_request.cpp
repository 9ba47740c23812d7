#include "core/label/label_request.h"

#include "core/label/qr.h"
#include "core/request_rma.h"

namespace retour::label {

namespace {

// "de-AT" reads the policy's "de" text: its texts are keyed by language.
std::string reason_text(const Policy& policy, const std::string& handle, const std::string& locale) {
    const Reason* reason = policy.find_reason(handle);
    if (!reason || reason->label.by_locale.empty()) return handle;
    return reason->label.get(std::string_view(locale).substr(0, locale.find('-')));
}

}  // namespace

LabelFromRequest label_input(const ReturnRequest& r, const Policy& policy) {
    LabelFromRequest out;
    if (!r.shopper.address) {
        out.error = "request /shopper/address: missing (a label needs the sender's address)";
        return out;
    }
    LabelInput in;
    in.shop_name = policy.shop.name;
    static_cast<PostalAddress&>(in.from) = *r.shopper.address;
    in.from.name = r.shopper.name;
    in.to = policy.merchant.return_address;
    in.order_number = r.order.number;
    in.carrier = policy.labels.carrier;
    in.service = policy.labels.service;
    in.prepaid_label_url = policy.labels.prepaid_label_url;
    in.return_method = r.return_method;
    in.locale = r.locale;
    in.requested_on = policy.time_zone.local_date(r.created_at);
    in.demo = r.demo || policy.demo;
    in.rma = r.rma.empty() ? request_rma(policy, r.id) : r.rma;
    for (const RequestLine& l : r.lines)
        in.items.push_back(LabelItem{l.sku, l.title, l.variant, l.quantity, reason_text(policy, l.reason, r.locale)});
    if (policy.labels.qr_payload == "status_url") in.qr_payload = qr_status_url(policy.labels.qr_status_url, in.rma);
    else if (policy.labels.qr_payload == "compact") in.qr_payload = qr_json_payload(in.rma, in.order_number, in.shop_name);
    out.input = std::move(in);
    return out;
}

}  // namespace retour::label
