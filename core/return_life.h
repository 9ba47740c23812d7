#pragma once
// The life of a return after the shopper confirms it: a pure state machine shared by
// the receiver, the shell and the portal. The history is a list of events, each a
// change made by someone at some time; the state is what replaying them gives.
//
//   requested ─► needs_review ◄─ info_received ◄─ info_requested
//       │             │                                  ▲
//       ├─────────────┴──► approved ──► label_issued ──► in_transit ──► received
//       │                    │   (rejected from any state before the parcel is sent)
//       └──► rejected        └──► refunded / store_credit_issued (keep-the-item only)
//   received ──► refunded | store_credit_issued | exchange_shipped (any mix, in turn)
//   any ──► closed (a note is required unless the return was settled or rejected)
//
// Amounts: what is refunded (and issued as store credit) adds up over the events and
// may not exceed what the verified quote gives back (totals.refund; totals.store_credit
// + totals.gift_card) unless the event carries an override note saying why.
//
// Refusal codes (life_error.<code> in the catalogs, with the same placeholders):
//   not_requested, already_requested, transition_not_allowed {state} {next},
//   return_closed, actor_required, note_required {next}, time_before_previous {at},
//   inspection_required {line}, inspection_unknown_line {line}, amount_required,
//   inspection_not_allowed {next}, amount_not_allowed {next}, amount_above_quote {left},
//   no_exchange
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/json_error.h"
#include "core/return_request.h"

namespace retour {

enum class ReturnState : std::uint8_t {
    requested, needs_review, approved, rejected, info_requested, label_issued, in_transit, received,
    refunded, store_credit_issued, exchange_shipped, closed
};
const char* to_string(ReturnState s);

// What happened; each type leads to the state of the same name, except info_received
// (→ needs_review: a person looks at the answer).
enum class LifeEventType : std::uint8_t {
    requested, needs_review, approved, rejected, info_requested, info_received, label_issued, in_transit,
    received, refunded, store_credit_issued, exchange_shipped, closed
};
inline constexpr std::array<LifeEventType, 13> kLifeEventTypes = {
    LifeEventType::requested, LifeEventType::needs_review, LifeEventType::approved, LifeEventType::rejected,
    LifeEventType::info_requested, LifeEventType::info_received, LifeEventType::label_issued,
    LifeEventType::in_transit, LifeEventType::received, LifeEventType::refunded,
    LifeEventType::store_credit_issued, LifeEventType::exchange_shipped, LifeEventType::closed};
const char* to_string(LifeEventType t);
std::optional<LifeEventType> parse_life_event_type(std::string_view text);
ReturnState state_after(LifeEventType t);

// What the merchant found in the parcel, per request line.
enum class InspectionResult : std::uint8_t { as_new, damaged, wrong_item, missing };
const char* to_string(InspectionResult r);
std::optional<InspectionResult> parse_inspection_result(std::string_view text);

struct LineInspection {
    std::string line_id;
    InspectionResult result = InspectionResult::as_new;
};

struct LifeEvent {
    LifeEventType type = LifeEventType::requested;
    Instant at;
    std::string actor;  // "shopper", "receiver", "policy", or the person in the shop
    std::string note;
    std::optional<std::int64_t> amount;  // minor units: refunded / store credit issued
    std::string override_note;           // why an amount above the quote is right
    std::vector<LineInspection> inspection;  // received: one per request line
    std::vector<std::string> codes;          // needs_review: why (review_rules.h codes)
};

// What a request allows, from its verified quote.
struct LifeFacts {
    std::string currency;
    std::vector<std::string> line_ids;
    std::int64_t refund_max = 0;        // totals.refund
    std::int64_t store_credit_max = 0;  // totals.store_credit + totals.gift_card
    bool has_exchange = false;
    bool nothing_to_send = false;  // every line is keep-the-item: settled without a parcel
};
LifeFacts life_facts(const ReturnRequest& request);

struct ReturnLife {
    LifeFacts facts;
    std::vector<LifeEvent> events;
    ReturnState state = ReturnState::requested;  // meaningful once events is not empty
    std::int64_t refunded = 0, store_credit_issued = 0;
    std::vector<LineInspection> inspection;  // the latest received event's
};

struct LifeRefusal {
    std::string code;
    std::string message;  // English, for the shell and the log
    // What the catalog text's placeholders are filled from (return_timeline.h).
    std::optional<ReturnState> state;
    std::optional<LifeEventType> next;
    std::string line;
    std::optional<Instant> at;
    std::optional<std::int64_t> left;  // minor units of facts.currency
};

struct Advanced {
    ReturnLife life;
    std::optional<LifeRefusal> refusal;
    bool ok() const { return !refusal; }
};

// `life` with `event` appended, or why that change is not allowed (then `life` as it was).
Advanced advance(const ReturnLife& life, const LifeEvent& event);
// Every event in turn from an empty history; stops at the first refused one.
Advanced replay(const LifeFacts& facts, const std::vector<LifeEvent>& events);

// The events a verified request starts with: requested (by the shopper, at created_at),
// then needs_review with `review_codes` (by the receiver) or, when there are none and
// the policy says review.auto_approve, approved (by the policy), at `received`.
std::vector<LifeEvent> intake_events(const Policy& policy, const ReturnRequest& request,
                                     const std::vector<std::string>& review_codes, Instant received);

// Canonical JSON of an event: {"actor","at","type"} and, when set, "amount", "codes",
// "inspection":[{"line_id","result"}], "note", "override".
nlohmann::json to_json(const LifeEvent& e);
Parsed<LifeEvent> parse_life_event(const nlohmann::json& document);

}  // namespace retour
