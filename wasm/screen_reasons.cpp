// Step 2: why. A reason per item from the policy's list, its sub-reasons, a comment
// (required for some reasons) and the photo note.
#include "core/trim.h"
#include "wasm/app.h"
#include "wasm/text.h"
#include "wasm/test_hook.h"
#include "wasm/widgets.h"

namespace retour::app {

void draw_reasons_screen(const AppState& s, Dispatch& dispatch) {
    const char* tag = i18n::locale_tag(s.locale);
    screen_heading(dispatch, 2, "reason.title");
    for (const LineChoice& c : s.lines) {
        if (!c.selected) continue;
        const OrderLine* line = s.order->find_line(c.line_id);
        if (!line) continue;
        ImGui::PushID(c.line_id.c_str());
        ui::begin_card();
        std::string head = line->title;
        if (c.quantity > 1) head = std::to_string(c.quantity) + " \xC3\x97 " + head;
        ui::subtitle(head.c_str());
        if (!line->variant.empty()) ui::muted(line->variant.c_str());
        ui::spacer(2);
        ui::muted(tr("reason.choose"));
        for (const Reason& r : s.policy->reasons) {
            const std::string id = "reason_" + c.line_id + "_" + r.handle;
            const std::string label = r.label.get(tag) + "##" + r.handle;
            if (ui::radio(label.c_str(), c.reason == r.handle, id.c_str()) && c.reason != r.handle)
                dispatch(PickReason{c.line_id, r.handle});
        }
        const Reason* chosen = s.policy->find_reason(c.reason);
        if (s.reasons_tried && !chosen) ui::error(tr("quote_error.unknown_reason"));
        if (chosen && !chosen->sub_reasons.empty()) {
            ui::spacer(2);
            ui::muted(tr("reason.sub_reason"));
            ImGui::Indent(16);
            for (const SubReason& sr : chosen->sub_reasons) {
                const std::string id = "sub_" + c.line_id + "_" + sr.handle;
                const std::string label = sr.label.get(tag) + "##" + sr.handle;
                if (ui::radio(label.c_str(), c.sub_reason == sr.handle, id.c_str()))
                    dispatch(PickSubReason{c.line_id, sr.handle});
            }
            ImGui::Unindent(16);
        }
        if (chosen && chosen->requires_photo) {
            ui::spacer(2);
            ui::muted(tr("reason.photo_needed"));
            bool photo = c.photo;
            if (ui::checkbox(tr("app.photo_promise"), &photo, ("photo_" + c.line_id).c_str()))
                dispatch(SetPhoto{c.line_id, photo});
            // The portal takes no uploads: the shopper promises a photo, and the error
            // asks for exactly that tick.
            if (s.reasons_tried && !c.photo) ui::error(tr("reason.photo_promise_required"));
        }
        ui::spacer(2);
        const bool required = chosen && chosen->requires_comment;
        std::string label = tr("reason.comment");
        if (!required) label += std::string(" (") + tr("common.optional") + ")";
        const bool missing = s.reasons_tried && required && trim(c.comment).empty();
        // ImGui edits a copy; each change is an action (the field keeps its own buffer while active).
        std::string comment = c.comment;
        if (ui::text_field(label.c_str(), &comment, ("comment_" + c.line_id).c_str(), tr("reason.comment_hint"),
                           missing ? tr("reason.comment_required") : nullptr))
            dispatch(SetComment{c.line_id, comment});
        ui::end_card();
        ImGui::PopID();
    }
    ui::spacer(8);
    if (ui::primary_button(tr("common.next"), "next")) dispatch(Continue{Screen::Reasons});
}

}  // namespace retour::app
