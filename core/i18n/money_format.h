#pragma once
// Amounts as a shopper in each locale expects to read them (CLDR conventions):
//   en  €1,234.56    DKK 1,234.56   $1,234.56     IDR 150,000    -€1,234.56
//   de  1.234,56 €   1.234,56 DKK   1.234,56 $    150.000 IDR    -1.234,56 €
//   nl  € 1.234,56   DKK 1.234,56   US$ 1.234,56  IDR 150.000    € -1.234,56
//   da  1.234,56 €   1.234,56 kr.   1.234,56 US$  150.000 IDR    -1.234,56 kr.
//   id  €1.234,56    DKK 1.234,56   US$1.234,56   Rp 150.000     -Rp 150.000
// Currencies without a symbol here show their ISO code (SEK, NOK, …).
//
// Decisions worth knowing:
//  - Decimals follow the currency's ISO exponent (money.h), except that rupiah is
//    shown without decimals, as Indonesian shops do. IDR keeps ISO's 2 minor units in
//    Money, so Rp 150.000 is 15000000 minor units; a rupiah amount that is not whole
//    (a share rounded to sen) keeps its decimals ("Rp 33.333,33") rather than hiding
//    money: whole amounts only drop the ",00".
//  - The minus is ASCII '-' where CLDR puts it for the locale (nl after the symbol).
//    U+2212 is outside the app's font ranges and WinAnsi, so labels could not print it.
//  - Separators are ASCII spaces, not U+00A0, so strings compare and type the same in
//    the browser tests, the labels and the receiver.
// Throws MoneyError for a code not in ISO 4217 (iso4217.h): a bug, as Money only gets its
// currency through Currency::from_code.
#include <string>

#include "core/i18n/locale.h"
#include "core/money.h"

namespace retour::i18n {

std::string format_money(const Money& amount, Locale locale);

}  // namespace retour::i18n
