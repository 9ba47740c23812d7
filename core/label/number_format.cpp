#include "core/label/number_format.h"

#include <cmath>

#include "core/label/code128.h"

namespace retour::label {

std::string format_number(double value, int decimals) {
    long long scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    long long n = std::llround(value * static_cast<double>(scale));
    std::string sign = n < 0 ? "-" : "";
    if (n < 0) n = -n;
    std::string out = sign + std::to_string(n / scale);
    long long frac = n % scale;
    if (frac == 0) return out == "-0" ? "0" : out;
    std::string digits = std::to_string(frac);
    digits.insert(0, static_cast<std::size_t>(decimals) - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    return out + "." + digits;
}

int mm_to_dots(double mm) { return static_cast<int>(std::lround(mm / kDotMm)); }

}  // namespace retour::label
