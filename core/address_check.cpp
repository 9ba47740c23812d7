#include "core/address_check.h"

#include <algorithm>

#include "core/i18n/country_names.h"
#include "core/trim.h"

namespace retour {
namespace {

// Postcode shapes: '9' a digit, 'A' a letter, ' ' an optional space, anything else itself.
struct PostcodeRule {
    const char* country;
    const char* example;
    std::vector<const char*> shapes;
};

const std::vector<PostcodeRule>& postcode_rules() {
    static const std::vector<PostcodeRule> rules = {
        {"AT", "1010", {"9999"}},
        {"BE", "1000", {"9999"}},
        {"DE", "10115", {"99999"}},
        {"DK", "2100", {"9999"}},
        {"FI", "00100", {"99999"}},
        {"FR", "75001", {"99999"}},
        {"GB", "SW1A 1AA", {"A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA"}},
        {"ID", "10110", {"99999"}},
        {"NL", "1012 AB", {"9999 AA"}},
        {"NO", "0150", {"9999"}},
        {"SE", "114 55", {"999 99"}},
        {"US", "10001", {"99999", "99999-9999"}},
    };
    return rules;
}

const PostcodeRule* rule_for(std::string_view country) {
    for (const PostcodeRule& r : postcode_rules())
        if (country == r.country) return &r;
    return nullptr;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool matches(std::string_view shape, std::string_view text) {
    if (shape.empty()) return text.empty();
    const char p = shape.front();
    if (p == ' ') {
        if (!text.empty() && text.front() == ' ' && matches(shape.substr(1), text.substr(1))) return true;
        return matches(shape.substr(1), text);
    }
    if (text.empty()) return false;
    const char c = text.front();
    const bool ok = p == '9' ? is_digit(c) : p == 'A' ? is_letter(c) : c == p;
    return ok && matches(shape.substr(1), text.substr(1));
}

// Characters, not bytes: a limit the shopper can count.
int characters(std::string_view s) {
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

struct Field {
    const char* name;
    const std::string* value;
    bool required;
    int max_chars;
    size_t max_bytes;  // the receiver's limit (return_request.cpp)
};

}  // namespace

bool plausible_email(std::string_view e) {
    e = trim(e);
    const size_t at = e.find('@');
    if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = e.substr(at + 1);
    const size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;  // "x.y", no "x." or ".y"
    if (domain.find("..") != std::string_view::npos) return false;
    for (char c : e)
        if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '<' || c == '>') return false;
    return true;
}

bool plausible_postcode(std::string_view country, std::string_view postcode) {
    const PostcodeRule* rule = rule_for(country);
    postcode = trim(postcode);
    if (!rule) {
        // Unknown format: letters, digits, spaces and hyphens, with at least one digit or letter.
        return std::all_of(postcode.begin(), postcode.end(),
                           [](char c) { return is_digit(c) || is_letter(c) || c == ' ' || c == '-'; });
    }
    for (const char* shape : rule->shapes)
        if (matches(shape, postcode)) return true;
    return false;
}

std::string_view postcode_example(std::string_view country) {
    const PostcodeRule* rule = rule_for(country);
    return rule ? rule->example : "";
}

std::vector<FieldProblem> check_shopper(const Shopper& s, const std::vector<std::string>& countries) {
    std::vector<FieldProblem> out;
    const auto check = [&](const Field& f) {
        const std::string_view v = trim(*f.value);
        if (v.empty()) {
            if (f.required) out.push_back({f.name, "required"});
            return false;
        }
        if (characters(v) > f.max_chars || v.size() > f.max_bytes) {
            out.push_back({f.name, "too_long", f.max_chars});
            return false;
        }
        return true;
    };
    check({"name", &s.name, true, 70, 200});
    if (check({"email", &s.email, true, 254, 254}) && !plausible_email(s.email)) out.push_back({"email", "email_invalid"});
    if (!s.address) return out;
    const PostalAddress& a = *s.address;
    check({"line1", &a.line1, true, 70, 200});
    check({"line2", &a.line2, false, 70, 200});
    const bool country_ok = [&] {
        if (a.country.empty()) {
            out.push_back({"country", "required"});
            return false;
        }
        const bool offered = countries.empty()
                                 ? i18n::has_country_name(a.country)
                                 : std::find(countries.begin(), countries.end(), a.country) != countries.end();
        if (!offered) out.push_back({"country", "country_not_offered"});
        return offered;
    }();
    if (check({"postcode", &a.postcode, true, 12, 40}) && country_ok && !plausible_postcode(a.country, a.postcode))
        out.push_back({"postcode", "postcode_invalid"});
    check({"city", &a.city, true, 50, 200});
    check({"region", &a.region, false, 50, 200});
    return out;
}

}  // namespace retour
