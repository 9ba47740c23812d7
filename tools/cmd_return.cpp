// `retour return ACTION RMA|ID --db returns.db …`: a return's life from the shell. Every
// change is checked by the core (return_life.h) against the stored history and, when
// allowed, appended and queued for forwarding in one transaction (return_history.h);
// a refused one writes nothing and says why (exit 1).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/i18n/locale.h"
#include "core/money.h"
#include "core/return_event.h"
#include "core/return_timeline.h"
#include "tools/commands.h"
#include "tools/return_history.h"

namespace retour::tools {

namespace {

struct Action {
    const char* name;
    LifeEventType type;
};
constexpr Action kActions[] = {
    {"approve", LifeEventType::approved},          {"reject", LifeEventType::rejected},
    {"ask-info", LifeEventType::info_requested},   {"info-received", LifeEventType::info_received},
    {"issue-label", LifeEventType::label_issued},  {"in-transit", LifeEventType::in_transit},
    {"receive", LifeEventType::received},          {"refund", LifeEventType::refunded},
    {"store-credit", LifeEventType::store_credit_issued}, {"ship-exchange", LifeEventType::exchange_shipped},
    {"close", LifeEventType::closed},
};

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string money(std::int64_t minor, const std::string& currency) {
    if (auto c = Currency::from_code(currency)) return format_display(Money{minor, *c});
    return std::to_string(minor);
}

// "L1=as_new,L2=damaged", or one result for every line ("as_new").
std::vector<LineInspection> parse_inspection(const std::string& text, const LifeFacts& facts) {
    std::vector<LineInspection> out;
    if (text.find('=') == std::string::npos) {
        const auto result = parse_inspection_result(text);
        if (!result) throw UsageError{"--inspect expects LINE=RESULT,… or one RESULT for every line (as_new, damaged, wrong_item, missing), not '" + text + "'"};
        for (const std::string& id : facts.line_ids) out.push_back({id, *result});
        return out;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        const std::size_t eq = item.find('=');
        const auto result = eq == std::string::npos ? std::nullopt : parse_inspection_result(item.substr(eq + 1));
        if (!result) throw UsageError{"--inspect: '" + item + "' is not LINE=as_new|damaged|wrong_item|missing"};
        out.push_back({item.substr(0, eq), *result});
        start = comma + 1;
    }
    return out;
}

void print_record(const ReturnRecord& r) {
    const ReturnLife& l = r.life;
    const LifeFacts& f = l.facts;
    std::printf("%s  request %s  order %s\n", r.request.rma.c_str(), r.request.id.c_str(), r.request.order.number.c_str());
    std::printf("state: %s\n", to_string(l.state));
    std::printf("refunded %s of %s; store credit %s of %s\n", money(l.refunded, f.currency).c_str(),
                money(f.refund_max, f.currency).c_str(), money(l.store_credit_issued, f.currency).c_str(),
                money(f.store_credit_max, f.currency).c_str());
    for (const LifeEvent& e : l.events) {
        std::string detail;
        if (e.amount) detail += " " + money(*e.amount, f.currency);
        for (const LineInspection& i : e.inspection) detail += " " + i.line_id + "=" + to_string(i.result);
        for (const std::string& c : e.codes) detail += " " + c;
        if (!e.note.empty()) detail += " \"" + e.note + "\"";
        if (!e.override_note.empty()) detail += " override: \"" + e.override_note + "\"";
        std::printf("  %s  %-19s %-10s%s\n", format_instant(e.at).c_str(), to_string(e.type), e.actor.c_str(),
                    detail.c_str());
    }
}

nlohmann::json record_json(const ReturnRecord& r) {
    nlohmann::json events = nlohmann::json::array();
    for (const LifeEvent& e : r.life.events) events.push_back(to_json(e));
    const LifeFacts& f = r.life.facts;
    return {{"currency", f.currency}, {"events", events}, {"id", r.request.id}, {"order", r.request.order.number},
            {"refund_max", f.refund_max}, {"refunded", r.life.refunded}, {"rma", r.request.rma},
            {"state", to_string(r.life.state)}, {"store_credit_issued", r.life.store_credit_issued},
            {"store_credit_max", f.store_credit_max}};
}

int list(ReturnHistory& history, const Args& args) {
    const std::string state = args.get_or("state", "");
    std::printf("%-20s %-14s %-28s %-12s %s\n", "state", "rma", "request", "order", "last change");
    for (const ReturnRecord& r : history.all()) {
        if (!state.empty() && state != to_string(r.life.state)) continue;
        std::printf("%-20s %-14s %-28s %-12s %s\n", to_string(r.life.state), r.request.rma.c_str(),
                    r.request.id.c_str(), r.request.order.number.c_str(),
                    r.life.events.empty() ? "-" : format_instant(r.life.events.back().at).c_str());
    }
    return 0;
}

}  // namespace

int cmd_return(int argc, char** argv) {
    Args args(argc, argv, {"json"});
    args.allow_only({"db", "by", "note", "at", "inspect", "amount", "override", "lang", "json", "state"});
    const std::vector<std::string>& pos = args.positional();
    if (pos.empty()) throw UsageError{"expected an action: show, list, approve, reject, ask-info, …"};
    const std::string action = pos[0];
    ReturnHistory history(args.require("db"));
    if (action == "list") {
        if (pos.size() != 1) throw UsageError{"list takes no RMA"};
        return list(history, args);
    }
    if (pos.size() != 2) throw UsageError{"expected " + action + " RMA|REQUEST_ID"};
    const std::string which = pos[1];
    if (action == "show") {
        const auto found = history.find(which);
        if (!found) throw std::runtime_error("no return " + which + " in " + args.require("db"));
        if (args.has("json")) std::printf("%s\n", record_json(*found).dump(2).c_str());
        else print_record(*found);
        return 0;
    }
    const Action* a = nullptr;
    for (const Action& x : kActions)
        if (action == x.name) a = &x;
    if (!a) throw UsageError{"unknown action '" + action + "'"};

    const auto found = history.find(which);
    if (!found) throw std::runtime_error("no return " + which + " in " + args.require("db"));
    const LifeFacts& facts = found->life.facts;
    LifeEvent change;
    change.type = a->type;
    change.at = Instant{now_ms() / 1000};
    if (auto at = args.get("at")) {
        const auto parsed = parse_instant(*at);
        if (!parsed) throw UsageError{"--at expects an instant like 2026-12-07T14:00:00Z"};
        change.at = *parsed;
    }
    const char* user = std::getenv("USER");
    change.actor = args.get_or("by", user && *user ? user : "merchant");
    change.note = args.get_or("note", "");
    change.override_note = args.get_or("override", "");
    if (auto inspect = args.get("inspect")) change.inspection = parse_inspection(*inspect, facts);
    if (auto amount = args.get("amount")) {
        const auto c = Currency::from_code(facts.currency);
        const auto m = c ? parse_decimal(*amount, *c) : std::nullopt;
        if (!m) throw UsageError{"--amount expects a decimal amount in " + facts.currency + " (e.g. 24.95), not '" + *amount + "'"};
        change.amount = m->minor;
    } else if (a->type == LifeEventType::refunded || a->type == LifeEventType::store_credit_issued) {
        // Without --amount: what the quote still gives back in this form.
        const bool refund = a->type == LifeEventType::refunded;
        const std::int64_t left = (refund ? facts.refund_max - found->life.refunded
                                          : facts.store_credit_max - found->life.store_credit_issued);
        if (left > 0) change.amount = left;
    }

    const Recorded done = history.record(which, change, now_ms());
    if (!done.found) throw std::runtime_error("no return " + which + " in " + args.require("db"));
    if (done.refusal) {
        const i18n::Locale locale = i18n::parse_locale(args.get_or("lang", "en"));
        std::fprintf(stderr, "retour return %s: refused (%s): %s\n", action.c_str(), done.refusal->code.c_str(),
                     describe(*done.refusal, facts.currency, locale).c_str());
        return 1;
    }
    const ReturnRecord& r = done.record;
    std::printf("%s is now %s", r.request.rma.c_str(), to_string(r.life.state));
    if (change.amount) std::printf(" (%s)", money(*change.amount, facts.currency).c_str());
    if (done.forwarded_to)
        std::printf("; %s queued for %zu endpoint%s", life_event_type(change.type).c_str(), done.forwarded_to,
                    done.forwarded_to == 1 ? "" : "s");
    if (!done.mailed_to.empty()) std::printf("; e-mail to %s queued", done.mailed_to.c_str());
    std::printf("\n");
    return 0;
}

}  // namespace retour::tools
