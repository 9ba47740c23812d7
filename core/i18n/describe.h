#pragma once
// The shopper's sentence for a machine decision, in their language. The core's own
// messages (Decision::message, QuoteError::message, TokenError::message) stay English
// for logs and merchants; these are what the portal, labels and receiver show people.
//
// Finding parameters are rendered for the locale: money in minor units of `currency`
// via format_money, dates via format_date, countries via country_name. A code this
// file does not know yet still gets a sentence with the code in it, never "".
#include <string>
#include <string_view>
#include <vector>

#include "core/eligibility.h"
#include "core/i18n/locale.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/quote.h"
#include "core/token.h"

namespace retour::i18n {

// One finding: "The return window closed on 3 Nov 2026."
std::string describe(const Finding& finding, Locale locale, Currency currency);
// The deciding sentence for a line: its first finding, or for an eligible line
// "You can return this until {date}." (without the date when there is no window).
// `currency` is the order's: price thresholds are in its minor units.
std::string describe(const Decision& decision, Locale locale, Currency currency);
// Every finding's sentence, in the decision's order (empty when eligible).
std::vector<std::string> describe_findings(const Decision& decision, Locale locale, Currency currency);

// A quote line's review code (QuoteLine::review_codes: review_reason, review_high_value,
// …) without the parameters a Finding carries: the reason's own sentence for
// review_reason, else a general "our team will take a quick look" sentence.
std::string describe_review(std::string_view code, Locale locale);

// What a shopper should do about a quote error ("Please choose a reason from the list.").
std::string describe(const QuoteError& error, Locale locale);
// Why a signed order link did not open; "" when `error` is ok. A forged link and one
// signed by another shop fail the same signature check, so they share one sentence.
std::string describe(const TokenError& error, Locale locale);

// Short labels: "Can be returned", "Refund to your original payment method".
const char* status_text(Status status, Locale locale);
const char* resolution_text(Resolution resolution, Locale locale);

}  // namespace retour::i18n
