#include "core/i18n/date_format.h"

#include "core/i18n/catalog.h"

namespace retour::i18n {

const char* month_name(int month, Locale locale) {
    static const char* const kKeys[] = {"month.01", "month.02", "month.03", "month.04", "month.05", "month.06",
                                        "month.07", "month.08", "month.09", "month.10", "month.11", "month.12"};
    if (month < 1 || month > 12) return "?";
    return text(locale, kKeys[month - 1]);
}

std::string format_date(Date date, Locale locale) {
    return format(locale, "date.format",
                  {{"day", std::to_string(date.day())},
                   {"month", month_name(date.month(), locale)},
                   {"year", std::to_string(date.year())}});
}

}  // namespace retour::i18n
