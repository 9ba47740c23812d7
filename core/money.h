#pragma once
// Money: integer minor units of one ISO 4217 currency. Never floating point.
//
// Canonical JSON form: an integer number of minor units (1234 = EUR 12.34), with the
// currency stated once beside it (the order's or the policy's `currency`). Decimal
// strings ("12.34") are only for display: format_decimal / parse_decimal.
//
// Arithmetic is checked: mixing currencies or overflowing int64 minor units throws
// MoneyError. These are bugs or absurd inputs; the layers that take outside input
// (quote) catch MoneyError at their boundary and turn it into an error value.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace retour {

// Three upper-case letters, stored inline so Money never allocates.
struct Currency {
    char code[4] = {0, 0, 0, 0};

    // nullopt unless `text` is an ISO 4217 code (iso4217.h; unknown_currency_message
    // says why, for a parse error).
    static std::optional<Currency> from_code(std::string_view text);
    std::string_view view() const { return std::string_view(code, 3); }
    std::string str() const { return std::string(code, 3); }
    // Digits after the decimal point (ISO 4217): EUR 2, JPY 0, KWD 3, IDR 2.
    // A shop may pay out only multiples of a larger unit: policy.h's payout_unit.
    int exponent() const;
    bool empty() const { return code[0] == 0; }
    friend bool operator==(const Currency& a, const Currency& b) {
        return a.view() == b.view();
    }
    friend bool operator!=(const Currency& a, const Currency& b) { return !(a == b); }
};

class MoneyError : public std::runtime_error {
public:
    enum class Kind { currency_mismatch, overflow, invalid_argument };
    MoneyError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

struct Money {
    std::int64_t minor = 0;
    Currency currency;

    static Money zero(Currency c) { return Money{0, c}; }

    Money plus(const Money& other) const;
    Money minus(const Money& other) const;
    Money times(std::int64_t quantity) const;
    // this × basis_points / 10000, rounded toward zero (down for non-negative
    // amounts). 1 bp = 0.01 %, so 33.33 % is 3333 bp.
    Money percent_bp_down(std::int64_t basis_points) const;
    Money percent_down(std::int64_t percent) const { return percent_bp_down(percent * 100); }
    Money min(const Money& other) const;
    Money max(const Money& other) const;

    bool is_zero() const { return minor == 0; }
    bool is_negative() const { return minor < 0; }
    friend bool operator==(const Money& a, const Money& b) {
        return a.minor == b.minor && a.currency == b.currency;
    }
    friend bool operator!=(const Money& a, const Money& b) { return !(a == b); }
};

// The share of `total` owed for the first `units` of `count` equal units:
// floor(total × units / count). Shares of consecutive partial returns are differences
// of this function, so they add up to exactly `total` and never exceed it, e.g.
// 100.00 over 3 units: 33.33, then 33.33, then 33.34.
Money cumulative_share(const Money& total, std::int64_t units, std::int64_t count);

// `amount` rounded to a multiple of `unit` (> 0) toward zero / away from zero: a shop
// that pays out only whole units (policy.h's payout_unit; IDR: 100 = one rupiah).
Money round_down_to(const Money& amount, std::int64_t unit);
Money round_up_to(const Money& amount, std::int64_t unit);

// cumulative_share rounded up to a multiple of `unit`, but never above `total`: the
// shares of partial returns are whole units (when `total` is), favour the shopper by
// less than one unit each, and still add up to exactly `total`. unit = 1 is
// cumulative_share.
Money cumulative_share_in_units(const Money& total, std::int64_t units, std::int64_t count, std::int64_t unit);

// `total` split into `parts` shares, each floor(total/parts), the remainder going one
// minor unit at a time to the first shares. Sum is exactly `total`.
std::vector<Money> split_evenly(const Money& total, std::int64_t parts);

// Each weight's share of `total`, rounded down; the sum never exceeds `total` (the
// leftover minor units are returned in `*remainder` when given).
std::vector<Money> split_by_basis_points(const Money& total, const std::vector<std::int64_t>& bps,
                                         Money* remainder = nullptr);

// `total` split in proportion to `weights` (>= 0, not all 0 unless total is 0), the way
// Shopify allocates an order-level discount to line items: each share is
// floor(total × weight / sum); the minor units left over go one each to the shares
// with the largest dropped fraction, ties to the earlier share. The sum is exactly
// `total` and no share exceeds floor-or-ceil of its exact part.
std::vector<Money> split_proportionally(const Money& total, const std::vector<std::int64_t>& weights);

// The largest amount of minor units a JSON output carries: 2^53 − 1, the largest
// integer a JavaScript number (a webhook consumer's JSON.parse) holds exactly.
inline constexpr std::int64_t kMaxJsonAmount = 9'007'199'254'740'991;

// "12.34" for EUR 1234, "-0.05", "1234" for JPY 1234; exactly `exponent` decimals.
std::string format_decimal(const Money& m);
// "EUR 12.34"
std::string format_display(const Money& m);
// Parses "12.34", "-0.5" (= -0.50), "7"; at most `exponent` decimals, no exponent
// notation, no thousands separators. nullopt when malformed or out of range.
std::optional<Money> parse_decimal(std::string_view text, Currency currency);

}  // namespace retour
