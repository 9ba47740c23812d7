#pragma once
// Dates as a shopper reads them, with month names from the catalogs:
//   en "3 Nov 2026", de "3. Nov. 2026", nl "3 nov 2026", da "3. nov. 2026", id "3 Nov 2026".
// The pattern is the catalog's "date.format"; months are "month.01" … "month.12"
// (German and Danish abbreviations carry their own dot, and "März", "Mai", "maj" none).
#include <string>

#include "core/date.h"
#include "core/i18n/locale.h"

namespace retour::i18n {

std::string format_date(Date date, Locale locale);
// The abbreviated month name, 1 = January.
const char* month_name(int month, Locale locale);

}  // namespace retour::i18n
