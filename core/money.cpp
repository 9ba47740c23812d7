#include "core/money.h"

#include <cstdlib>
#include <limits>

#include "core/iso4217.h"

namespace retour {
namespace {

__extension__ typedef unsigned __int128 u128;  // GCC/Clang, also in wasm32

void require_same(const Money& a, const Money& b, const char* op) {
    if (a.currency != b.currency)
        throw MoneyError(MoneyError::Kind::currency_mismatch,
                         std::string("cannot ") + op + " " + a.currency.str() + " and " +
                             b.currency.str());
}

[[noreturn]] void overflow(const char* op) {
    throw MoneyError(MoneyError::Kind::overflow, std::string("minor units overflow in ") + op);
}

std::int64_t pow10(int e) {
    std::int64_t p = 1;
    for (int i = 0; i < e; ++i) p *= 10;
    return p;
}

}  // namespace

std::optional<Currency> Currency::from_code(std::string_view text) {
    if (text.size() != 3 || !find_iso4217(text)) return std::nullopt;
    Currency c;
    for (int i = 0; i < 3; ++i) c.code[i] = text[i];
    return c;
}

int Currency::exponent() const {
    const Iso4217Currency* info = find_iso4217(view());
    if (!info) throw MoneyError(MoneyError::Kind::invalid_argument, "unknown currency");
    return info->minor_units;
}

Money Money::plus(const Money& other) const {
    require_same(*this, other, "add");
    std::int64_t r;
    if (__builtin_add_overflow(minor, other.minor, &r)) overflow("addition");
    return Money{r, currency};
}

Money Money::minus(const Money& other) const {
    require_same(*this, other, "subtract");
    std::int64_t r;
    if (__builtin_sub_overflow(minor, other.minor, &r)) overflow("subtraction");
    return Money{r, currency};
}

Money Money::times(std::int64_t quantity) const {
    std::int64_t r;
    if (__builtin_mul_overflow(minor, quantity, &r)) overflow("multiplication");
    return Money{r, currency};
}

Money Money::percent_bp_down(std::int64_t basis_points) const {
    // minor × bp can overflow where the result would not; split minor = q×10000 + r so
    // the product is q×bp + r×bp/10000 with |r| < 10000.
    const std::int64_t q = minor / 10000, r = minor % 10000;
    std::int64_t a, b;
    if (__builtin_mul_overflow(q, basis_points, &a)) overflow("percentage");
    if (__builtin_mul_overflow(r, basis_points, &b)) overflow("percentage");
    std::int64_t out;
    if (__builtin_add_overflow(a, b / 10000, &out)) overflow("percentage");
    return Money{out, currency};
}

Money Money::min(const Money& other) const {
    require_same(*this, other, "compare");
    return minor <= other.minor ? *this : other;
}

Money Money::max(const Money& other) const {
    require_same(*this, other, "compare");
    return minor >= other.minor ? *this : other;
}

Money cumulative_share(const Money& total, std::int64_t units, std::int64_t count) {
    if (count <= 0 || units < 0 || units > count)
        throw MoneyError(MoneyError::Kind::invalid_argument, "cumulative_share: bad unit count");
    if (total.minor < 0)
        throw MoneyError(MoneyError::Kind::invalid_argument, "cumulative_share: negative total");
    // floor(total×units/count) without the overflowing product: total = q×count + r.
    const std::int64_t q = total.minor / count, r = total.minor % count;
    std::int64_t a, b;
    if (__builtin_mul_overflow(q, units, &a)) overflow("share");
    if (__builtin_mul_overflow(r, units, &b)) overflow("share");
    return Money{a + b / count, total.currency};
}

Money round_down_to(const Money& amount, std::int64_t unit) {
    if (unit <= 0) throw MoneyError(MoneyError::Kind::invalid_argument, "round_down_to: unit must be positive");
    return Money{amount.minor - amount.minor % unit, amount.currency};
}

Money round_up_to(const Money& amount, std::int64_t unit) {
    const Money down = round_down_to(amount, unit);
    if (down.minor == amount.minor) return down;
    return down.plus(Money{amount.minor < 0 ? -unit : unit, amount.currency});
}

Money cumulative_share_in_units(const Money& total, std::int64_t units, std::int64_t count, std::int64_t unit) {
    return round_up_to(cumulative_share(total, units, count), unit).min(total);
}

std::vector<Money> split_evenly(const Money& total, std::int64_t parts) {
    if (parts <= 0 || total.minor < 0)
        throw MoneyError(MoneyError::Kind::invalid_argument, "split_evenly: bad arguments");
    std::vector<Money> out;
    out.reserve(static_cast<std::size_t>(parts));
    const std::int64_t base = total.minor / parts, extra = total.minor % parts;
    for (std::int64_t i = 0; i < parts; ++i) out.push_back(Money{base + (i < extra ? 1 : 0), total.currency});
    return out;
}

std::vector<Money> split_by_basis_points(const Money& total, const std::vector<std::int64_t>& bps,
                                         Money* remainder) {
    std::int64_t sum_bp = 0;
    for (auto bp : bps) {
        if (bp < 0 || __builtin_add_overflow(sum_bp, bp, &sum_bp) || sum_bp > 10000)
            throw MoneyError(MoneyError::Kind::invalid_argument,
                             "split_by_basis_points: weights must be >= 0 and sum to <= 10000");
    }
    std::vector<Money> out;
    out.reserve(bps.size());
    Money left = total;
    for (auto bp : bps) {
        Money part = total.percent_bp_down(bp);
        out.push_back(part);
        left = left.minus(part);
    }
    if (remainder) *remainder = left;
    return out;
}

std::vector<Money> split_proportionally(const Money& total, const std::vector<std::int64_t>& weights) {
    u128 sum = 0;
    for (auto w : weights) {
        if (w < 0) throw MoneyError(MoneyError::Kind::invalid_argument, "split_proportionally: negative weight");
        sum += static_cast<u128>(w);
    }
    if (total.minor < 0 || (sum == 0 && total.minor != 0))
        throw MoneyError(MoneyError::Kind::invalid_argument, "split_proportionally: bad arguments");
    std::vector<Money> out(weights.size(), Money::zero(total.currency));
    if (total.minor == 0) return out;
    // 128-bit products: total and weights are int64, so total × weight cannot overflow.
    std::vector<u128> fraction(weights.size());
    std::int64_t left = total.minor;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const u128 exact = static_cast<u128>(total.minor) * static_cast<u128>(weights[i]);
        out[i].minor = static_cast<std::int64_t>(exact / sum);
        fraction[i] = exact % sum;
        left -= out[i].minor;
    }
    // `left` < number of shares with a fraction: hand them out, largest fraction first.
    while (left > 0) {
        std::size_t best = weights.size();
        for (std::size_t i = 0; i < weights.size(); ++i)
            if (fraction[i] > 0 && (best == weights.size() || fraction[i] > fraction[best])) best = i;
        ++out[best].minor;
        fraction[best] = 0;
        --left;
    }
    return out;
}

std::string format_decimal(const Money& m) {
    const int e = m.currency.exponent();
    // Work on the magnitude as unsigned so INT64_MIN formats too.
    const bool neg = m.minor < 0;
    const std::uint64_t mag = neg ? 0 - static_cast<std::uint64_t>(m.minor) : static_cast<std::uint64_t>(m.minor);
    const auto p = static_cast<std::uint64_t>(pow10(e));
    std::string out = neg ? "-" : "";
    out += std::to_string(mag / p);
    if (e > 0) {
        std::string frac = std::to_string(mag % p);
        out += '.';
        out.append(static_cast<std::size_t>(e) - frac.size(), '0');
        out += frac;
    }
    return out;
}

std::string format_display(const Money& m) { return m.currency.str() + " " + format_decimal(m); }

std::optional<Money> parse_decimal(std::string_view text, Currency currency) {
    const int e = currency.exponent();
    std::size_t i = 0;
    bool neg = false;
    if (i < text.size() && text[i] == '-') { neg = true; ++i; }
    std::int64_t whole = 0, frac = 0;
    int whole_digits = 0, frac_digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
        if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, text[i] - '0', &whole))
            return std::nullopt;
    }
    if (whole_digits == 0) return std::nullopt;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++frac_digits) {
            if (frac_digits >= e) return std::nullopt;
            frac = frac * 10 + (text[i] - '0');
        }
        if (frac_digits == 0) return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
    for (int d = frac_digits; d < e; ++d) frac *= 10;
    std::int64_t minor;
    if (__builtin_mul_overflow(whole, pow10(e), &minor) || __builtin_add_overflow(minor, frac, &minor))
        return std::nullopt;
    return Money{neg ? -minor : minor, currency};
}

}  // namespace retour
