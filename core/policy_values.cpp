#include "core/policy_sections.h"

#include "core/i18n/locale.h"

namespace retour::policy_sections {

bool is_http_url(std::string_view s) {
    std::string_view rest;
    if (s.rfind("https://", 0) == 0) rest = s.substr(8);
    else if (s.rfind("http://", 0) == 0) rest = s.substr(7);
    else return false;
    if (rest.empty() || rest[0] == '/' || rest[0] == ':') return false;
    for (char c : rest)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    return true;
}

bool is_email(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
    const auto domain = s.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) <= 0x20) return false;
    return true;
}

bool is_handle(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

std::optional<std::string> read_country(const JsonReader& r, bool required) {
    auto s = r.string(required, 100);
    if (!s) return std::nullopt;
    if (!valid_country_code(*s)) {
        r.fail(kCountryCodeExpected);
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> read_url(const JsonReader& r, bool required) {
    auto s = r.string(required, 2000);
    if (s && !is_http_url(*s)) {
        r.fail("expected an http:// or https:// URL");
        return std::nullopt;
    }
    return s;
}

std::optional<std::vector<std::string>> read_string_set(const JsonReader& r, bool required) {
    if (!r.array(required)) return std::nullopt;
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < r.size(); ++i) {
        auto s = r.at(i).string(true, 200);
        if (!s) { ok = false; continue; }
        for (const auto& seen : out)
            if (seen == *s) { r.at(i).fail("duplicate value \"" + *s + "\""); ok = false; }
        out.push_back(*s);
    }
    if (!ok) return std::nullopt;
    return out;
}

LocalizedText read_localized(const JsonReader& r) {
    LocalizedText out;
    if (!r.map()) return out;
    for (auto it = r.raw()->begin(); it != r.raw()->end(); ++it) {
        if (it.key() == "$comment") continue;
        bool known = false;
        for (const auto& info : i18n::available_locales()) known = known || it.key() == info.tag;
        const JsonReader child = r[it.key()];
        if (!known) {
            child.fail("unknown locale (expected " + i18n::locale_tags_listed() + ")");
            continue;
        }
        if (auto s = child.string(true, 500)) out.by_locale[it.key()] = *s;
    }
    if (!r.raw()->contains("en")) r["en"].fail("is required (English is the fallback)");
    return out;
}

std::optional<std::int64_t> read_amount(const JsonReader& r, bool required) {
    // 10^15 minor units is far above any real price and keeps sums far from overflow.
    return r.integer(0, 1'000'000'000'000'000, required);
}

std::optional<std::int64_t> read_percentage(const JsonReader& r) {
    const bool has_percent = r["percent"].present(), has_bp = r["basis_points"].present();
    if (has_percent && has_bp) {
        r.fail("give either \"percent\" or \"basis_points\", not both");
        return std::nullopt;
    }
    if (has_percent) {
        auto p = r["percent"].integer(0, 100);
        return p ? std::optional<std::int64_t>(*p * 100) : std::nullopt;
    }
    if (has_bp) return r["basis_points"].integer(0, 10000);
    return std::nullopt;
}

}  // namespace retour::policy_sections
