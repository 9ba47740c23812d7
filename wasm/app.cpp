#include "wasm/app.h"

#include <cstdio>

#include "wasm/done_view.h"
#include "core/i18n/i18n.h"
#include "core/request_id.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "wasm/address_form.h"
#include "wasm/pricing.h"
#include "wasm/return_status.h"
#include "wasm/test_hook.h"
#include "wasm/text.h"
#include "wasm/theme.h"
#include "wasm/update.h"
#include "wasm/web_platform.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {
constexpr int kKeyEscape = 27;
constexpr const char* kDraftKey = "draft";
constexpr float kColumnWidth = 560;
constexpr float kHeaderHeight = 64;
}  // namespace

App::~App() {
    if (&ui::context() == &ui_) ui::set_context(nullptr);
}

void App::start() {
    ui::set_context(&ui_);
    s.locale = i18n::parse_locale(p_.page(web::PageValue::language));
    const std::string lang = p_.page(web::PageValue::option, "lang");
    if (auto l = i18n::match_locale(lang)) s.locale = *l;
    apply_theme(Theme{});
    load_device_returns();
    // A reload keeps the history entry it was on: continue counting from it.
    const auto entry = nlohmann::json::parse(p_.history_state(), nullptr, false);
    if (entry.is_object()) history_depth_ = entry.value("depth", 0);
    p_.on_history([this](const std::string& state) { on_history(state); });
    p_.on_hash_change([this] { on_hash_change(); });
    load_policy();
}

void App::go(Screen screen) { show(screen); }

Instant App::now() const { return Instant{p_.now_ms() / 1000}; }

void App::back() {
    Screen previous;
    switch (s.screen) {
    case Screen::Items: previous = Screen::FindOrder; break;
    case Screen::Reasons: previous = Screen::Items; break;
    case Screen::Resolution: previous = Screen::Reasons; break;
    case Screen::Summary: previous = Screen::Resolution; break;
    default: return;  // nothing before the first screen; a sent return cannot be unsent
    }
    // The browser's Back when the previous step is an entry of ours, so Back and
    // Forward stay in step with the portal; popstate then shows it (on_history).
    if (history_depth_ > 0) {
        p_.history(web::HistoryOp::back, "");
        return;
    }
    s.screen = previous;
    s.message.clear();
    record_history(false);
    p_.request_frames(3);
}

void App::start_over() {
    clear_return();
    show(Screen::FindOrder);
}

void App::clear_return() {
    const auto policy = s.policy;
    const auto policy_json = s.policy_json;
    const auto demo_outbox = s.demo_outbox;
    auto device_returns = std::move(s.device_returns);
    AppState fresh;
    fresh.locale = s.locale;
    fresh.demo = s.demo;
    fresh.builtin_orders = s.builtin_orders;
    fresh.policy_url = s.policy_url;
    fresh.policy = policy;
    fresh.policy_json = policy_json;
    fresh.demo_outbox = demo_outbox;
    fresh.device_returns = std::move(device_returns);
    fresh.screen = Screen::FindOrder;
    s = std::move(fresh);
    p_.request_frames(3);
}

void App::save_draft() {
    // Only a return in progress is worth keeping; a finished one is in the outbox.
    if (!s.order || s.screen == Screen::Done || s.screen == Screen::Loading || s.screen == Screen::PolicyError)
        return;
    if (!valid_request_id(s.attempt_id)) s.attempt_id = p_.request_id();
    std::string text = draft_json(s).dump();
    if (text == last_draft_) return;
    last_draft_ = std::move(text);
    p_.storage_set(kDraftKey, last_draft_);
}

void App::header() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(vp->Pos.x, top.y), ImVec2(vp->Pos.x + vp->Size.x, top.y + kHeaderHeight),
                      ui::palette().accent);
    const float avail = ui::full_width();
    const float w = std::min(avail - 32.0f, kColumnWidth);
    const float x0 = ImGui::GetCursorPosX() + (avail - w) * 0.5f;

    // Logo text, or the shop's name when there is no logo text.
    std::string logo = "Retour";
    std::string name;
    if (s.policy) {
        logo = !s.policy->shop.logo_text.empty() ? s.policy->shop.logo_text : s.policy->shop.name;
        if (!s.policy->shop.logo_text.empty()) name = s.policy->shop.name;
    }
    ImFont* big = web::title_font();
    const float big_size = big ? big->FontSize * ImGui::GetIO().FontGlobalScale : ImGui::GetFontSize();
    dl->AddText(big, big_size, ImVec2(ImGui::GetWindowPos().x + x0, top.y + (kHeaderHeight - big_size) * 0.5f),
                IM_COL32_WHITE, logo.c_str());
    if (big) dl->AddText(big, big_size, ImVec2(ImGui::GetWindowPos().x + x0 + 0.7f, top.y + (kHeaderHeight - big_size) * 0.5f),
                IM_COL32_WHITE, logo.c_str());

    // Language picker, right-aligned.
    const auto& locales = i18n::available_locales();
    float buttons_w = 0;
    for (const auto& info : locales) buttons_w += ui::small_button_width(info.tag) + 2;
    const float logo_w = big ? big->CalcTextSizeA(big_size, 1e9f, 0, logo.c_str()).x : 0;
    if (!name.empty() && w - logo_w - buttons_w > ImGui::CalcTextSize(name.c_str()).x + 40) {
        dl->AddText(ImVec2(ImGui::GetWindowPos().x + x0 + logo_w + 14,
                           top.y + (kHeaderHeight - ImGui::GetFontSize()) * 0.5f + 2),
                    IM_COL32(255, 255, 255, 200), name.c_str());
    }
    ImGui::SetCursorPos(ImVec2(x0 + w - buttons_w, ImGui::GetCursorPosY() + (kHeaderHeight - ui::small_button_height() + 1) * 0.5f - 2));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, 0));
    for (const auto& info : locales) {
        char upper[4] = {0};
        for (int i = 0; i < 2 && info.tag[i]; ++i) upper[i] = static_cast<char>(info.tag[i] - 'a' + 'A');
        char label[32];
        std::snprintf(label, sizeof label, "%s##lang", upper);
        const std::string id = std::string("lang_") + info.tag;
        ImGui::PushID(info.tag);
        if (ui::small_button(label, id.c_str(), info.locale == s.locale)) dispatch_(SwitchLanguage{info.locale});
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::PopStyleVar();
    ImGui::NewLine();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top.y + kHeaderHeight + 16));

    if (s.demo) {
        ui::begin_column(kColumnWidth);
        ui::badge(tr(posting_enabled() ? "app.demo_badge_live" : "common.demo_banner"), IM_COL32(0xFE, 0xF3, 0xC7, 255), IM_COL32(0x92, 0x40, 0x0E, 255));
        mark("demo_banner");
        ui::end_column();
    }
}

void App::draw() {
    ui::set_context(&ui_);
    set_locale(s.locale);
    clear_marks();
    ui::begin_frame();
    const bool screen_changed = drawn_screen_ != s.screen;
    if (screen_changed) {
        ui::reset_focus();
        drawn_screen_ = s.screen;
    }
    if (ImGui::IsKeyPressed(kKeyEscape, false)) {
        // Esc leaves the field being edited, keeping its text (ImGui would revert the
        // edit), and ImGui closes an open list with it. It never changes the screen, on
        // any step: a shopper pressing it to dismiss something must not lose their place
        // (least of all on the summary). The Back button goes back a step.
        if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // A new screen starts at the top from its first frame (SetScrollY after Begin would
    // wait a frame, drawing it once at the old offset: a tap then hits the wrong thing).
    if (screen_changed) ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
    ImGui::Begin("##portal", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    if (const float dy = web::take_touch_scroll(); dy != 0) ImGui::SetScrollY(ImGui::GetScrollY() + dy);

    header();
    ui::begin_column(kColumnWidth);
    ImGui::PushID(screen_name(s.screen));
    // The choices are kept consistent by update(); this also covers what changed
    // outside it (another tab's returns, a restored draft) before anything is drawn.
    normalize_choices(s);
    View view = make_view(s, p_.online());
    view.demo_orders = &demo_orders_;
    switch (s.screen) {
    case Screen::Loading:
    case Screen::PolicyError: draw_status_screen(s, view, dispatch_); break;
    case Screen::FindOrder: draw_find_screen(s, view, dispatch_); break;
    case Screen::Items: draw_items_screen(s, view, dispatch_); break;
    case Screen::Reasons: draw_reasons_screen(s, dispatch_); break;
    case Screen::Resolution: draw_resolution_screen(s, dispatch_); break;
    case Screen::Summary: draw_summary_screen(s, dispatch_); break;
    case Screen::Done: draw_done_screen(s, view, dispatch_); break;
    }
    ImGui::PopID();
    ui::spacer(32);
    ui::end_column();
    ui::end_frame();
    ImGui::End();
    apply_actions();
    save_draft();
}

// The actions that reach the page (history, network, storage, files) run here;
// returns false for the others, which are update()'s.
struct ShellActions {
    App& app;
    bool operator()(const GoBack&) { return app.back(), true; }
    bool operator()(const OpenLink& a) { return app.open_contact(a.url), true; }
    bool operator()(const OpenReturn& a) { return app.open_return(a.id), true; }
    bool operator()(const FindOrder&) { return app.find_order(), true; }
    bool operator()(const UseDemoOrder& a) {
        for (const DemoOrder& d : app.demo_orders_)
            if (d.number == a.number) {
                app.use_demo_order(d);
                break;
            }
        return true;
    }
    bool operator()(const RetryPolicy&) { return app.load_policy(), true; }
    bool operator()(const DownloadLabel& a) { return app.download_label(a.format, a.print), true; }
    bool operator()(const Resend& a) { return app.resend(a.to_items), true; }
    bool operator()(const StartOver&) { return app.start_over(), true; }
    template <class Choice>
    bool operator()(const Choice&) {
        return false;
    }
};

void App::apply_actions() {
    std::vector<Action> actions = dispatch_.take();
    for (const Action& a : actions) {
        if (std::visit(ShellActions{*this}, a)) continue;
        Updated u = update(std::move(s), a);
        s = std::move(u.state);
        for (const Effect& e : u.effects) run(e);
    }
    if (!actions.empty()) p_.request_frames(3);
}

void App::run(const Effect& effect) {
    if (const auto* e = std::get_if<ShowScreen>(&effect)) go(e->screen);
    else if (std::holds_alternative<SubmitReturn>(effect)) submit();
    else if (const auto* r = std::get_if<RecordDelivery>(&effect)) record_delivery(*r);
    else if (const auto* e = std::get_if<EmitEvent>(&effect)) p_.emit(e->name, e->detail_json);
    else if (std::holds_alternative<FetchStatus>(effect)) fetch_status();
}

void screen_heading(Dispatch& dispatch, int step, const char* title_key) {
    if (step >= 1) {
        if (ui::secondary_button((std::string("\xE2\x86\x90 ") + tr("common.back") + "##back").c_str(), "back"))
            dispatch(GoBack{});
    }
    ui::spacer(2);
    ui::muted(trf("common.step", {{"step", std::to_string(step)}, {"total", "5"}}).c_str());
    // Progress: one thin bar, the done part in the accent colour.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ui::width();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + 4), ui::palette().border, 2);
    dl->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(step) / 5.0f, p.y + 4), ui::palette().accent, 2);
    ImGui::Dummy(ImVec2(w, 6));
    ui::title(tr(title_key));
    ui::spacer(4);
}

std::string App::state_json() const {
    using nlohmann::json;
    ui::set_context(&ui_);  // the marks, focus and errors of this app's last frame
    json lines = json::array();
    if (s.order) {
        for (const OrderLine& l : s.order->lines) {
            const Decision* d = decision_for(s, l.id);
            const LineChoice* c = nullptr;
            for (const LineChoice& x : s.lines)
                if (x.line_id == l.id) c = &x;
            lines.push_back({
                {"id", l.id},
                {"title", l.title},
                {"status", d ? to_string(d->status) : "unknown"},
                {"decision_text", d ? i18n::describe(*d, s.locale, s.order->currency) : ""},
                {"returnable", returnable_quantity(s, l.id)},
                {"selected", c && c->selected},
                {"quantity", c ? c->quantity : 0},
                {"reason", c ? c->reason : ""},
                {"sub_reason", c ? c->sub_reason : ""},
                {"comment", c ? c->comment : ""},
                {"exchange_sku", c ? c->exchange_sku : ""},
            });
        }
    }
    json amounts = json::object();
    json resolutions = json::array();
    if (s.order && s.policy && (s.screen == Screen::Resolution || s.screen == Screen::Summary)) {
        set_locale(s.locale);
        for (Resolution r : kResolutions) {
            if (!s.policy->for_currency(s.order->currency).resolutions.offers(r)) continue;  // "currencies" may differ
            const Quote q = quote_for(s, r);
            resolutions.push_back({{"resolution", to_string(r)}, {"available", can_choose(q)},
                                   {"errors", q.ok() ? json::array() : json::array({q.errors.front().code})}});
        }
        const Quote q = quote_for(s, s.resolution);
        if (q.ok()) {
            const QuoteTotals& t = q.totals;
            amounts = {{"paid", money(t.paid)},         {"restocking_fees", money(t.restocking_fees)},
                       {"label_fee", money(t.label_fee)}, {"handling_fee", money(t.handling_fee)},
                       {"fees", money(t.fees)},          {"bonus", money(t.bonus)},
                       {"refund", money(t.refund)},      {"store_credit", money(t.store_credit)},
                       {"gift_card", money(t.gift_card)}, {"customer_pays", money(t.customer_pays)},
                       {"original_shipping", money(t.original_shipping)}};
        }
    }
    json outbox = json::array();
    for (const OutboxEntry& e : outbox_.box().entries)
        outbox.push_back({{"id", e.id}, {"state", to_string(e.state)}, {"attempts", e.attempts},
                          {"last_error", e.last_error}});
    json demo_outbox = json::array();
    for (const DemoOutboxEntry& e : s.demo_outbox) demo_outbox.push_back({{"id", e.id}, {"rma", e.rma}});
    json last_posted = nullptr;
    if (!outbox_.last_posted().empty()) last_posted = json::parse(outbox_.last_posted(), nullptr, false);
    const web::FrameStats fs = web::frame_stats();

    json done = nullptr;
    if (s.screen == Screen::Done) {
        set_locale(s.locale);
        const DoneView v = done_view(s, p_.online());
        json steps = json::array();
        if (s.policy && is_status_document(s.status, s.request_id))
            for (const TimelineStep& t : timeline_steps(s.status, *s.policy))
                steps.push_back({{"label", t.label}, {"date", t.date}, {"amount", t.amount}, {"note", t.note}});
        done = {{"icon", v.icon}, {"title", v.title_key}, {"status", v.status}, {"labels", v.labels},
                {"resend", v.resend}, {"fix_items", v.fix_items}, {"next", v.next}, {"timeline", steps}};
    }
    json device_returns = json::array();
    for (const DeviceReturn& r : s.device_returns)
        device_returns.push_back({{"id", r.id}, {"rma", r.rma}, {"order_number", r.order_number},
                                  {"created_at", r.created_at}, {"delivery", r.delivery}});

    std::string problem;
    if (!s.problem.token.ok()) problem = i18n::describe(s.problem.token, s.locale);
    else if (!s.problem.key.empty()) problem = i18n::text(s.locale, s.problem.key.c_str());

    return json{
        {"screen", screen_name(s.screen)},
        {"locale", i18n::locale_tag(s.locale)},
        {"demo", s.demo},
        {"shop", s.policy ? s.policy->shop.name : ""},
        {"lookup", s.policy ? s.policy->lookup.mode : ""},
        {"policy_error", s.policy_error},
        {"order_number", s.order_number},
        {"email", s.contact},
        {"finding", s.finding},
        {"problem", problem},
        {"problem_code", !s.problem.token.ok() ? s.problem.token.code : s.problem.key},
        {"order", s.order ? json{{"number", s.order->number}, {"source", s.order_source}, {"lines", lines}}
                          : json(nullptr)},
        {"resolution", s.resolution_chosen ? to_string(s.resolution) : ""},
        {"resolutions", resolutions},
        {"amounts", amounts},
        {"method", to_string(s.method)},
        {"shopper", {{"name", s.shopper.name}, {"email", s.shopper.email}, {"line1", s.shopper.line1},
                     {"line2", s.shopper.line2}, {"postcode", s.shopper.postcode}, {"city", s.shopper.city},
                     {"country", s.shopper.country}}},
        {"rma", s.rma},
        {"request_id", s.request_id},
        {"delivery", s.delivery},
        {"refusal", {{"status", s.refusal.status}, {"code", s.refusal.code}, {"fields", s.refusal.fields},
                     {"over_line", s.refusal.over_line}, {"left", s.refusal.left}}},
        {"review", s.review},
        {"done", done},
        {"device_returns", device_returns},
        {"history_depth", history_depth_},
        {"outbox", outbox},
        {"outbox_saved", outbox_.saved()},
        {"posted", outbox_.posts()},
        {"last_posted", last_posted},
        {"demo_outbox", demo_outbox},
        {"message", s.message},
        {"focus", ui::focused_mark()},
        {"errors", ui::shown_errors()},
        {"address", address_state(s)},
        {"frame_cpu", {{"frames", fs.frames}, {"avg_ms", fs.frames ? fs.total_ms / fs.frames : 0.0},
                       {"max_ms", fs.max_ms}, {"last_ms", fs.last_ms}}},
        {"items", marks_json()},
    }
        .dump();
}

}  // namespace retour::app
