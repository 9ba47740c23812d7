#pragma once
// The events `retour hook` forwards to the merchant's endpoints (Standard Webhooks):
//   {"data":{…},"timestamp":"2026-12-02T14:00:00Z","type":"return.requested"}
// canonical JSON, kept small: the return's id, RMA, order, status, totals and why it
// needs review. The full message stays in the receiver (`retour export --message ID`).
// Every event type goes through the same queue; the id is the queue's (webhook-id).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/quote.h"
#include "core/return_life.h"
#include "core/return_request.h"

namespace retour {

inline constexpr const char* kEventReturnRequested = "return.requested";
inline constexpr const char* kEventTest = "retour.test";

// The body of an event of `type` that happened at `at`.
std::string event_body(std::string_view type, Instant at, const nlohmann::json& data);

// `data` of return.requested for a verified request stored with `status`
// ("accepted" or "review"), from the receiver's own `quote` of it (equal to the
// request's: verified); review_reasons are the quote's review codes and then
// `decided` (what the receiver found: late_delivery, customer_return_limit, …), each once:
//   {"currency","id","order":{"id","number"},"policy":{"hash","version"},
//    "review_reasons":[…],"rma","status","totals":{…the quote's totals…}}
nlohmann::json return_requested_data(const ReturnRequest& request, const Quote& quote, std::string_view status,
                                     const std::vector<std::string>& decided = {});

// ---- the return's later life (return_life.h): one event per change after the request,
// "return." + the change ("return.approved", "return.received", "return.refunded", …).
std::string life_event_type(LifeEventType type);
// `data` of such an event: the change as stored, and the state and sums after it:
//   {"change":{…to_json(LifeEvent)…},"currency","id","order":{"id","number"},
//    "refunded","rma","state","store_credit_issued"}
nlohmann::json return_life_data(const ReturnRequest& request, const ReturnLife& after, const LifeEvent& change);

}  // namespace retour
