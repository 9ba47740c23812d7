#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/label/code128.h"

using namespace retour::label;

namespace {

// An independent reader: splits the modules into symbols, looks each pattern up
// in the table and follows the code-set switches back to text.
std::string decode(const Code128& code) {
    std::vector<int> values;
    std::size_t i = 0;
    while (i + 6 <= code.widths.size()) {
        std::string pattern;
        for (std::size_t k = 0; k < 6; ++k) pattern += static_cast<char>('0' + code.widths[i + k]);
        int v = -1;
        for (int s = 0; s < 106; ++s)
            if (code128_pattern(s) == pattern) v = s;
        if (v < 0) break;  // the stop pattern is 7 wide and not in 0..105
        values.push_back(v);
        i += 6;
    }
    std::string out;
    bool c = values.at(0) == 105;
    for (std::size_t k = 1; k + 1 < values.size(); ++k) {
        int v = values[k];
        if (v == 99) c = true;
        else if (v == 100) c = false;
        else if (c) out += std::to_string(v / 10) + std::to_string(v % 10);
        else out += static_cast<char>(v + 32);
    }
    return out;
}

std::vector<int> symbols(const char* data) { return encode_code128(data)->symbols; }

}  // namespace

TEST(Code128Table, HasElevenModulesPerSymbolAndEvenBarWidths) {
    std::set<std::string_view> seen;
    for (int v = 0; v <= 105; ++v) {
        auto p = code128_pattern(v);
        ASSERT_EQ(p.size(), 6u) << v;
        int total = 0, bars = 0;
        for (std::size_t k = 0; k < 6; ++k) {
            total += p[k] - '0';
            if (k % 2 == 0) bars += p[k] - '0';
        }
        EXPECT_EQ(total, 11) << v;
        EXPECT_EQ(bars % 2, 0) << v;
        seen.insert(p);
    }
    EXPECT_EQ(seen.size(), 106u);
    EXPECT_EQ(code128_pattern(106), "2331112");
}

TEST(Code128Table, MatchesKnownPatterns) {
    EXPECT_EQ(code128_pattern(0), "212222");    // space / "00"
    EXPECT_EQ(code128_pattern(33), "111323");   // "A"
    EXPECT_EQ(code128_pattern(99), "113141");   // Code C
    EXPECT_EQ(code128_pattern(100), "114131");  // Code B
    EXPECT_EQ(code128_pattern(104), "211214");  // Start B
    EXPECT_EQ(code128_pattern(105), "211232");  // Start C
}

TEST(Code128, EncodesTextInCodeSetBWithItsCheckSymbol) {
    // PJJ123C: 104 + 48 + 2*42 + 3*42 + 4*17 + 5*18 + 6*19 + 7*35 = 879; 879 mod 103 = 55
    EXPECT_EQ(symbols("PJJ123C"), (std::vector<int>{104, 48, 42, 42, 17, 18, 19, 35, 55}));
}

TEST(Code128, PacksAnEvenRunOfDigitsIntoCodeSetC) {
    // 105 + 12 + 2*34 + 3*56 = 353; 353 mod 103 = 44
    EXPECT_EQ(symbols("123456"), (std::vector<int>{105, 12, 34, 56, 44}));
}

TEST(Code128, StartsInCForTwoDigitsAlone) { EXPECT_EQ(symbols("42").front(), 105); }

TEST(Code128, KeepsThreeDigitsInB) {
    auto s = symbols("AB123");
    EXPECT_EQ(s, (std::vector<int>{104, 33, 34, 17, 18, 19, s.back()}));
}

TEST(Code128, SwitchesToCForFourDigitsAtTheEnd) {
    auto s = symbols("ABC1234");
    EXPECT_EQ(s, (std::vector<int>{104, 33, 34, 35, 99, 12, 34, s.back()}));
}

TEST(Code128, SwitchesToCAndBackForFourDigitsInTheMiddle) {
    auto s = symbols("X1234Y");
    EXPECT_EQ(s, (std::vector<int>{104, 56, 99, 12, 34, 100, 57, s.back()}));
}

TEST(Code128, PutsTheOddDigitOfARunInBBeforeSwitching) {
    auto s = symbols("A12345B");
    EXPECT_EQ(s, (std::vector<int>{104, 33, 17, 99, 23, 45, 100, 34, s.back()}));
}

TEST(Code128, EndsAnOddLeadingRunInB) {
    auto s = symbols("12345");
    EXPECT_EQ(s, (std::vector<int>{105, 12, 34, 100, 21, s.back()}));
}

TEST(Code128, ComputesTheCheckSymbolAcrossSetSwitches) {
    auto s = symbols("A12345B");
    long sum = s[0];
    for (std::size_t k = 1; k + 1 < s.size(); ++k) sum += static_cast<long>(k) * s[k];
    EXPECT_EQ(s.back(), sum % 103);
}

TEST(Code128, EndsWithTheStopPatternAndCountsModules) {
    auto code = *encode_code128("123456");
    ASSERT_GE(code.widths.size(), 7u);
    std::string tail;
    for (std::size_t k = code.widths.size() - 7; k < code.widths.size(); ++k) tail += char('0' + code.widths[k]);
    EXPECT_EQ(tail, "2331112");
    EXPECT_EQ(code.total_modules(), 5 * 11 + 13);  // start, 12, 34, 56, check; stop
}

TEST(Code128, DecodesBackToItsDataThroughThePatternTable) {
    for (const char* data : {"NW-X2QBQTCXFB7", "ZS2024-TKY8MH92VNQ", "A12345B", "0123456789", "~*$= U", "x"})
        EXPECT_EQ(decode(*encode_code128(data)), data);
}

TEST(Code128, BarsCoverTheDarkElementsInOrder) {
    auto code = *encode_code128("42");
    auto bars = code128_bars(code);
    ASSERT_FALSE(bars.empty());
    EXPECT_EQ(bars.front().start, 0);
    EXPECT_EQ(bars.front().width, 2);  // start C begins with a 2-module bar
    EXPECT_EQ(bars.back().start + bars.back().width, code.total_modules());
}

TEST(Code128, RejectsEmptyAndNonAsciiData) {
    EXPECT_FALSE(encode_code128(""));
    EXPECT_FALSE(encode_code128("M\xC3\xBCller"));
    EXPECT_FALSE(encode_code128("tab\there"));
}
