#include "core/policy.h"

#include <algorithm>

#include "core/canonical_json.h"
#include "core/crypto.h"
#include "core/iso4217.h"
#include "core/policy_sections.h"

namespace retour {

const std::string& LocalizedText::get(std::string_view locale) const {
    auto it = by_locale.find(locale);
    if (it == by_locale.end()) it = by_locale.find("en");
    static const std::string kEmpty;
    return it == by_locale.end() ? kEmpty : it->second;
}

const char* to_string(Resolution r) {
    switch (r) {
        case Resolution::refund: return "refund";
        case Resolution::store_credit: return "store_credit";
        case Resolution::gift_card: return "gift_card";
        case Resolution::exchange: return "exchange";
        case Resolution::keep_item: return "keep_item";
    }
    return "?";
}

std::optional<Resolution> parse_resolution(std::string_view text) {
    for (auto r : kResolutions)
        if (text == to_string(r)) return r;
    return std::nullopt;
}

bool Reason::allows(Resolution r) const {
    if (resolutions.empty()) return true;
    for (auto x : resolutions)
        if (x == r) return true;
    return false;
}

const SubReason* Reason::find_sub_reason(std::string_view h) const {
    for (const auto& s : sub_reasons)
        if (s.handle == h) return &s;
    return nullptr;
}

bool Windows::is_business_day(Date d) const {
    if (!business_days[static_cast<std::size_t>(d.weekday())]) return false;
    return !std::binary_search(closed_dates.begin(), closed_dates.end(), d);
}

bool ResolutionOffers::offers(Resolution r) const {
    switch (r) {
        case Resolution::refund: return refund;
        case Resolution::store_credit: return store_credit;
        case Resolution::gift_card: return gift_card;
        case Resolution::exchange: return exchange;
        case Resolution::keep_item: return keep_item;
    }
    return false;
}

const Restocking& Fees::restocking_for(std::string_view reason, std::string_view category, std::string* rule) const {
    if (auto it = restocking_by_reason.find(reason); it != restocking_by_reason.end()) {
        if (rule) *rule = "/fees/restocking/by_reason/" + pointer_token(it->first);
        return it->second;
    }
    if (auto it = restocking_by_category.find(category); !category.empty() && it != restocking_by_category.end()) {
        if (rule) *rule = "/fees/restocking/by_category/" + pointer_token(it->first);
        return it->second;
    }
    if (rule) *rule = "/fees/restocking";
    return restocking;
}

const Policy& Policy::for_currency(Currency c) const {
    for (const auto& v : currencies)
        if (v.currency == c) return v;
    return *this;
}

const Reason* Policy::find_reason(std::string_view handle) const {
    for (const auto& r : reasons)
        if (r.handle == handle) return &r;
    return nullptr;
}

nlohmann::json strip_annotations(const nlohmann::json& document) {
    if (document.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto it = document.begin(); it != document.end(); ++it)
            if (it.key() != "$comment" && it.key() != "$schema") out[it.key()] = strip_annotations(it.value());
        return out;
    }
    if (document.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& v : document) out.push_back(strip_annotations(v));
        return out;
    }
    return document;
}

Contact shopper_contact(const Policy& policy) {
    Contact c = policy.contact;
    if (c.empty()) {
        c.email = policy.merchant.email;
        c.url = policy.shop.url;
    }
    return c;
}

namespace {

bool written_in(const nlohmann::json& entry, const std::string& pointer) {
    if (pointer.empty()) return false;
    try {
        return entry.contains(nlohmann::json::json_pointer(pointer));
    } catch (const nlohmann::json::exception&) {  // an index token into an object, …
        return false;
    }
}

// "currencies": {"USD": {"fees": {...}, ...}}: each entry is merge-patched over the
// policy's amount sections (RFC 7386) and the result parsed as a whole policy in that
// currency. Its errors are reported where the entry wrote the value (else at the entry).
void read_currencies(const JsonReader& r, const nlohmann::json& document, Policy& p) {
    if (!r.map(false)) return;
    for (auto it = r.raw()->begin(); it != r.raw()->end(); ++it) {
        if (it.key() == "$comment") continue;
        const JsonReader entry = r[it.key()];
        const auto code = Currency::from_code(it.key());
        if (!code) {
            entry.fail("unknown key: " + unknown_currency_message(it.key()));
            continue;
        }
        if (*code == p.currency) {
            entry.fail("is the policy's own currency: set these amounts in the sections themselves");
            continue;
        }
        if (!entry.object({"payout_unit", "fees", "non_returnable", "review", "resolutions"})) continue;
        nlohmann::json variant = document;
        variant.erase("currencies");
        variant["currency"] = it.key();
        // A choice of kind (fixed or percentage) is the entry's own: an entry that gives
        // one replaces the base's object instead of merging into it.
        for (const char* whole : {"/fees/restocking", "/resolutions/store_credit/bonus"}) {
            const nlohmann::json::json_pointer at(whole);
            if (it->contains(at) && variant.contains(at)) variant.at(at.parent_pointer()).erase(at.back());
        }
        for (auto section = it->begin(); section != it->end(); ++section) {
            if (section.key() == "$comment") continue;
            if (variant.contains(section.key())) variant[section.key()].merge_patch(section.value());
            else variant[section.key()] = section.value();
        }
        // Called only when the base policy is valid: every error is the entry's doing.
        Parsed<Policy> parsed = parse_policy(variant);
        for (auto& e : parsed.errors) {
            if (written_in(*it, e.pointer)) entry.fail_at(e.pointer, e.message);
            else entry.fail("in " + it.key() + ", " + e.text());
        }
        if (parsed.ok()) p.currencies.push_back(std::move(*parsed.value));
    }
}

const char* kOriginalShipping[] = {"never", "full_return", "always"};

}  // namespace

Parsed<Policy> parse_policy(const nlohmann::json& document) {
    Parsed<Policy> out;
    Policy p;
    JsonReader root(&document, &out.errors, "");
    if (!root.object({"$schema", "version", "currency", "payout_unit", "time_zone", "shop", "merchant", "contact", "labels", "lookup",
                      "webhook", "notifications", "public_key", "demo", "windows", "non_returnable", "review", "reasons",
                      "resolutions", "fees", "original_shipping", "currencies"})) {
        return out;
    }
    if (auto v = root["version"].string(true, 64)) p.version = *v;
    if (auto c = root["currency"].string()) {
        if (auto cur = Currency::from_code(*c)) p.currency = *cur;
        else root["currency"].fail(unknown_currency_message(*c));
    }
    if (auto u = root["payout_unit"].integer(1, 1'000'000, false)) p.payout_unit = *u;
    if (auto z = root["time_zone"].string()) {
        std::string why;
        if (auto tz = TimeZone::parse(*z, &why)) p.time_zone = *tz;
        else root["time_zone"].fail(why);
    }
    if (auto d = root["demo"].boolean(false)) p.demo = *d;
    policy_sections::read_shop(root["shop"], p.shop);
    policy_sections::read_merchant(root["merchant"], p.merchant);
    policy_sections::read_contact(root["contact"], p.contact);
    policy_sections::read_labels(root["labels"], p.labels);
    policy_sections::read_lookup(root["lookup"], p.lookup);
    policy_sections::read_webhook(root["webhook"], p.webhook);
    if (root["notifications"].object({"email"}, false))
        if (auto e = root["notifications"]["email"].boolean(false)) p.notifications.email = *e;
    policy_sections::read_public_key(root["public_key"], p);
    policy_sections::read_windows(root["windows"], p.windows);
    policy_sections::read_non_returnable(root["non_returnable"], p.non_returnable);
    policy_sections::read_review(root["review"], p.review);
    const std::size_t errors_before = out.errors.size();
    policy_sections::read_resolutions(root["resolutions"], p.resolutions);
    // Only check reasons against the offers when those were read cleanly, so one
    // mistake in /resolutions does not echo through every reason.
    const bool offers_known = out.errors.size() == errors_before;
    policy_sections::read_reasons(root["reasons"], offers_known ? &p.resolutions : nullptr, p.reasons);
    policy_sections::read_fees(root["fees"], p.fees);
    policy_sections::check_restocking_reasons(root["fees"], p.fees, p.reasons);
    if (auto o = root["original_shipping"].one_of({"never", "full_return", "always"}, false))
        for (std::uint8_t i = 0; i < 3; ++i)
            if (*o == kOriginalShipping[i]) p.original_shipping = static_cast<OriginalShipping>(i);
    if (out.errors.empty()) read_currencies(root["currencies"], document, p);
    if (!out.errors.empty()) return out;

    const std::string canonical = canonical_dump(strip_annotations(document));
    const auto digest = crypto::sha256(canonical);
    p.hash = "sha256:" + crypto::to_hex(digest.data(), digest.size());
    for (auto& v : p.currencies) v.hash = p.hash;
    out.value = std::move(p);
    return out;
}

Parsed<Policy> parse_policy_text(std::string_view text) {
    Parsed<Policy> out;
    auto doc = parse_json_document(text, out.errors);
    return doc ? parse_policy(*doc) : out;
}

}  // namespace retour
