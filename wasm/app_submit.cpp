// Confirming a return: the core builds the request, it goes into the outbox (stored
// before it is posted), and the label is rendered on request.
#include <cstdio>

#include "core/i18n/i18n.h"
#include "core/label/label.h"
#include "core/label/label_json.h"
#include "core/webhook.h"
#include "wasm/address_form.h"
#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/text.h"
#include "wasm/web_services.h"

namespace retour::app {

namespace {
constexpr const char* kDraftKey = "draft";
}  // namespace

void App::submit() {
    if (!s.policy || !s.order || s.screen == Screen::Done) return;
    const Instant now = now_instant();
    // Priced again at the moment of confirming: that is what the receiver re-checks.
    const std::vector<Decision> decisions = evaluate(*s.policy, *s.order, now);
    const Selection selection = selection_of(s, s.resolution);
    const Quote q = quote(*s.policy, *s.order, selection, decisions);
    if (!q.ok()) {
        s.message = i18n::describe(q.errors.front(), s.locale);
        return;
    }
    // The receiver and the label accept only a complete address with an ISO country.
    const bool with_address = s.resolution != Resolution::keep_item;
    if (!address_problems(s, with_address).empty()) {
        s.summary_tried = true;
        return;
    }
    RequestDraft d;
    d.id = web::random_hex(16);
    d.token = s.order_token;
    d.shopper = shopper_of(s.shopper, with_address);
    d.selection = selection;
    d.return_method = s.method;
    d.locale = i18n::locale_tag(s.locale);
    d.created_at = now;
    ReturnRequest request = build_request(*s.policy, *s.order, to_json(q), d);
    request.demo = s.demo;

    s.request_id = request.id;
    s.rma = request.rma;
    s.request_json = to_json(request);
    const std::string body = webhook_body(request);
    if (s.demo) s.demo_outbox.push_back({request.id, request.rma, body});
    if (posting_enabled()) {
        s.delivery = web::online() ? "sending" : "queued";
        outbox_.submit(request.id, body);
    } else {
        s.delivery = "demo";
    }
    web::emit_event("submitted", nlohmann::json{{"rma", request.rma}, {"id", request.id}}.dump());
    web::storage_remove(kDraftKey);
    last_draft_.clear();
    go(Screen::Done);
}

void App::on_delivery(const OutboxRunner::Result& r) {
    if (r.id != s.request_id) return;
    switch (r.delivery) {
    case Delivery::delivered: s.delivery = "sent"; break;
    case Delivery::retry: s.delivery = "queued"; break;
    case Delivery::rejected:
        s.delivery = "rejected";
        web::emit_event("error", nlohmann::json{{"code", "request_rejected"},
                                                {"message", "HTTP " + std::to_string(r.status) + ": " + r.detail},
                                                {"id", r.id}}
                                     .dump());
        break;
    }
}

void App::download_label(label::LabelFormat format, bool print) {
    const auto input = label::label_input_from_json(s.request_json, s.policy_json);
    if (!input.ok()) {
        for (const auto& e : input.errors) std::fprintf(stderr, "retour: label: %s\n", e.to_string().c_str());
        s.message = tr("error.generic");
        return;
    }
    label::LabelOptions options;
    options.format = format;
    // A sheet for home printers; the 4x6 for label printers (ZPL) and the SVG.
    options.size = format == label::LabelFormat::pdf ? label::LabelSize::a4 : label::LabelSize::four_by_six;
    const label::Label l = label::render_label(*input.input, options);
    const std::string ext(label::label_format_name(format));
    if (print) web::open_pdf(l.bytes);
    else web::download("return-label-" + s.rma + "." + ext, l.media_type, l.bytes);
}

}  // namespace retour::app
