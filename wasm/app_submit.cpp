// Confirming a return: confirm() builds the request (wasm/confirmation.h), it goes
// into the outbox (stored before it is posted), and the label is rendered on request.
#include <cstdio>

#include "core/i18n/i18n.h"
#include "core/request_id.h"
#include "core/label/label.h"
#include "core/label/label_json.h"
#include "wasm/address_form.h"
#include "wasm/app.h"
#include "wasm/confirmation.h"
#include "wasm/pricing.h"
#include "wasm/text.h"

namespace retour::app {

namespace {
constexpr const char* kDraftKey = "draft";
}  // namespace

void App::submit() {
    if (!s.policy || !s.order || s.screen == Screen::Done) return;
    if (!valid_request_id(s.attempt_id)) s.attempt_id = p_.request_id();
    const Instant now = App::now();
    Confirmation c = confirm(s, now);
    if (!c.problem.empty()) s.message = c.problem;
    if (c.address_incomplete) s.summary_tried = true;
    if (!c.ok()) return;
    const ReturnRequest& request = *c.request;

    // This attempt was confirmed already (in another tab, or before a reload): show it.
    // Another return with the same contents (the second unit, later) is a new attempt.
    load_device_returns();
    if (const DeviceReturn* same = find_return(s.device_returns, request.id); same && same->delivery != "rejected") {
        const DeviceReturn copy = *same;
        p_.storage_remove(kDraftKey);
        last_draft_.clear();
        clear_return();
        show_return(copy);
        show(Screen::Done);
        s.message = tr("done.already_sent");
        return;
    }

    s.request_id = request.id;
    s.rma = request.rma;
    s.request_json = c.request_json;
    s.refusal = {};
    if (s.demo) s.demo_outbox.push_back({request.id, request.rma, c.body});
    s.delivery = !posting_enabled() ? "demo" : p_.online() ? "sending" : "queued";
    c.record.delivery = s.delivery;
    update_device_returns([&](std::vector<DeviceReturn>& list) { remember_return(list, c.record); });
    if (posting_enabled()) outbox_.submit(request.id, c.body);
    p_.emit("submitted", nlohmann::json{{"rma", request.rma}, {"id", request.id}}.dump());
    p_.storage_remove(kDraftKey);
    last_draft_.clear();
    go(Screen::Done);
}

void App::record_delivery(const RecordDelivery& r) {
    update_device_returns([&](std::vector<DeviceReturn>& list) {
        if (DeviceReturn* known = find_return(list, r.id)) {
            known->delivery = r.delivery;
            known->refusal = r.refusal;
            known->review = r.review;
        }
    });
}

void App::download_label(label::LabelFormat format, bool print) {
    auto input = label::label_input_from_json(s.request_json, s.policy_json);
    if (!input.ok()) {
        for (const auto& e : input.errors) std::fprintf(stderr, "retour: label: %s\n", e.to_string().c_str());
        s.message = tr("error.generic");
        return;
    }
    // Until the shop answered that it has the request, the label says so: a shopper
    // must not ship a parcel the shop may refuse (the done screen keeps the reason).
    input.input->unconfirmed = s.delivery == "sending" || s.delivery == "queued";
    label::LabelOptions options;
    options.format = format;
    // A sheet for home printers; the 4x6 for label printers (ZPL) and the SVG.
    options.size = format == label::LabelFormat::pdf ? label::LabelSize::a4 : label::LabelSize::four_by_six;
    const label::Label l = label::render_label(*input.input, options);
    const std::string ext(label::label_format_name(format));
    if (print) p_.download("label.pdf", "application/pdf", l.bytes, true);
    else p_.download("return-label-" + s.rma + "." + ext, l.media_type, l.bytes, false);
}

}  // namespace retour::app
