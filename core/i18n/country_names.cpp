#include "core/i18n/country_names.h"

#include <algorithm>

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

const std::vector<std::string>& named_countries() {
    // The English catalog is the reference: every language has its keys.
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> out;
        constexpr std::string_view prefix = "country.";
        for (const Entry& e : catalog(Locale::en)) {
            const std::string_view key = e.key;
            if (key.substr(0, prefix.size()) == prefix) out.emplace_back(key.substr(prefix.size()));
        }
        return out;
    }();
    return codes;
}

bool has_country_name(std::string_view code) {
    const auto& codes = named_countries();
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace retour::i18n
