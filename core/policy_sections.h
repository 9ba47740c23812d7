#pragma once
// Core-internal: one reader per section of the policy JSON (policy.cpp calls them in
// order). Each records every problem it finds and fills what it could read.
#include "core/json_reader.h"
#include "core/policy.h"

namespace retour::policy_sections {

// Shopper-facing settings other parts of Retour rely on (policy_sections_shop.cpp).
void read_shop(const JsonReader& r, Shop& out);
void read_merchant(const JsonReader& r, Merchant& out);
void read_contact(const JsonReader& r, Contact& out);  // optional section
void read_labels(const JsonReader& r, LabelSettings& out);
void read_lookup(const JsonReader& r, Lookup& out);
void read_webhook(const JsonReader& r, Webhook& out);
void read_public_key(const JsonReader& r, Policy& out);

// Return rules (policy_sections_rules.cpp, policy_sections_reasons.cpp).
void read_windows(const JsonReader& r, Windows& out);
void read_non_returnable(const JsonReader& r, NonReturnable& out);
void read_review(const JsonReader& r, ReviewRules& out);
void read_resolutions(const JsonReader& r, ResolutionOffers& out);
// `offers` null: the resolutions section was invalid, skip checking against it.
void read_reasons(const JsonReader& r, const ResolutionOffers* offers, std::vector<Reason>& out);
void read_fees(const JsonReader& r, Fees& out);
// fees.restocking.by_reason keys must be reason handles.
void check_restocking_reasons(const JsonReader& fees, const Fees& out, const std::vector<Reason>& reasons);

// Shared value checks (policy_values.cpp).
bool is_http_url(std::string_view s);      // http(s)://host… without spaces
bool is_email(std::string_view s);
bool is_handle(std::string_view s);        // a–z 0–9 _ - , 1–64 chars
std::optional<std::string> read_country(const JsonReader& r, bool required = true);
std::optional<std::string> read_url(const JsonReader& r, bool required = true);
// An array of distinct non-empty strings.
std::optional<std::vector<std::string>> read_string_set(const JsonReader& r, bool required = false);
// {"en": "...", "de": "..."}: known locales only, "en" required.
LocalizedText read_localized(const JsonReader& r);
// Minor units, >= 0.
std::optional<std::int64_t> read_amount(const JsonReader& r, bool required = true);
// The "percent" (0..100) or "basis_points" (0..10000) key of an object, as basis
// points; nullopt when neither is present or the value is bad (reported).
std::optional<std::int64_t> read_percentage(const JsonReader& r);

}  // namespace retour::policy_sections
