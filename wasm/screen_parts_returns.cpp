// Parts several screens share: the shop's contact details (wherever the shopper is
// told to contact the shop) and the returns confirmed on this device (find screen).
#include "core/i18n/i18n.h"
#include "wasm/app.h"
#include "wasm/test_hook.h"
#include "wasm/text.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {

const char* delivery_key(const std::string& delivery) {
    if (delivery == "sent") return "find.device_return_sent";
    if (delivery == "rejected") return "find.device_return_refused";
    if (delivery == "demo") return "find.device_return_demo";
    return "find.device_return_waiting";
}

}  // namespace

void draw_shop_contact(const AppState& s, Dispatch& dispatch) {
    if (!s.policy) return;
    const Policy& p = *s.policy;
    const Contact c = shopper_contact(p);
    if (c.empty()) return;
    ImGui::BeginGroup();
    ui::begin_card();
    ui::subtitle(trf("contact.title", {{"shop", p.shop.name}}).c_str());
    const float w = ui::width();
    // Each detail opens the mail program, the phone or the page (and shows it in full).
    if (!c.email.empty() && ui::secondary_button(trf("contact.email", {{"email", c.email}}).c_str(), "contact_email", w))
        dispatch(OpenLink{"mailto:" + c.email});
    if (!c.phone.empty() && ui::secondary_button(trf("contact.phone", {{"phone", c.phone}}).c_str(), "contact_phone", w)) {
        std::string tel = "tel:";
        for (char ch : c.phone)
            if ((ch >= '0' && ch <= '9') || ch == '+') tel += ch;
        dispatch(OpenLink{tel});
    }
    if (!c.url.empty() && ui::secondary_button(trf("contact.web", {{"url", c.url}}).c_str(), "contact_web", w))
        dispatch(OpenLink{c.url});
    ui::end_card();
    ImGui::EndGroup();
    mark("shop_contact");
}

void draw_device_returns(const AppState& s, Dispatch& dispatch) {
    if (s.device_returns.empty()) return;
    ui::spacer(12);
    ui::subtitle(tr("find.device_returns"));
    mark("device_returns");
    ui::spacer(2);
    int i = 0;
    for (const DeviceReturn& r : s.device_returns) {
        ImGui::PushID(r.id.c_str());
        ui::begin_card();
        ui::subtitle(r.rma.c_str());
        std::string when = r.created_at;
        // The day as the shop counts days (like the label's date), not UTC's.
        const TimeZone zone = s.policy ? s.policy->time_zone : TimeZone::utc();
        if (auto t = parse_instant(r.created_at)) when = i18n::format_date(zone.local_date(*t), s.locale);
        const std::string line = trf("find.device_return_line", {{"date", when}, {"number", r.order_number}}) +
                                 "  \xC2\xB7  " + tr(delivery_key(r.delivery));
        ui::muted(line.c_str());
        const std::string id = "device_return_" + std::to_string(i++);
        if (ui::secondary_button(tr("find.device_return_open"), id.c_str())) dispatch(OpenReturn{r.id});
        ui::end_card();
        ImGui::PopID();
    }
}

}  // namespace retour::app
