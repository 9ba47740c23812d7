#include "core/i18n/describe.h"

#include <charconv>
#include <string_view>

#include "core/date.h"
#include "core/i18n/catalog.h"
#include "core/i18n/country_names.h"
#include "core/i18n/date_format.h"
#include "core/i18n/money_format.h"

namespace retour::i18n {
namespace {

// A code has a sentence when the catalogs hold "<prefix><code>"; the catalog test
// checks that every code eligibility.h and quote.h define does.
// "eligible", "eligible_open", "unknown", "unknown_review" and "review" name the
// catalog's own sentences, not codes.
bool has_sentence(const char* prefix, std::string_view code) {
    if (code.empty() || code == "eligible" || code == "eligible_open" || code == "unknown" ||
        code == "unknown_review" || code == "review")
        return false;
    return find_text(Locale::en, std::string(prefix) + std::string(code)) != nullptr;
}

// Minor units as written by eligibility.cpp; the raw text if it is not a number or
// the currency is unusable, so a sentence never loses its amount.
std::string money_param(std::string_view minor, Currency currency, Locale locale) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(minor.data(), minor.data() + minor.size(), value);
    if (ec != std::errc() || end != minor.data() + minor.size() || !Currency::from_code(currency.view()))
        return std::string(minor);
    return format_money(Money{value, currency}, locale);
}

std::string date_param(std::string_view iso, Locale locale) {
    if (auto date = parse_date(iso)) return format_date(*date, locale);
    return std::string(iso);
}

}  // namespace

std::string describe(const Finding& finding, Locale locale, Currency currency) {
    const std::string_view code = finding.code ? finding.code : "";
    if (!has_sentence("decision.", code))
        return format(locale, finding.is_review() ? "decision.unknown_review" : "decision.unknown",
                      {{"code", std::string(code)}});
    const std::string key = "decision." + std::string(code);
    std::vector<Arg> args;
    if (code == "window_closed") args.push_back({"date", date_param(finding.param("closed_on"), locale)});
    if (code == "delivery_in_future") args.push_back({"date", date_param(finding.param("delivered_on"), locale)});
    if (code == "placed_in_future") args.push_back({"date", date_param(finding.param("placed_on"), locale)});
    if (code == "country_not_served") args.push_back({"country", country_name(finding.param("country"), locale)});
    if (code == "price_below_minimum")
        args.push_back({"amount", money_param(finding.param("minimum"), currency, locale)});
    if (code == "price_above_maximum")
        args.push_back({"amount", money_param(finding.param("maximum"), currency, locale)});
    if (code == "review_high_value")
        args.push_back({"amount", money_param(finding.param("threshold"), currency, locale)});
    return format(locale, key.c_str(), args);
}

std::string describe(const Decision& decision, Locale locale, Currency currency) {
    if (!decision.findings.empty()) return describe(decision.findings.front(), locale, currency);
    if (decision.window_ends)
        return format(locale, "decision.eligible", {{"date", format_date(*decision.window_ends, locale)}});
    return text(locale, "decision.eligible_open");
}

std::vector<std::string> describe_findings(const Decision& decision, Locale locale, Currency currency) {
    std::vector<std::string> out;
    out.reserve(decision.findings.size());
    for (const auto& f : decision.findings) out.push_back(describe(f, locale, currency));
    return out;
}

std::string describe_review(std::string_view code, Locale locale) {
    if (code == "review_reason") return text(locale, "decision.review_reason");
    if (code == "review_customer_history") return text(locale, "decision.review_customer_history");
    return text(locale, "decision.review");
}

std::string describe(const QuoteError& error, Locale locale) {
    const std::string_view code = error.code ? error.code : "";
    if (!has_sentence("quote_error.", code)) return format(locale, "quote_error.unknown", {{"code", std::string(code)}});
    const std::string key = "quote_error." + std::string(code);
    return text(locale, key.c_str());
}

std::string describe(const TokenError& error, Locale locale) {
    if (error.ok()) return "";
    if (error.code == "token_truncated") return text(locale, "find.link_truncated");
    if (error.code == "token_bad_signature") return text(locale, "find.link_forged");
    if (error.code == "token_expired") return text(locale, "find.link_expired");
    // token_malformed, token_invalid_order and codes added later: the link is unusable.
    return text(locale, "find.link_invalid");
}

const char* status_text(Status status, Locale locale) {
    switch (status) {
        case Status::eligible: return text(locale, "status.eligible");
        case Status::ineligible: return text(locale, "status.ineligible");
        case Status::review: return text(locale, "status.review");
    }
    return text(locale, "status.ineligible");
}

const char* resolution_text(Resolution resolution, Locale locale) {
    switch (resolution) {
        case Resolution::refund: return text(locale, "resolution.refund");
        case Resolution::store_credit: return text(locale, "resolution.store_credit");
        case Resolution::gift_card: return text(locale, "resolution.gift_card");
        case Resolution::exchange: return text(locale, "resolution.exchange");
        case Resolution::keep_item: return text(locale, "resolution.keep_item");
    }
    return "";
}

}  // namespace retour::i18n
