#pragma once
// A merchant's return policy, parsed and validated from JSON (policy_parse.cpp).
// The format is published as web/schema/policy.schema.json, with an annotated
// example in web/policy.example.json. All money amounts are integer minor units of
// `currency`. Unknown keys are errors; "$comment" is allowed anywhere and "$schema"
// at the top, as annotations (they do not change the policy's hash).
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/json_error.h"
#include "core/money.h"
#include "core/postal_address.h"
#include "core/time_zone.h"

namespace retour {

// Keyed by the tags of i18n::available_locales() (the one list of shopper-facing
// languages); "en" is required wherever a text is localized.
struct LocalizedText {
    std::map<std::string, std::string, std::less<>> by_locale;
    // The text in `locale`, falling back to English.
    const std::string& get(std::string_view locale) const;
};

enum class Resolution : std::uint8_t { refund, store_credit, gift_card, exchange, keep_item };
inline constexpr std::array<Resolution, 5> kResolutions = {
    Resolution::refund, Resolution::store_credit, Resolution::gift_card, Resolution::exchange,
    Resolution::keep_item};
const char* to_string(Resolution r);
std::optional<Resolution> parse_resolution(std::string_view text);

struct SubReason {
    std::string handle;
    LocalizedText label;
};

struct Reason {
    std::string handle;  // stable: stored in requests, never shown
    LocalizedText label;
    std::vector<SubReason> sub_reasons;
    bool requires_comment = false;
    bool requires_photo = false;
    bool merchant_fault = false;  // defective, damaged, wrong item: fees are waived
    bool review = false;          // a person looks at every return with this reason
    std::vector<Resolution> resolutions;  // empty = every resolution the policy offers

    bool allows(Resolution r) const;
    const SubReason* find_sub_reason(std::string_view handle) const;
};

struct HolidayRule {
    Date placed_from, placed_until;  // order date, inclusive, merchant's calendar
    Date return_until;               // window ends no earlier than this
};

// Precedence of overrides, most specific first: SKU > tag > category > default_days.
// Two tags of one line with overrides: the longer window wins (the shopper's benefit);
// equal days → the tag first in byte order is reported as the deciding rule.
// What a window counts from ("counts_from"). delivery: the delivery date, else the
// fulfilment date + buffer, else the order date + buffer (the dates a shop may lack);
// fulfilment: the fulfilment date, else the order date + buffer; order: the order date.
enum class WindowAnchor : std::uint8_t { delivery, fulfilment, order };

struct Windows {
    std::int32_t default_days = 0;
    std::int32_t buffer_days = 0;  // added to a fallback anchor (see WindowAnchor)
    WindowAnchor counts_from = WindowAnchor::delivery;
    // No delivery date yet, or one still in the future → not returnable
    // (not_delivered_yet / delivery_in_future). Only with counts_from delivery.
    bool require_delivery = false;
    bool roll_to_business_day = false;
    std::array<bool, 7> business_days = {false, true, true, true, true, true, false};  // Sun..Sat
    std::vector<Date> closed_dates;  // sorted; skipped by the business-day roll
    std::map<std::string, std::int32_t, std::less<>> by_category, by_tag, by_sku;
    std::vector<HolidayRule> holidays;

    bool is_business_day(Date d) const;
};

struct NonReturnable {
    std::vector<std::string> final_sale_tags;
    std::vector<std::string> excluded_categories;
    std::vector<std::string> excluded_skus;  // single products that are never returnable
    bool gift_cards = true;  // lines marked gift_card cannot be returned
    std::optional<std::int64_t> min_unit_price, max_unit_price;
    std::vector<std::string> countries_served;  // ship-to countries; empty = all
};

struct ReviewRules {
    std::optional<std::int64_t> unit_price_above;      // unit paid > this → review
    std::optional<std::int32_t> max_customer_returns;  // earlier returns > this → review
    bool auto_approve = false;  // a request nothing flags for review is approved on arrival (return_life.h)
};

struct ResolutionOffers {
    bool refund = false;
    bool store_credit = false;
    std::int64_t store_credit_bonus_bp = 0;     // percent bonus, in basis points
    std::int64_t store_credit_bonus_fixed = 0;  // fixed bonus per request
    bool gift_card = false;
    bool exchange = false;
    bool keep_item = false;
    std::int64_t keep_item_max_value = 0;  // selected units' paid value must be <= this

    bool offers(Resolution r) const;
};

struct Restocking {
    std::int64_t fixed = 0;  // per unit
    std::int64_t bp = 0;     // of paid, rounded down
    std::optional<std::int64_t> cap;  // per line
};

struct Fees {
    Restocking restocking;
    // Replace `restocking` for a line: its reason's entry first, else its category's.
    std::map<std::string, Restocking, std::less<>> restocking_by_reason, restocking_by_category;
    std::int64_t label = 0;             // per request
    std::map<std::string, std::int64_t, std::less<>> handling_by_country;  // per request
    bool waive_for_merchant_fault = true;
    bool waive_label_for_exchange = false;
    bool exchanges_free = false;  // exchanged units cost no label and no handling fee

    // The restocking terms for a line and the policy pointer they come from.
    const Restocking& restocking_for(std::string_view reason, std::string_view category, std::string* rule = nullptr) const;
};

// When a return refunds what the shopper paid for the original shipping.
// full_return: when the request sends back every unit of the order not yet returned
// (none as an exchange). Refunded once, to the original payment.
enum class OriginalShipping : std::uint8_t { never, full_return, always };

struct Shop {
    std::string name, accent_color, logo_text, url;
};

// How shoppers reach the shop when the portal tells them to contact it (optional
// "contact" section; each field may be empty).
struct Contact {
    std::string email, phone, url;
    bool empty() const { return email.empty() && phone.empty() && url.empty(); }
};

struct Merchant {
    NamedAddress return_address;
    std::string email;  // may be empty
};

struct LabelSettings {
    std::string rma_prefix, carrier, service;
    std::string qr_payload;       // "status_url" | "compact"
    std::string qr_status_url;    // contains "{rma}"; required for "status_url"
    std::string prepaid_label_url;
};

struct Lookup {
    std::string mode;        // "signed_link" | "published" | "endpoint"
    std::string identifier;  // "email" | "postcode"
    std::string endpoint_url;
};

struct Webhook {
    std::string url;
    std::string content_type;  // "application/json" | "text/plain"
    // How old (created_at) a request may be when it reaches the receiver: a shopper
    // offline for a weekend, a receiver down for a deploy. Older but within this: stored
    // as "review" (late_delivery); beyond it: refused (too_late), the shopper is told
    // to contact the shop.
    std::int32_t late_grace_days = 7;
};

// What the shop tells shoppers after a return by itself (optional "notifications").
// `email`: the merchant runs `retour hook --mail`, so the portal may promise e-mail;
// without it the portal's texts promise none.
struct Notifications {
    bool email = false;
};

struct Policy {
    std::string version;
    Currency currency;
    // The smallest amount the shop pays out or charges, in minor units of `currency`:
    // IDR amounts are in sen (ISO 4217: 2 digits) but shops refund whole rupiah, 100.
    // Refunds and bonuses round up to it, fees down (quote.h).
    std::int64_t payout_unit = 1;
    TimeZone time_zone = TimeZone::utc();
    Shop shop;
    Merchant merchant;
    Contact contact;
    LabelSettings labels;
    Lookup lookup;
    Webhook webhook;
    Notifications notifications;
    std::string public_key;  // as written in the policy (base64url or base64)
    std::array<std::uint8_t, 32> public_key_bytes{};
    bool demo = false;
    Windows windows;
    NonReturnable non_returnable;
    ReviewRules review;
    std::vector<Reason> reasons;
    ResolutionOffers resolutions;
    Fees fees;
    OriginalShipping original_shipping = OriginalShipping::never;
    // Per-currency variants ("currencies": {"USD": {...}}, like Shopify Markets): the
    // whole policy with that currency and the amount sections (fees, non_returnable,
    // review, resolutions) merge-patched by the entry. Same version and hash.
    std::vector<Policy> currencies;
    // "sha256:" + hex of the canonical JSON of the policy without annotations.
    std::string hash;

    const Reason* find_reason(std::string_view handle) const;
    // The variant for an order in `c`: an entry of `currencies`, else this policy
    // (whose currency may then differ: currency_mismatch).
    const Policy& for_currency(Currency c) const;
};

// The contact details to show shoppers: the "contact" section, else the merchant's
// e-mail and the shop's website.
Contact shopper_contact(const Policy& policy);

// Every problem is reported, each with its JSON pointer.
Parsed<Policy> parse_policy(const nlohmann::json& document);
// Also reports JSON syntax errors (pointer "", message with the byte offset).
Parsed<Policy> parse_policy_text(std::string_view text);

// The policy document without "$comment"/"$schema" annotations, as hashed.
nlohmann::json strip_annotations(const nlohmann::json& document);

}  // namespace retour
