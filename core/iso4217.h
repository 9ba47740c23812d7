#pragma once
// Every ISO 4217 currency code with its minor-unit digits: the one table Money and the
// parsers ask (money.h's Currency). EUR 2, JPY 0, KWD 3, CLF 4, IDR 2.
#include <string>
#include <string_view>
#include <vector>

namespace retour {

struct Iso4217Currency {
    const char* code;  // three upper-case letters
    int minor_units;   // digits after the decimal point
};

// nullptr unless `code` is exactly a code in the table (case matters: "eur" is not).
const Iso4217Currency* find_iso4217(std::string_view code);
// Every code, sorted.
std::vector<std::string_view> iso4217_codes();
// The parse error for a code not in the table, with the nearest code when one is close
// ("EURO", "eur" → "EUR").
std::string unknown_currency_message(std::string_view text);

}  // namespace retour
