#include "core/i18n/locale.h"

namespace retour::i18n {
namespace {

constexpr std::array<LocaleInfo, 5> kInfo = {{
    {Locale::en, "en", "English"},
    {Locale::de, "de", "Deutsch"},
    {Locale::nl, "nl", "Nederlands"},
    {Locale::da, "da", "Dansk"},
    {Locale::id, "id", "Bahasa Indonesia"},
}};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

}  // namespace

const std::array<LocaleInfo, 5>& available_locales() { return kInfo; }

std::string locale_tags_listed() {
    std::string out;
    for (std::size_t i = 0; i < kInfo.size(); ++i) {
        if (i) out += i + 1 == kInfo.size() ? " or " : ", ";
        out += kInfo[i].tag;
    }
    return out;
}

const char* locale_tag(Locale locale) { return kInfo[static_cast<std::size_t>(locale)].tag; }

const char* native_name(Locale locale) { return kInfo[static_cast<std::size_t>(locale)].native_name; }

std::optional<Locale> match_locale(std::string_view tag) {
    // POSIX locales ("de_DE.UTF-8") use '_' and '.'; BCP 47 uses '-'.
    const std::string_view language = tag.substr(0, tag.find_first_of("-_."));
    if (equals_ignoring_case(language, "in")) return Locale::id;
    for (const auto& info : kInfo)
        if (equals_ignoring_case(language, info.tag)) return info.locale;
    return std::nullopt;
}

Locale parse_locale(std::string_view tag) { return match_locale(tag).value_or(Locale::en); }

Locale best_locale(const std::vector<std::string_view>& preferences) {
    for (std::string_view tag : preferences)
        if (auto locale = match_locale(tag)) return *locale;
    return Locale::en;
}

}  // namespace retour::i18n
