#pragma once
// Confirming a return, the pure half: the state at "Confirm" priced again at `now`
// (that is what the receiver re-checks) and built into the request, its webhook body
// and this device's record of it. The shell (App::submit) adds the page: the id's
// randomness, the clock, storage, the outbox and the host page's event.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/return_request.h"
#include "wasm/app_state.h"
#include "wasm/device_returns.h"

namespace retour::app {

struct Confirmation {
    std::string problem;         // the quote's error, in the shopper's language ("" when fine)
    bool address_incomplete = false;
    std::optional<ReturnRequest> request;
    nlohmann::json request_json;
    std::string body;            // the webhook body, stored and posted as it is
    DeviceReturn record;         // delivery left for the shell ("sending", "queued", "demo")
    bool ok() const { return request.has_value(); }
};

// `s.attempt_id` must be set (the request's id).
Confirmation confirm(const AppState& s, Instant now);

}  // namespace retour::app
