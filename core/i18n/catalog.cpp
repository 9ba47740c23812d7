#include "core/i18n/catalog.h"

#include <algorithm>

#include "core/i18n/catalogs.h"

namespace retour::i18n {
namespace {

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Length of the placeholder starting at text[i] ("{name}"), 0 when there is none.
std::size_t placeholder_at(std::string_view text, std::size_t i) {
    if (text[i] != '{') return 0;
    std::size_t j = i + 1;
    while (j < text.size() && is_name_char(text[j])) ++j;
    if (j == i + 1 || j >= text.size() || text[j] != '}') return 0;
    return j + 1 - i;
}

// CLDR cardinal rules for integers: en, de, nl, da have "one" for exactly 1;
// Indonesian has only "other".
bool is_one(Locale locale, std::int64_t count) { return locale != Locale::id && count == 1; }

}  // namespace

const Catalog& catalog(Locale locale) {
    switch (locale) {
        case Locale::en: return catalog_en();
        case Locale::de: return catalog_de();
        case Locale::nl: return catalog_nl();
        case Locale::da: return catalog_da();
        case Locale::id: return catalog_id();
    }
    return catalog_en();
}

const char* find_text(Locale locale, std::string_view key) {
    const Catalog& c = catalog(locale);
    const Entry* it = std::lower_bound(c.begin(), c.end(), key,
                                       [](const Entry& e, std::string_view k) { return std::string_view(e.key) < k; });
    return it != c.end() && key == it->key ? it->text : nullptr;
}

const char* text(Locale locale, const char* key) {
    if (const char* t = find_text(locale, key)) return t;
    if (const char* t = find_text(Locale::en, key)) return t;
    return key;
}

std::string fill(std::string_view pattern, const std::vector<Arg>& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        const std::size_t n = placeholder_at(pattern, i);
        if (n == 0) {
            out += pattern[i++];
            continue;
        }
        const std::string_view name = pattern.substr(i + 1, n - 2);
        auto arg = std::find_if(args.begin(), args.end(), [&](const Arg& a) { return a.name == name; });
        if (arg != args.end())
            out += arg->value;
        else
            out += pattern.substr(i, n);
        i += n;
        // A value that ends a sentence with its own period ("300,00 kr.", "Nr.") takes
        // the pattern's: never "kr.." (an ellipsis stays whole).
        if (arg != args.end() && !arg->value.empty() && arg->value.back() == '.' && i < pattern.size() &&
            pattern[i] == '.' && (i + 1 == pattern.size() || pattern[i + 1] != '.'))
            ++i;
    }
    return out;
}

std::string format(Locale locale, const char* key, const std::vector<Arg>& args) {
    return fill(text(locale, key), args);
}

std::string plural(Locale locale, std::string_view key, std::int64_t count, std::vector<Arg> args) {
    const std::string full = std::string(key) + (is_one(locale, count) ? ".one" : ".other");
    args.push_back(Arg{"count", std::to_string(count)});
    return fill(text(locale, full.c_str()), args);
}

std::vector<std::string_view> placeholders(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (const std::size_t n = placeholder_at(text, i)) out.push_back(text.substr(i + 1, n - 2));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace retour::i18n
