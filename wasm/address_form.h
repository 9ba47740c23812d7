#pragma once
// The shopper's contact details and return address (summary screen): a country picker
// limited to the shop's countries with names in the shopper's language, and every
// field checked by the core's check_shopper() with the problem shown at its field.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/address_check.h"
#include "wasm/action.h"
#include "wasm/app_state.h"

namespace retour::app {

// ISO codes the address may use: the policy's countries_served, else every country
// the catalogs name.
std::vector<std::string> address_countries(const Policy& policy);

// What the shopper typed as the core's Shopper (trimmed); the address only when the
// item goes back by post.
Shopper shopper_of(const ShopperForm& form, bool with_address);

// Problems with the form (empty: ready to confirm).
std::vector<FieldProblem> address_problems(const AppState& s, bool with_address);

// The country picker's choices: code and name in the current language, by name.
std::vector<std::pair<std::string, std::string>> country_choices(const AppState& s);

// For the test hook: the picker's choices and each field's problem code.
nlohmann::json address_state(const AppState& s);

// Draws the card; problems show at their fields once the shopper tried to confirm.
void address_card(const AppState& s, bool with_address, Dispatch& dispatch);

}  // namespace retour::app
