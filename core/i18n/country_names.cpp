#include "core/i18n/country_names.h"

#include "core/i18n/catalog.h"

namespace retour::i18n {

std::string country_name(std::string_view code, Locale locale) {
    if (code.size() != 2) return std::string(code);
    std::string key = "country.";
    for (char c : code) key += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (const char* name = find_text(locale, key)) return name;
    if (const char* name = find_text(Locale::en, key)) return name;
    return std::string(code);
}

}  // namespace retour::i18n
