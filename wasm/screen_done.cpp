// Step 5: done. The RMA number, whether the request reached the shop (or will when
// the shopper is back online), the label, and what happens next.
#include "core/label/label_input.h"
#include "wasm/app.h"
#include "wasm/test_hook.h"
#include "wasm/text.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_done_screen(App& app) {
    AppState& s = app.s;
    ui::spacer(4);
    // A check mark in an accent circle.
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddCircleFilled(ImVec2(p.x + 22, p.y + 22), 22, ui::palette().accent);
        dl->AddLine(ImVec2(p.x + 12, p.y + 23), ImVec2(p.x + 19, p.y + 30), IM_COL32_WHITE, 3);
        dl->AddLine(ImVec2(p.x + 19, p.y + 30), ImVec2(p.x + 32, p.y + 15), IM_COL32_WHITE, 3);
        ImGui::Dummy(ImVec2(44, 48));
    }
    ui::title(tr("done.title"));
    ui::spacer(4);

    ui::begin_card(true);
    ui::muted(tr("done.rma"));
    ui::title(s.rma.c_str());
    mark("rma");
    ui::spacer(2);
    const std::string shop = s.policy ? s.policy->shop.name : "";
    if (s.delivery == "sent") {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().success);
        ui::text(trf("done.sent", {{"shop", shop}}).c_str());
        ImGui::PopStyleColor();
    } else if (s.delivery == "queued") {
        ui::notice(tr("done.queued"));
    } else if (s.delivery == "sending") {
        ui::muted(tr("app.sending"));
    } else if (s.delivery == "rejected") {
        ui::error(trf("app.rejected", {{"shop", shop}}).c_str());
    } else if (s.delivery == "demo") {
        ui::muted(tr("done.demo"));
    }
    mark("delivery");
    if (s.resolution != Resolution::keep_item) {
        ui::spacer(6);
        if (ui::primary_button(tr("done.download_label"), "download_pdf")) app.download_label(label::LabelFormat::pdf, false);
        // Side by side when both labels fit (else one per row, not clipped).
        const float half = (ui::width() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        const bool pair = ui::button_fits(tr("done.print"), half) && ui::button_fits(tr("done.download_svg"), half);
        const float bw = pair ? half : ui::width();
        if (ui::secondary_button(tr("done.print"), "print", bw)) app.download_label(label::LabelFormat::pdf, true);
        if (pair) ImGui::SameLine();
        if (ui::secondary_button(tr("done.download_svg"), "download_svg", bw))
            app.download_label(label::LabelFormat::svg, false);
        if (ui::secondary_button(tr("done.download_zpl"), "download_zpl", ui::width()))
            app.download_label(label::LabelFormat::zpl, false);
    }
    ui::end_card();

    ui::begin_card();
    ui::subtitle(tr("done.next_title"));
    if (s.resolution == Resolution::keep_item) {
        ui::text(tr("done.next_keep_item"));
    } else {
        const char* key = s.method == ReturnMethod::drop_off  ? "done.next_drop_off"
                          : s.method == ReturnMethod::prepaid ? "done.next_prepaid"
                                                              : "done.next_print_label";
        ui::text(tr(key));
    }
    bool review = false;
    for (const Decision& d : s.decisions)
        for (const LineChoice& c : s.lines)
            if (c.selected && c.line_id == d.line_id && d.status == Status::review) review = true;
    ui::text(tr(review ? "done.next_review" : "done.next_refund"));
    ui::end_card();

    if (s.demo && !s.demo_outbox.empty()) {
        ui::begin_card();
        ui::subtitle(tr("app.outbox"));
        if (s.delivery == "demo") ui::muted(tr("app.demo_delivered"));
        for (auto it = s.demo_outbox.rbegin(); it != s.demo_outbox.rend(); ++it) {
            ui::separator();
            ui::text((it->rma + "  \xC2\xB7  return.requested").c_str());
            std::string preview = it->body.substr(0, 420);
            if (it->body.size() > 420) preview += "\xE2\x80\xA6";
            ui::muted(preview.c_str());
        }
        mark("demo_outbox");
        ui::end_card();
    }
    if (!s.message.empty()) ui::error(s.message.c_str());
    ui::spacer(8);
    if (ui::secondary_button(tr("app.start_over"), "start_over", ui::width())) app.start_over();
}

}  // namespace retour::app
