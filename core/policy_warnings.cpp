#include "core/policy_warnings.h"

#include "core/currency_warnings.h"
#include "core/i18n/locale.h"

namespace retour {

namespace {

// One warning per language the switcher offers that `text` lacks.
void check_languages(const LocalizedText& text, const std::string& what, const std::string& pointer, FieldErrors& out) {
    for (const auto& language : i18n::available_locales()) {
        if (text.by_locale.count(language.tag)) continue;
        out.push_back({pointer + "/" + language.tag,
                       what + " has no " + language.native_name + " (\"" + language.tag + "\") text: shoppers using " +
                           language.native_name + " see the English \"" + text.get("en") + "\""});
    }
}

}  // namespace

FieldErrors policy_warnings(const Policy& policy) {
    FieldErrors out;
    if (policy.time_zone.is_fixed_offset())
        out.push_back({"/time_zone", "\"" + policy.time_zone.name() +
                                         "\" is a fixed offset and ignores daylight saving: windows end an hour off "
                                         "for half the year where clocks change; use the shop's zone name, such as "
                                         "\"Europe/Berlin\""});
    for (std::size_t i = 0; i < policy.reasons.size(); ++i) {
        const Reason& r = policy.reasons[i];
        const std::string at = "/reasons/" + std::to_string(i);
        check_languages(r.label, "reason \"" + r.handle + "\"", at + "/labels", out);
        for (std::size_t k = 0; k < r.sub_reasons.size(); ++k)
            check_languages(r.sub_reasons[k].label, "sub-reason \"" + r.handle + "/" + r.sub_reasons[k].handle + "\"",
                            at + "/sub_reasons/" + std::to_string(k) + "/labels", out);
    }
    for (auto& w : currency_amount_warnings(policy)) out.push_back(std::move(w));
    return out;
}

}  // namespace retour
