#pragma once
// The shopper-facing languages and how a browser's language tag picks one.
//
// Matching rules (parse_locale / match_locale), applied to a BCP 47 tag such as
// navigator.language:
//   1. Only the language subtag counts, case-insensitively: "de-DE", "de-AT", "de_CH",
//      "DE" all give de. Region, script and variant subtags are ignored.
//   2. "in" is the deprecated IANA code for Indonesian (old Android and Java report
//      "in-ID"), so it is read as id.
//   3. Anything else (including "nb", "sv", "" and garbage) has no match: parse_locale
//      falls back to en. A shopper with a list of languages (navigator.languages) is
//      served by best_locale, which takes the first entry that matches before falling back.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retour::i18n {

enum class Locale : std::uint8_t { en, de, nl, da, id };

struct LocaleInfo {
    Locale locale;
    const char* tag;          // "de": the key of policy LocalizedText and ReturnRequest.locale
    const char* native_name;  // "Deutsch": what the language switcher shows
};

// The one list of shopper-facing languages, in switcher order (English first): the
// policy's localized texts, the catalogs, the CLI and the portal all take it from here.
const std::array<LocaleInfo, 5>& available_locales();

// The tags in switcher order, for messages: "en, de, nl, da or id".
std::string locale_tags_listed();

const char* locale_tag(Locale locale);
const char* native_name(Locale locale);

// The locale for a language tag by the rules above; nullopt when none matches.
std::optional<Locale> match_locale(std::string_view tag);
// Same, falling back to en.
Locale parse_locale(std::string_view tag);
// The first of `preferences` (most preferred first) that matches; en when none does.
Locale best_locale(const std::vector<std::string_view>& preferences);

}  // namespace retour::i18n
