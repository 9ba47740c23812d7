#include "core/i18n/money_format.h"

#include <cstdint>
#include <string_view>

namespace retour::i18n {
namespace {

enum class Place : std::uint8_t { prefix, prefix_spaced, suffix_spaced };

struct Style {
    std::string_view symbol;
    Place place;
    bool minus_after_symbol;  // nl: "€ -1.234,56"
};

std::string_view symbol_for(std::string_view code, Locale locale) {
    if (code == "EUR") return "€";
    if (code == "GBP") return "£";
    if (code == "USD") return locale == Locale::en || locale == Locale::de ? "$" : "US$";
    if (code == "DKK" && locale == Locale::da) return "kr.";
    if (code == "IDR" && locale == Locale::id) return "Rp";
    return code;
}

Style style_for(std::string_view code, Locale locale) {
    const std::string_view symbol = symbol_for(code, locale);
    const bool is_code = symbol == code;
    switch (locale) {
        case Locale::en: return {symbol, is_code ? Place::prefix_spaced : Place::prefix, false};
        case Locale::nl: return {symbol, Place::prefix_spaced, true};
        case Locale::de:
        case Locale::da: return {symbol, Place::suffix_spaced, false};
        case Locale::id:
            return {symbol, is_code || code == "IDR" ? Place::prefix_spaced : Place::prefix, false};
    }
    return {symbol, Place::prefix_spaced, false};
}

std::string grouped(std::uint64_t whole, char separator) {
    std::string digits = std::to_string(whole);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string format_money(const Money& amount, Locale locale) {
    const std::string_view code = amount.currency.view();
    const int exponent = amount.currency.exponent();
    const bool negative = amount.minor < 0;
    // As unsigned, so INT64_MIN formats too.
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(amount.minor) : static_cast<std::uint64_t>(amount.minor);
    std::uint64_t scale = 1;
    for (int i = 0; i < exponent; ++i) scale *= 10;

    const char group = locale == Locale::en ? ',' : '.';
    const char decimal = locale == Locale::en ? '.' : ',';
    std::string number = grouped(magnitude / scale, group);
    const std::uint64_t fraction = magnitude % scale;
    const bool drop_fraction = code == "IDR" && fraction == 0;
    if (exponent > 0 && !drop_fraction) {
        const std::string digits = std::to_string(fraction);
        number += decimal;
        number.append(static_cast<std::size_t>(exponent) - digits.size(), '0');
        number += digits;
    }

    const Style style = style_for(code, locale);
    const char* minus = negative ? "-" : "";
    std::string out;
    switch (style.place) {
        case Place::prefix:
            out.append(minus).append(style.symbol).append(number);
            break;
        case Place::prefix_spaced:
            if (style.minus_after_symbol)
                out.append(style.symbol).append(" ").append(minus).append(number);
            else
                out.append(minus).append(style.symbol).append(" ").append(number);
            break;
        case Place::suffix_spaced:
            out.append(minus).append(number).append(" ").append(style.symbol);
            break;
    }
    return out;
}

}  // namespace retour::i18n
