#include "core/return_life.h"

#include <algorithm>
#include <initializer_list>

#include "core/json_reader.h"

namespace retour {

namespace {

constexpr const char* kStateNames[] = {"requested",     "needs_review", "approved",       "rejected",
                                       "info_requested", "label_issued", "in_transit",     "received",
                                       "refunded",       "store_credit_issued", "exchange_shipped", "closed"};
constexpr const char* kEventNames[] = {"requested",     "needs_review",  "approved",   "rejected", "info_requested",
                                       "info_received", "label_issued",  "in_transit", "received", "refunded",
                                       "store_credit_issued", "exchange_shipped", "closed"};
constexpr const char* kInspectionNames[] = {"as_new", "damaged", "wrong_item", "missing"};

using S = ReturnState;
using T = LifeEventType;

bool one_of(S s, std::initializer_list<S> states) {
    return std::find(states.begin(), states.end(), s) != states.end();
}

// The states each change may start from (requested: only an empty history).
bool allowed_from(T type, S from, const LifeFacts& facts) {
    const auto settled = {S::received, S::refunded, S::store_credit_issued, S::exchange_shipped};
    switch (type) {
        case T::requested: return false;
        case T::needs_review: return from == S::requested;
        case T::approved: return one_of(from, {S::requested, S::needs_review, S::info_requested});
        case T::rejected:
            return one_of(from, {S::requested, S::needs_review, S::info_requested, S::approved, S::label_issued});
        case T::info_requested: return one_of(from, {S::requested, S::needs_review});
        case T::info_received: return from == S::info_requested;
        case T::label_issued: return from == S::approved;
        case T::in_transit: return one_of(from, {S::approved, S::label_issued});
        case T::received: return one_of(from, {S::approved, S::label_issued, S::in_transit});
        case T::refunded:
        case T::store_credit_issued:
            // Keep-the-item returns are settled once approved: there is no parcel.
            return one_of(from, settled) || (facts.nothing_to_send && from == S::approved);
        case T::exchange_shipped: return one_of(from, {S::received, S::refunded, S::store_credit_issued});
        case T::closed: return from != S::closed;
    }
    return false;
}

bool needs_note(T type, S from) {
    if (type == T::rejected || type == T::info_requested) return true;  // the shopper is told why / what
    return type == T::closed &&
           !one_of(from, {S::rejected, S::refunded, S::store_credit_issued, S::exchange_shipped});
}

std::string blank_trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s;
}

LifeRefusal refusal(std::string code, std::string message) {
    LifeRefusal r;
    r.code = std::move(code);
    r.message = std::move(message);
    return r;
}

std::optional<LifeRefusal> check_inspection(const ReturnLife& life, const LifeEvent& e) {
    for (std::size_t i = 0; i < e.inspection.size(); ++i) {
        const std::string& id = e.inspection[i].line_id;
        const auto& ids = life.facts.line_ids;
        const bool known = std::find(ids.begin(), ids.end(), id) != ids.end();
        bool twice = false;
        for (std::size_t k = 0; k < i; ++k) twice = twice || e.inspection[k].line_id == id;
        if (!known || twice) {
            LifeRefusal r = refusal("inspection_unknown_line",
                                    "line " + id + (twice ? " is inspected twice" : " is not in this return"));
            r.line = id;
            return r;
        }
    }
    for (const std::string& id : life.facts.line_ids) {
        const bool seen = std::any_of(e.inspection.begin(), e.inspection.end(),
                                      [&](const LineInspection& x) { return x.line_id == id; });
        if (!seen) {
            LifeRefusal r = refusal("inspection_required",
                                    "say what arrived for line " + id + " (as_new, damaged, wrong_item or missing)");
            r.line = id;
            return r;
        }
    }
    return std::nullopt;
}

std::optional<LifeRefusal> check_amount(const ReturnLife& life, const LifeEvent& e) {
    const bool carries = e.type == T::refunded || e.type == T::store_credit_issued;
    if (!carries) {
        if (!e.amount && e.override_note.empty()) return std::nullopt;
        LifeRefusal r = refusal("amount_not_allowed", std::string(to_string(e.type)) + " carries no amount");
        r.next = e.type;
        return r;
    }
    if (!e.amount || *e.amount <= 0)
        return refusal("amount_required", "give the amount (more than 0) in minor units of " + life.facts.currency);
    const bool refund = e.type == T::refunded;
    const std::int64_t max = refund ? life.facts.refund_max : life.facts.store_credit_max;
    const std::int64_t done = refund ? life.refunded : life.store_credit_issued;
    const std::int64_t left = max > done ? max - done : 0;
    if (*e.amount > left && blank_trimmed(e.override_note).empty()) {
        LifeRefusal r = refusal("amount_above_quote",
                                std::to_string(*e.amount) + " is more than the quote leaves (" + std::to_string(left) +
                                    " " + life.facts.currency + "); add an override note to record it anyway");
        r.left = left;
        return r;
    }
    return std::nullopt;
}

}  // namespace

const char* to_string(ReturnState s) { return kStateNames[static_cast<int>(s)]; }
const char* to_string(LifeEventType t) { return kEventNames[static_cast<int>(t)]; }
const char* to_string(InspectionResult r) { return kInspectionNames[static_cast<int>(r)]; }

std::optional<LifeEventType> parse_life_event_type(std::string_view text) {
    for (LifeEventType t : kLifeEventTypes)
        if (text == to_string(t)) return t;
    return std::nullopt;
}

std::optional<InspectionResult> parse_inspection_result(std::string_view text) {
    for (int i = 0; i < 4; ++i)
        if (text == kInspectionNames[i]) return static_cast<InspectionResult>(i);
    return std::nullopt;
}

ReturnState state_after(LifeEventType t) {
    return t == T::info_received ? S::needs_review : static_cast<S>(static_cast<int>(t) - (t > T::info_received));
}

LifeFacts life_facts(const ReturnRequest& request) {
    using nlohmann::json;
    LifeFacts f;
    f.currency = request.quote.value("currency", "");
    for (const RequestLine& l : request.lines) {
        f.line_ids.push_back(l.line_id);
        f.has_exchange = f.has_exchange || l.resolution == Resolution::exchange;
    }
    f.nothing_to_send = !request.lines.empty() &&
                        std::all_of(request.lines.begin(), request.lines.end(),
                                    [](const RequestLine& l) { return l.resolution == Resolution::keep_item; });
    const json totals = request.quote.value("totals", json::object());
    const auto amount = [&](const char* key) { return totals.value(key, std::int64_t{0}); };
    f.refund_max = amount("refund");
    f.store_credit_max = amount("store_credit") + amount("gift_card");
    return f;
}

Advanced advance(const ReturnLife& life, const LifeEvent& e) {
    Advanced out{life, std::nullopt};
    const auto refuse = [&](LifeRefusal r) {
        out.refusal = std::move(r);
        return out;
    };
    if (life.events.empty()) {
        if (e.type != T::requested) return refuse(refusal("not_requested", "a return's history starts with requested"));
    } else {
        if (e.type == T::requested) return refuse(refusal("already_requested", "this return was requested already"));
        if (life.state == S::closed) return refuse(refusal("return_closed", "this return is closed"));
        if (!allowed_from(e.type, life.state, life.facts)) {
            LifeRefusal r = refusal("transition_not_allowed", std::string("a return that is ") + to_string(life.state) +
                                                                  " cannot become " + to_string(e.type));
            r.state = life.state;
            r.next = e.type;
            return refuse(std::move(r));
        }
        if (e.at < life.events.back().at) {
            LifeRefusal r = refusal("time_before_previous", "the change is dated before the one before it (" +
                                                                format_instant(life.events.back().at) + ")");
            r.at = life.events.back().at;
            return refuse(std::move(r));
        }
    }
    if (blank_trimmed(e.actor).empty()) return refuse(refusal("actor_required", "say who made the change"));
    if (!life.events.empty() && needs_note(e.type, life.state) && blank_trimmed(e.note).empty()) {
        LifeRefusal r = refusal("note_required", std::string("add a note saying why: ") + to_string(e.type));
        r.next = e.type;
        return refuse(std::move(r));
    }
    if (e.type == T::received) {
        if (auto r = check_inspection(life, e)) return refuse(std::move(*r));
    } else if (!e.inspection.empty()) {
        LifeRefusal r = refusal("inspection_not_allowed", std::string(to_string(e.type)) + " carries no inspection");
        r.next = e.type;
        return refuse(std::move(r));
    }
    if (auto r = check_amount(life, e)) return refuse(std::move(*r));
    if (e.type == T::exchange_shipped && !life.facts.has_exchange)
        return refuse(refusal("no_exchange", "no line of this return asks for an exchange"));

    out.life.events.push_back(e);
    out.life.state = state_after(e.type);
    if (e.type == T::refunded) out.life.refunded += *e.amount;
    if (e.type == T::store_credit_issued) out.life.store_credit_issued += *e.amount;
    if (e.type == T::received) out.life.inspection = e.inspection;
    return out;
}

Advanced replay(const LifeFacts& facts, const std::vector<LifeEvent>& events) {
    Advanced out{ReturnLife{}, std::nullopt};
    out.life.facts = facts;
    for (const LifeEvent& e : events) {
        Advanced next = advance(out.life, e);
        if (!next.ok()) return next;
        out = std::move(next);
    }
    return out;
}

std::vector<LifeEvent> intake_events(const Policy& policy, const ReturnRequest& request,
                                     const std::vector<std::string>& review_codes, Instant received) {
    std::vector<LifeEvent> out;
    LifeEvent requested;
    requested.type = T::requested;
    requested.at = request.created_at;
    requested.actor = "shopper";
    out.push_back(requested);
    // A clock a little ahead on the shopper's side must not date the receiver's step earlier.
    const Instant at = received < request.created_at ? request.created_at : received;
    if (!review_codes.empty()) {
        LifeEvent review;
        review.type = T::needs_review;
        review.at = at;
        review.actor = "receiver";
        review.codes = review_codes;
        out.push_back(review);
    } else if (policy.review.auto_approve) {
        LifeEvent approved;
        approved.type = T::approved;
        approved.at = at;
        approved.actor = "policy";
        approved.note = "review.auto_approve";
        out.push_back(approved);
    }
    return out;
}

nlohmann::json to_json(const LifeEvent& e) {
    nlohmann::json j = {{"actor", e.actor}, {"at", format_instant(e.at)}, {"type", to_string(e.type)}};
    if (e.amount) j["amount"] = *e.amount;
    if (!e.codes.empty()) j["codes"] = e.codes;
    if (!e.inspection.empty()) {
        nlohmann::json lines = nlohmann::json::array();
        for (const LineInspection& x : e.inspection) lines.push_back({{"line_id", x.line_id}, {"result", to_string(x.result)}});
        j["inspection"] = std::move(lines);
    }
    if (!e.note.empty()) j["note"] = e.note;
    if (!e.override_note.empty()) j["override"] = e.override_note;
    return j;
}

Parsed<LifeEvent> parse_life_event(const nlohmann::json& document) {
    Parsed<LifeEvent> out;
    LifeEvent e;
    const JsonReader r(&document, &out.errors, "");
    if (!r.object({"actor", "at", "type", "amount", "codes", "inspection", "note", "override"})) return out;
    if (auto t = r["type"].string()) {
        if (auto type = parse_life_event_type(*t)) e.type = *type;
        else r["type"].fail("unknown change '" + *t + "'");
    }
    if (auto at = r["at"].string(true, 40)) {
        if (auto instant = parse_instant(*at)) e.at = *instant;
        else r["at"].fail("expected an instant like 2026-12-07T14:00:00Z");
    }
    if (auto actor = r["actor"].string(true, 200)) e.actor = *actor;
    if (auto note = r["note"].string(false, 2000)) e.note = *note;
    if (auto o = r["override"].string(false, 2000)) e.override_note = *o;
    if (r["amount"].present()) e.amount = r["amount"].integer(0);
    if (r["codes"].array(false))
        for (std::size_t i = 0; i < r["codes"].size(); ++i)
            if (auto c = r["codes"].at(i).string(true, 100)) e.codes.push_back(*c);
    if (r["inspection"].array(false)) {
        for (std::size_t i = 0; i < r["inspection"].size(); ++i) {
            const JsonReader x = r["inspection"].at(i);
            if (!x.object({"line_id", "result"})) continue;
            LineInspection li;
            if (auto id = x["line_id"].string(true, 200)) li.line_id = *id;
            if (auto res = x["result"].one_of({"as_new", "damaged", "wrong_item", "missing"}))
                li.result = *parse_inspection_result(*res);
            e.inspection.push_back(std::move(li));
        }
    }
    if (out.errors.empty()) out.value = std::move(e);
    return out;
}

}  // namespace retour
