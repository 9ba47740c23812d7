#pragma once
// Country names in the shopper's language, for the countries our merchants ship to:
// AT BE DE DK FI FR GB ID NL NO SE US (catalog keys "country.<code>").
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/locale.h"

namespace retour::i18n {

// `code` is ISO 3166-1 alpha-2, any case ("de" = "DE"). A code without a name in the
// catalogs is returned as written, so an address never loses its country.
std::string country_name(std::string_view code, Locale locale);

// The codes that have a name in the catalogs ("AT", "BE", ...), upper case.
const std::vector<std::string>& named_countries();
bool has_country_name(std::string_view code);  // exact, upper-case code

}  // namespace retour::i18n
