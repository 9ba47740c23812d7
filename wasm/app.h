#pragma once
// The shopper's app: one AppState, six screens (screen_*.cpp) drawn one at a time,
// and the actions that move between them. The state is what the browser test reads
// through window.retour.state() and what the localStorage draft keeps.
//
//   find order ─► choose items ─► why ─► how you get your money ─► summary ─► done
//   ("Back" or the browser's Back returns one step; Esc only leaves a field or closes a
//   list, on every screen; nothing typed is lost)
// Each step is an entry of the browser's history (app_history.cpp); confirmed returns
// are kept on the device and the done screen survives a reload (app_done.cpp).
#include <functional>
#include <string>
#include <vector>

#include "core/label/label_input.h"
#include "wasm/action.h"
#include "wasm/app_state.h"
#include "wasm/demo_orders.h"
#include "wasm/outbox_runner.h"
#include "wasm/platform.h"
#include "wasm/ui_context.h"
#include "wasm/view.h"

namespace retour::app {

class App {
public:
    // Everything the app does beyond drawing goes through `platform` (the browser's, or a fake).
    explicit App(web::Platform& platform) : p_(platform), outbox_(platform) {}
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    void start();
    void draw();
    std::string state_json() const;

    AppState s;

    // --- actions (app.cpp, app_find.cpp, app_submit.cpp) ---
    void go(Screen screen);
    void back();
    void load_policy();
    void find_order();                       // from order_number + contact
    void use_demo_order(const DemoOrder& d);  // demo picker
    void submit();                           // summary → done
    void download_label(label::LabelFormat format, bool print);
    void start_over();
    void open_return(const std::string& id);  // one of this device's returns → its done screen
    // A refused return: back to the summary (or the items, to change a quantity) to correct it.
    void resend(bool to_items = false);
    void open_contact(const std::string& url);

    const std::vector<DemoOrder>& demo_orders() const { return demo_orders_; }
    const OutboxRunner& outbox() const { return outbox_; }
    bool posting_enabled() const;  // a real webhook to post to
    web::Platform& platform() const { return p_; }
    // Where screens send actions; they are applied after the frame (apply_actions).
    Dispatch& dispatch() { return dispatch_; }
    // Applies the actions dispatched so far: the choices through update(), the rest here.
    void apply_actions();
    Instant now() const;  // the platform's clock, in the core's unit

private:
    void policy_loaded(const std::string& text);
    void after_policy();
    void open_token(const std::string& token, const std::string& source);
    bool reopen_draft(nlohmann::json draft);  // opens the draft's order and restores its choices
    void order_opened(Order order, std::string token, std::string source);
    void find_published();
    void find_endpoint();
    void find_demo();
    void save_draft();
    void header();
    void record_delivery(const RecordDelivery& r);

    // History (app_history.cpp): show() moves to a screen and records it; popstate and
    // hashchange come back through on_history() / on_hash_change().
    void show(Screen screen);
    void clear_return();  // a fresh find screen: keeps the policy, language, demo outbox and device returns
    void record_history(bool push);
    void on_history(const std::string& state_json);
    void on_hash_change();
    bool can_enter(Screen screen) const;
    // Returns on this device (app_done.cpp).
    void load_device_returns();
    // Re-reads the stored list (another tab may have changed it), applies `change`, writes it.
    void update_device_returns(const std::function<void(std::vector<DeviceReturn>&)>& change);
    void show_return(const DeviceReturn& r);
    bool restore_done(const std::string& link_token);
    // Asks for the shown return's status (return_status.h); the answer is a StatusFetched.
    void fetch_status();

    friend struct ShellActions;  // the actions that reach the page (app.cpp)
    void run(const Effect& effect);

    web::Platform& p_;
    Dispatch dispatch_;
    // The widget layer's state between frames, current while drawing and while the
    // test hook reads it (mutable: reading the hook makes it current).
    mutable ui::Context ui_;
    std::vector<DemoOrder> demo_orders_;
    bool demo_orders_loaded_ = false;
    OutboxRunner outbox_;
    std::string last_draft_;
    std::string pending_hash_token_;
    nlohmann::json pending_draft_;
    Screen drawn_screen_ = Screen::Loading;
    int history_depth_ = 0;         // portal entries before the current one
    bool history_started_ = false;  // the first screen after loading rewrites the entry
    bool replace_next_ = false;     // the next show() rewrites the entry (a new #order= link)
};

// One function per screen (screen_*.cpp): each reads the state and the frame's view
// and dispatches actions; none writes the state.
void draw_status_screen(const AppState& s, const View& v, Dispatch& dispatch);  // loading, "could not load"
void draw_find_screen(const AppState& s, const View& v, Dispatch& dispatch);
void draw_items_screen(const AppState& s, const View& v, Dispatch& dispatch);
void draw_reasons_screen(const AppState& s, Dispatch& dispatch);
void draw_resolution_screen(const AppState& s, Dispatch& dispatch);
void draw_summary_screen(const AppState& s, Dispatch& dispatch);
void draw_done_screen(const AppState& s, const View& v, Dispatch& dispatch);

// Shared parts (screen_parts_returns.cpp): the shop's contact details, and the
// returns confirmed on this device with a button to reopen each.
void draw_shop_contact(const AppState& s, Dispatch& dispatch);
void draw_device_returns(const AppState& s, Dispatch& dispatch);

// Shared by screens: "Step n of 5", the title and the Back button row.
void screen_heading(Dispatch& dispatch, int step, const char* title_key);

}  // namespace retour::app
