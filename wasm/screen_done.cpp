// Step 5: done. The RMA number, whether the request reached the shop (or will when
// the shopper is back online, or was refused and why), the label, and what happens
// next. What to show is decided by done_view(); this file only draws it.
#include "core/label/label_input.h"
#include "wasm/app.h"
#include "wasm/done_view.h"
#include "wasm/return_status.h"
#include "wasm/test_hook.h"
#include "wasm/text.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {

// A check mark (registered), a clock (waiting to be sent) or "!" (refused) in a circle.
void icon(const char* kind) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + 22, p.y + 22);
    const std::string k = kind;
    const ImU32 fill = k == "refused" ? ui::palette().danger : k == "pending" ? ui::palette().warning_ink : ui::palette().accent;
    dl->AddCircleFilled(c, 22, fill);
    if (k == "refused") {
        dl->AddLine(ImVec2(c.x, c.y - 11), ImVec2(c.x, c.y + 4), IM_COL32_WHITE, 4);
        dl->AddCircleFilled(ImVec2(c.x, c.y + 11), 2.5f, IM_COL32_WHITE);
    } else if (k == "pending") {
        dl->AddCircle(c, 13, IM_COL32_WHITE, 0, 3);
        dl->AddLine(c, ImVec2(c.x, c.y - 9), IM_COL32_WHITE, 3);
        dl->AddLine(c, ImVec2(c.x + 7, c.y + 3), IM_COL32_WHITE, 3);
    } else {
        dl->AddLine(ImVec2(p.x + 12, p.y + 23), ImVec2(p.x + 19, p.y + 30), IM_COL32_WHITE, 3);
        dl->AddLine(ImVec2(p.x + 19, p.y + 30), ImVec2(p.x + 32, p.y + 15), IM_COL32_WHITE, 3);
    }
    ImGui::Dummy(ImVec2(44, 48));
    mark("done_icon");
}

void label_buttons(Dispatch& dispatch) {
    ui::spacer(6);
    if (ui::primary_button(tr("done.download_label"), "download_pdf"))
        dispatch(DownloadLabel{label::LabelFormat::pdf, false});
    // Side by side when both labels fit (else one per row, not clipped).
    const float half = (ui::width() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool pair = ui::button_fits(tr("done.print"), half) && ui::button_fits(tr("done.download_svg"), half);
    const float bw = pair ? half : ui::width();
    if (ui::secondary_button(tr("done.print"), "print", bw)) dispatch(DownloadLabel{label::LabelFormat::pdf, true});
    if (pair) ImGui::SameLine();
    if (ui::secondary_button(tr("done.download_svg"), "download_svg", bw))
        dispatch(DownloadLabel{label::LabelFormat::svg, false});
    if (ui::secondary_button(tr("done.download_zpl"), "download_zpl", ui::width()))
        dispatch(DownloadLabel{label::LabelFormat::zpl, false});
}

// The receiver's steps, oldest first: the state, its day, an amount, the shop's note.
void timeline(const AppState& s) {
    if (!s.policy || !is_status_document(s.status, s.request_id)) return;
    ui::begin_card();
    ui::subtitle(tr("done.timeline"));
    for (const TimelineStep& step : timeline_steps(s.status, *s.policy)) {
        ui::text((step.date.empty() ? step.label : step.date + "  \xC2\xB7  " + step.label).c_str());
        if (!step.amount.empty()) ui::muted(step.amount.c_str());
        if (!step.note.empty()) ui::muted(step.note.c_str());
    }
    mark("timeline");
    ui::end_card();
}

}  // namespace

void draw_done_screen(const AppState& s, const View& view, Dispatch& dispatch) {
    const DoneView v = done_view(s, view.online);
    ui::spacer(4);
    icon(v.icon);
    ui::title(tr(v.title_key));
    mark("done_title");
    ui::spacer(4);

    ui::begin_card(!v.status_is_problem);
    ui::muted(tr("done.rma"));
    ui::title(s.rma.c_str());
    mark("rma");
    ui::spacer(2);
    ImGui::BeginGroup();  // one mark for the status, whichever widget draws it
    if (s.delivery == "rejected") {
        ui::error(v.status.c_str());
    } else if (v.status_is_problem) {
        ui::notice(v.status.c_str());
    } else if (s.delivery == "sent") {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().success);
        ui::text(v.status.c_str());
        ImGui::PopStyleColor();
    } else {
        ui::muted(v.status.c_str());
    }
    ImGui::EndGroup();
    mark("delivery");
    if (v.resend) {
        ui::spacer(6);
        if (ui::primary_button(tr("done.resend"), "resend")) dispatch(Resend{false});
    }
    if (v.fix_items) {
        ui::spacer(6);
        if (ui::primary_button(tr("done.fix_items"), "fix_items")) dispatch(Resend{true});
    }
    if (v.labels) label_buttons(dispatch);
    ui::end_card();

    if (s.delivery == "rejected") draw_shop_contact(s, dispatch);
    timeline(s);

    if (!v.next.empty()) {
        ui::begin_card();
        ui::subtitle(tr("done.next_title"));
        for (const std::string& t : v.next) ui::text(t.c_str());
        mark("next_steps");
        ui::end_card();
    }

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
    if (s.delivery != "rejected") draw_shop_contact(s, dispatch);
    // "Already sent" is information; anything else here is a problem (a label that failed).
    if (!s.message.empty()) {
        if (s.message == tr("done.already_sent")) ui::notice(s.message.c_str());
        else ui::error(s.message.c_str());
    }
    ui::spacer(8);
    if (ui::secondary_button(tr("app.start_over"), "start_over", ui::width())) dispatch(StartOver{});
}

}  // namespace retour::app
