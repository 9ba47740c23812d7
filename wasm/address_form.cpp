#include "wasm/address_form.h"

#include <algorithm>

#include "core/i18n/country_names.h"
#include "core/trim.h"
#include "wasm/text.h"
#include "wasm/widgets.h"

namespace retour::app {

namespace {

// The shopper's words for a problem, in the current language.
std::string message(const FieldProblem& p, const ShopperForm& f) {
    if (p.code == "too_long") return trf("error.too_long", {{"max", std::to_string(p.max)}});
    if (p.code == "postcode_invalid")
        return trf("error.postcode_invalid", {{"country", i18n::country_name(f.country, locale())},
                                              {"example", std::string(postcode_example(f.country))}});
    return tr(("error." + p.code).c_str());
}

// Sort key: accented Latin letters with their base letter ("Österreich" beside "Niederlande"
// and "Polen", not after "Z"); Æ, Ø and Å stay last, as Danish sorts them.
std::string sort_key(const std::string& s) {
    static const char* const kFold[] = {"A", "A", "A", "A", "A", nullptr, nullptr, "C", "E", "E", "E", "E", "I", "I", "I", "I",
                                        "D", "N", "O", "O", "O", "O", "O", nullptr, nullptr, "U", "U", "U", "U", "Y"};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c == 0xC3) && i + 1 < s.size()) {
            const unsigned char d = static_cast<unsigned char>(static_cast<unsigned char>(s[i + 1]) & ~0x20u);  // upper case: 0x80..0x9E
            const unsigned idx = d - 0x80u;
            if (idx < sizeof kFold / sizeof *kFold && kFold[idx]) {
                out += kFold[idx];
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    return out;
}

}  // namespace

std::vector<std::string> address_countries(const Policy& policy) {
    const auto& served = policy.non_returnable.countries_served;
    return served.empty() ? i18n::named_countries() : served;
}

Shopper shopper_of(const ShopperForm& f, bool with_address) {
    Shopper s;
    s.name = std::string(trim(f.name));
    s.email = std::string(trim(f.email));
    if (with_address) {
        PostalAddress a;
        a.line1 = std::string(trim(f.line1));
        a.line2 = std::string(trim(f.line2));
        a.city = std::string(trim(f.city));
        a.postcode = std::string(trim(f.postcode));
        a.region = std::string(trim(f.region));
        a.country = f.country;
        s.address = a;
    }
    return s;
}

std::vector<FieldProblem> address_problems(const AppState& s, bool with_address) {
    if (!s.policy) return {};
    return check_shopper(shopper_of(s.shopper, with_address), address_countries(*s.policy));
}

std::vector<std::pair<std::string, std::string>> country_choices(const AppState& s) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!s.policy) return out;
    for (const std::string& code : address_countries(*s.policy)) out.emplace_back(code, i18n::country_name(code, s.locale));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return sort_key(a.second) < sort_key(b.second); });
    return out;
}

nlohmann::json address_state(const AppState& s) {
    nlohmann::json problems = nlohmann::json::object();
    for (const FieldProblem& p : address_problems(s, s.resolution != Resolution::keep_item)) problems[p.field] = p.code;
    nlohmann::json countries = nlohmann::json::array();
    for (const auto& [code, name] : country_choices(s)) countries.push_back({code, name});
    return {{"countries", countries}, {"problems", problems}};
}

void address_card(const AppState& s, bool with_address, Dispatch& dispatch) {
    // ImGui edits a copy; any change is one action with the whole form.
    ShopperForm f = s.shopper;
    bool changed = false;
    const std::vector<FieldProblem> problems = address_problems(s, with_address);
    // Problems show once the shopper tried to confirm, each under its own field.
    std::string text;
    const auto at = [&](const char* field) -> const char* {
        if (!s.summary_tried) return nullptr;
        for (const FieldProblem& p : problems)
            if (p.field == field) return (text = message(p, f)).c_str();
        return nullptr;
    };
    ui::begin_card();
    ui::subtitle(tr("address.title"));
    if (with_address) ui::muted(tr("address.hint"));
    changed |= ui::text_field(tr("address.name"), &f.name, "name", nullptr, at("name"));
    if (with_address) {
        changed |= ui::text_field(tr("address.street"), &f.line1, "line1", nullptr, at("line1"));
        const std::string line2 = std::string(tr("address.line2")) + " (" + tr("common.optional") + ")";
        changed |= ui::text_field(line2.c_str(), &f.line2, "line2", nullptr, at("line2"));
        changed |= ui::text_field(tr("address.postcode"), &f.postcode, "postcode", nullptr, at("postcode"));
        changed |= ui::text_field(tr("address.city"), &f.city, "city", nullptr, at("city"));
        std::vector<ui::SelectOption> countries;
        for (auto& [code, name] : country_choices(s)) countries.push_back({code, name});
        changed |= ui::select_field(tr("address.country"), &f.country, countries, "country",
                                    tr("address.country_choose"), at("country"));
    }
    changed |= ui::text_field(tr("app.email"), &f.email, "shopper_email", nullptr, at("email"));
    ui::end_card();
    if (changed) dispatch(EditShopper{f});
}

}  // namespace retour::app
