#pragma once
// Everything the portal knows, in one struct: what the shopper typed and chose, the
// policy and order it works on, and what happened to the request. The test hook
// serializes it (App::state_json) and the draft in localStorage is a subset of it
// (draft_json / restore_draft), so a reload loses nothing typed.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eligibility.h"
#include "core/i18n/locale.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/return_request.h"
#include "core/token.h"
#include "wasm/device_returns.h"

namespace retour::app {

enum class Screen { Loading, PolicyError, FindOrder, Items, Reasons, Resolution, Summary, Done };
const char* screen_name(Screen s);
std::optional<Screen> parse_screen(const std::string& name);

// The shopper's choice for one order line.
struct LineChoice {
    std::string line_id;
    bool selected = false;
    int quantity = 1;
    std::string reason, sub_reason, comment;
    bool photo = false;  // promised a photo (the portal cannot upload one)
    std::string exchange_sku;
};

struct ShopperForm {
    std::string name, email, line1, line2, postcode, city, region, country;
};

// What we told the shopper on the find screen: a catalog key, or a token error
// (rendered in the current language at draw time, so switching language works).
struct FindProblem {
    std::string key;
    TokenError token;
    bool empty() const { return key.empty() && token.ok(); }
};

struct DemoOutboxEntry {
    std::string id, rma, body;
};

struct AppState {
    Screen screen = Screen::Loading;
    i18n::Locale locale = i18n::Locale::en;
    bool demo = false;            // banner, watermarked labels: ?demo, the demo option, or policy.demo
    bool builtin_orders = false;  // demo/orders.json answers lookups: only ?demo or the demo option

    // Policy
    std::string policy_url;
    std::optional<Policy> policy;
    nlohmann::json policy_json;
    std::string policy_error;  // for the merchant (console); the shopper sees a catalog text

    // Find the order
    std::string order_number, contact;
    bool finding = false;
    FindProblem problem;
    bool tried_submit = false;  // show "required" hints only after a first attempt

    // The order and its decisions
    std::optional<Order> order;
    std::string order_token;  // signed token the order came from ("" for demo / unsigned)
    std::string order_source;  // "link" | "published" | "endpoint" | "demo"
    std::vector<Decision> decisions;
    std::vector<LineChoice> lines;

    // Choices
    Resolution resolution = Resolution::refund;
    bool resolution_chosen = false;
    ReturnMethod method = ReturnMethod::print_label;
    ShopperForm shopper;
    // The id this return will be posted under, minted once per attempt and kept in the
    // draft: a repeated Confirm (a reload, a second tab) posts the same id, which the
    // receiver answers with "duplicate"; a corrected refused return keeps its id (and RMA).
    std::string attempt_id;
    bool reasons_tried = false, resolution_tried = false, summary_tried = false;

    // Done
    std::string request_id, rma;
    nlohmann::json request_json;  // the ReturnRequest as posted
    std::string delivery;  // "sending" | "sent" | "queued" | "rejected" | "demo"
    Refusal refusal;       // what the receiver objected to, when "rejected"
    bool review = false;   // the receiver answered that the shop reviews it first
    // The shown return's status document (return_status.h), null until one arrived; a
    // document about another return is never drawn.
    nlohmann::json status;
    std::vector<DeviceReturn> device_returns;  // confirmed in this browser, newest first
    std::vector<DemoOutboxEntry> demo_outbox;
    std::string message;  // the last status line shown to the shopper (any screen)
};

// The shopper's work in progress, for localStorage.
nlohmann::json draft_json(const AppState& s);
// Applies a draft's typed values and choices onto `s` (whose order is already loaded
// and matches). Returns the screen the draft was on.
Screen restore_draft(AppState& s, const nlohmann::json& draft);

}  // namespace retour::app
