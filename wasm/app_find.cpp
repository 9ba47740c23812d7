// Loading the policy and finding the order: signed link (#order=TOKEN), published
// order files, a lookup endpoint, or demo mode's built-in orders.
#include <algorithm>
#include <cstdio>

#include "core/order_token.h"
#include "core/published_order.h"
#include "wasm/address_form.h"
#include "wasm/app.h"
#include "wasm/pricing.h"
#include "wasm/text.h"
#include "wasm/theme.h"
#include "wasm/web_platform.h"

namespace retour::app {

namespace {

constexpr const char* kDraftKey = "draft";

bool query_has(const std::string& query, const std::string& name) {
    size_t start = 0;
    while (start <= query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string part = query.substr(start, end - start);
        if (part == name || part.rfind(name + "=", 0) == 0) return part != name + "=false" && part != name + "=0";
        start = end + 1;
    }
    return false;
}

std::string hash_param(const std::string& hash, const std::string& name) {
    size_t start = 0;
    while (start <= hash.size()) {
        size_t end = hash.find('&', start);
        if (end == std::string::npos) end = hash.size();
        const std::string part = hash.substr(start, end - start);
        if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
        start = end + 1;
    }
    return "";
}

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void replace_all(std::string& s, const std::string& what, const std::string& with) {
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

uint32_t parse_colour(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') return 0;
    return static_cast<uint32_t>(std::strtoul(hex.c_str() + 1, nullptr, 16));
}

LookupIdentifier identifier_kind(const Policy& p) {
    return parse_lookup_identifier(p.lookup.identifier).value_or(LookupIdentifier::email);
}

const char* not_found_key(const Policy& p) {
    return identifier_kind(p) == LookupIdentifier::postcode ? "find.not_found_postcode" : "find.not_found_email";
}

}  // namespace

bool App::posting_enabled() const {
    if (!s.policy || s.policy->webhook.url.empty()) return false;
    if (!s.demo) return true;
    // The demo policy names an example.com receiver (RFC 2606: never a real host);
    // demo requests then stay in the in-page outbox.
    const std::string& url = s.policy->webhook.url;
    const size_t host_start = url.find("://");
    std::string host = url.substr(host_start == std::string::npos ? 0 : host_start + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    auto ends_with = [&](const std::string& suffix) {
        return host.size() >= suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return !(ends_with("example.com") || ends_with(".example") || host == "example.com");
}

void App::load_policy() {
    s.screen = Screen::Loading;
    s.policy_error.clear();
    const bool demo_query = query_has(p_.page(web::PageValue::query), "demo");
    const bool demo_option = p_.page(web::PageValue::option, "demo") == "true";
    // A policy with "demo": true (like `retour demo`'s) only marks the portal as a demo;
    // its orders come from signed links and published files the receiver can verify.
    s.builtin_orders = demo_query || demo_option;
    s.demo = s.builtin_orders;
    std::string url = p_.page(web::PageValue::option, "policy");
    if (demo_query || (demo_option && url.empty())) url = "demo/policy.json";
    if (url.empty()) url = "policy.json";
    s.policy_url = url;
    p_.http_get(url, [this, url](const web::HttpResponse& r) {
        if (r.status == 200) {
            policy_loaded(r.body);
            return;
        }
        s.policy_error = r.status == 0 ? url + ": " + r.error : url + ": HTTP " + std::to_string(r.status);
        std::fprintf(stderr, "retour: could not load the policy: %s\n", s.policy_error.c_str());
        s.screen = Screen::PolicyError;
        p_.emit("error", nlohmann::json{{"code", "policy_failed"}, {"message", s.policy_error}}.dump());
    });
}

void App::policy_loaded(const std::string& text) {
    auto parsed = parse_policy_text(text);
    if (!parsed.ok()) {
        s.policy_error.clear();
        for (const FieldError& e : parsed.errors) s.policy_error += s.policy_url + " " + e.text() + "\n";
        std::fprintf(stderr, "retour: the policy is not valid:\n%s", s.policy_error.c_str());
        s.screen = Screen::PolicyError;
        p_.emit("error", nlohmann::json{{"code", "policy_invalid"}, {"message", s.policy_error}}.dump());
        return;
    }
    s.policy = std::move(*parsed.value);
    s.policy_json = nlohmann::json::parse(text, nullptr, false);
    if (s.policy->demo) s.demo = true;
    Theme theme;
    theme.accent_rgb = parse_colour(s.policy->shop.accent_color);
    apply_theme(theme);
    if (s.builtin_orders && !demo_orders_loaded_) {
        p_.http_get("demo/orders.json", [this](const web::HttpResponse& r) {
            demo_orders_loaded_ = true;
            if (r.status == 200) demo_orders_ = parse_demo_orders(r.body, now().utc_date());
            else std::fprintf(stderr, "retour: demo/orders.json: HTTP %d %s\n", r.status, r.error.c_str());
            after_policy();
        });
        return;
    }
    after_policy();
}

void App::after_policy() {
    if (posting_enabled() && !outbox_.started())
        outbox_.start(s.policy->webhook.url, s.policy->webhook.content_type,
                      [this](const OutboxRunner::Result& r) {
                          dispatch_(Delivered{r.id, r.delivery, r.status, r.detail});
                          apply_actions();
                      });
    s.screen = Screen::FindOrder;

    const std::string token = hash_param(p_.page(web::PageValue::hash), "order");
    if (restore_done(token)) return;
    if (!token.empty()) {
        if (auto text = p_.storage_get(kDraftKey)) pending_draft_ = nlohmann::json::parse(*text, nullptr, false);
        open_token(token, "link");
        return;
    }
    if (auto text = p_.storage_get(kDraftKey)) {
        auto draft = nlohmann::json::parse(*text, nullptr, false);
        if (draft.is_object() && reopen_draft(std::move(draft))) return;
    }
    show(Screen::FindOrder);
}

bool App::reopen_draft(nlohmann::json draft) {
    pending_draft_ = std::move(draft);
    const std::string draft_token = pending_draft_.value("order_token", "");
    const std::string source = pending_draft_.value("order_source", "");
    if (!draft_token.empty()) {
        open_token(draft_token, source);
        return true;
    }
    if (pending_draft_.contains("order")) {
        auto order = parse_order(pending_draft_["order"]);
        if (order.ok()) {
            order_opened(std::move(*order.value), "", source);
            return true;
        }
    }
    // The draft's order no longer opens: keep at least what was typed.
    s.order_number = pending_draft_.value("order_number", "");
    s.contact = pending_draft_.value("contact", "");
    pending_draft_ = nullptr;
    return false;
}

// A new #order= link opened in the tab the portal is already in (no reload).
void App::on_hash_change() {
    const std::string token = hash_param(p_.page(web::PageValue::hash), "order");
    if (token.empty() || token == s.order_token || !s.policy) return;
    if (s.screen == Screen::Loading || s.screen == Screen::PolicyError) return;
    clear_return();
    if (auto text = p_.storage_get(kDraftKey)) {
        auto draft = nlohmann::json::parse(*text, nullptr, false);
        if (draft.is_object() && draft.value("order_token", "") == token) pending_draft_ = std::move(draft);
    }
    // The browser made an entry for the new address; the order's first step takes it over.
    if (p_.history_state().empty()) ++history_depth_;
    replace_next_ = true;
    open_token(token, "link");
}

void App::open_token(const std::string& token, const std::string& source) {
    OpenedOrderToken opened = open_order_token(token, *s.policy);
    // An expiring link is judged at this device's clock; the receiver judges the
    // request at its created_at, so one made in time and sent late still counts.
    if (opened.error.ok()) opened.error = check_expiry(*opened.order, now());
    if (!opened.error.ok()) {
        s.problem = {};
        s.problem.token = opened.error;
        std::fprintf(stderr, "retour: order link: %s %s\n", opened.error.code.c_str(), opened.error.message.c_str());
        pending_draft_ = nullptr;
        show(Screen::FindOrder);
        return;
    }
    order_opened(*opened.order, token, source);
}

void App::order_opened(Order order, std::string token, std::string source) {
    s.finding = false;
    s.problem = {};
    s.decisions = evaluate(*s.policy, order, now());
    s.lines.clear();
    for (const OrderLine& l : order.lines) {
        LineChoice c;
        c.line_id = l.id;
        s.lines.push_back(c);
    }
    s.order_number = order.number;
    s.shopper = {};
    s.shopper.email = order.email;
    s.shopper.country = order.ship_to_country;
    for (const DemoOrder& d : demo_orders_) {
        if (d.order.id == order.id && source == "demo") {
            s.shopper = d.address;
            s.shopper.email = order.email;
        }
    }
    // A prefilled country only when the shop takes returns from there; else the shopper picks.
    const auto countries = address_countries(*s.policy);
    if (std::find(countries.begin(), countries.end(), s.shopper.country) == countries.end()) s.shopper.country.clear();
    s.resolution_chosen = false;
    s.resolution = Resolution::refund;
    s.method = ReturnMethod::print_label;
    s.order = std::move(order);
    s.order_token = std::move(token);
    s.order_source = std::move(source);
    Screen screen = Screen::Items;
    if (pending_draft_.is_object()) {
        const bool same = pending_draft_.value("order_token", "") == s.order_token &&
                          (!s.order_token.empty() || pending_draft_.value("order_number", "") == s.order->number);
        if (same) screen = restore_draft(s, pending_draft_);
        pending_draft_ = nullptr;
    }
    show(screen);
}

void App::find_order() {
    s.tried_submit = true;
    s.problem = {};
    if (s.order_number.empty() || s.contact.empty() || !s.policy) return;
    s.finding = true;
    p_.request_frames(2);
    // Let "Looking up your order…" reach the screen before the (slow) lookup starts.
    p_.after(30, [this] {
        if (s.builtin_orders) find_demo();
        else if (s.policy->lookup.mode == "published") find_published();
        else if (s.policy->lookup.mode == "endpoint") find_endpoint();
        else s.finding = false;
    });
}

void App::use_demo_order(const DemoOrder& d) {
    s.order_number = d.number;
    s.contact = identifier_kind(*s.policy) == LookupIdentifier::postcode ? d.postcode : d.email;
    order_opened(d.order, "", "demo");
}

void App::find_demo() {
    const LookupIdentifier kind = identifier_kind(*s.policy);
    const std::string number = normalize_order_number(s.order_number);
    const std::string contact = normalize_identifier(kind, s.contact);
    for (const DemoOrder& d : demo_orders_) {
        const std::string& want = kind == LookupIdentifier::postcode ? d.postcode : d.email;
        if (normalize_order_number(d.number) == number && normalize_identifier(kind, want) == contact) {
            use_demo_order(d);
            return;
        }
    }
    s.finding = false;
    s.problem.key = not_found_key(*s.policy);
}

void App::find_published() {
    const crypto::Bytes public_key(s.policy->public_key_bytes.begin(), s.policy->public_key_bytes.end());
    const auto key = derive_lookup_key(public_key, s.order_number, identifier_kind(*s.policy), s.contact);
    if (!key) {
        s.finding = false;
        s.problem.key = not_found_key(*s.policy);
        return;
    }
    p_.http_get("orders/" + key->file_name, [this, key = *key](const web::HttpResponse& r) {
        s.finding = false;
        if (r.status == 404 || r.status == 403) {
            s.problem.key = not_found_key(*s.policy);
            return;
        }
        if (r.status != 200) {
            s.problem.key = r.status == 0 ? "error.network" : "error.generic";
            return;
        }
        const OpenedOrder opened =
            open_published_order(key, reinterpret_cast<const std::uint8_t*>(r.body.data()), r.body.size());
        if (!opened.ok()) {
            std::fprintf(stderr, "retour: published order: %s\n", opened.error.c_str());
            s.problem.key = not_found_key(*s.policy);
            return;
        }
        open_token(opened.token, "published");
    });
}

void App::find_endpoint() {
    std::string url = s.policy->lookup.endpoint_url;
    replace_all(url, "{number}", url_encode(s.order_number));
    replace_all(url, "{email}", url_encode(s.contact));
    replace_all(url, "{postcode}", url_encode(s.contact));
    p_.http_get(url, [this](const web::HttpResponse& r) {
        s.finding = false;
        if (r.status == 404) {
            s.problem.key = not_found_key(*s.policy);
            return;
        }
        if (r.status != 200) {
            s.problem.key = r.status == 0 ? "error.network" : "error.generic";
            return;
        }
        const auto doc = nlohmann::json::parse(r.body, nullptr, false);
        if (doc.is_object() && doc.contains("token") && doc["token"].is_string()) {
            open_token(doc["token"].get<std::string>(), "endpoint");
            return;
        }
        auto order = parse_order(doc.is_object() && doc.contains("order") ? doc["order"] : doc);
        if (!order.ok()) {
            for (const auto& e : order.errors) std::fprintf(stderr, "retour: endpoint order %s\n", e.text().c_str());
            s.problem.key = "error.generic";
            return;
        }
        order_opened(std::move(*order.value), "", "endpoint");
    }, 10000);
}

}  // namespace retour::app
