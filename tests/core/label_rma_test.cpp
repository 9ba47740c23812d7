#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/label/rma.h"
#include "tests/core/fixture.h"

using namespace retour::label;

namespace {
constexpr const char* kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool is_letter_or_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

// Numbers to try every mistake on: many hashed ones, and codes at the edges of the
// alphabet (all zeros, all Z, alternating) where a weak check tends to fail.
std::vector<std::string> sample_numbers() {
    std::vector<std::string> out;
    for (int i = 0; i < 300; ++i) out.push_back(rma_number("NW", "req_" + std::to_string(i)));
    for (const char* code : {"0000000000", "ZZZZZZZZZZ", "0Z0Z0Z0Z0Z", "Z0Z0Z0Z0Z0", "123456789A", "0000000001"}) {
        std::string typed = std::string("XX-") + code + "00";
        // Find the right check characters by trying all 1024: independent of how they are computed.
        for (const char* a = kAlphabet; *a; ++a)
            for (const char* b = kAlphabet; *b; ++b) {
                typed[13] = *a;
                typed[14] = *b;
                if (valid_rma(typed)) out.push_back(typed);
            }
    }
    return out;
}
}  // namespace

TEST(Fnv1a64, MatchesTheReferenceTestVectors) {
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(RmaNumber, IsPrefixDashTenCodeCharactersAndTwoCheckCharacters) {
    std::string rma = rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    EXPECT_EQ(rma, "NW-X2QBQTCXFBJ0");  // fixed forever: the same id must give the same RMA
    EXPECT_TRUE(valid_rma(rma));
}

TEST(RmaNumber, KeepsTheCodeOfTheLegacyNumber) {
    EXPECT_EQ(legacy_rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF"), "NW-X2QBQTCXFB7");
}

TEST(RmaNumber, EndsInALetterOrDigitOnly) {
    int legacy_symbols = 0;
    for (int i = 0; i < 5000; ++i) {
        const std::string id = "req_" + std::to_string(i);
        const std::string rma = rma_number("EX", id);
        ASSERT_EQ(rma.size(), 3 + kRmaCodeLength + kRmaCheckLength) << rma;
        for (std::size_t k = 3; k < rma.size(); ++k) {
            ASSERT_TRUE(is_letter_or_digit(rma[k])) << rma;
            ASSERT_EQ(std::string("ILOU").find(rma[k]), std::string::npos) << rma;
        }
        const char old = legacy_rma_number("EX", id).back();
        if (!is_letter_or_digit(old) || old == 'U') ++legacy_symbols;
    }
    EXPECT_GT(legacy_symbols, 0);  // the old scheme did produce * ~ $ = U for these ids
}

TEST(RmaNumber, DiffersForDifferentRequestIds) {
    EXPECT_NE(rma_number("NW", "req_1"), rma_number("NW", "req_2"));
}

TEST(RmaNumber, RejectsAnInvalidPrefixAsAProgrammingError) {
    EXPECT_THROW(rma_number("nw", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("N", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("TOOLNG7", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("A-B", "x"), std::invalid_argument);
}

TEST(RmaPrefix, IsTwoToSixLettersOrDigits) {
    EXPECT_TRUE(valid_rma_prefix("EX"));
    EXPECT_TRUE(valid_rma_prefix("ZS2024"));
    EXPECT_FALSE(valid_rma_prefix("E"));
    EXPECT_FALSE(valid_rma_prefix("ZS20245"));
    EXPECT_FALSE(valid_rma_prefix("ex"));
}

// The merchant reads the length in three places; all must say what the code enforces.
TEST(RmaPrefix, TheExamplePolicySchemaAndDocsStateTheEnforcedLength) {
    const std::string min = std::to_string(kRmaPrefixMinLength), max = std::to_string(kRmaPrefixMaxLength);
    const std::string example = retour::testing::read_fixture("../../web/policy.example.json");
    const std::string schema = retour::testing::read_fixture("../../web/schema/policy.schema.json");
    const std::string docs = retour::testing::read_fixture("../../docs/labels.md");
    EXPECT_NE(example.find("rma_prefix: " + min + "-" + max + " upper-case"), std::string::npos);
    EXPECT_NE(schema.find("\"pattern\": \"^[A-Z0-9]{" + min + "," + max + "}$\""), std::string::npos);
    EXPECT_NE(docs.find("`labels.rma_prefix`, " + min + "\u2013" + max + " of"), std::string::npos);
    EXPECT_EQ(docs.find("1\u20138"), std::string::npos);
}

// The detection property, shown exhaustively: every other alphabet character in every
// position (code and check) and every swap of two different adjacent characters.
TEST(RmaCheck, CatchesEverySingleWrongCharacter) {
    int tried = 0;
    for (const std::string& rma : sample_numbers()) {
        ASSERT_TRUE(valid_rma(rma)) << rma;
        for (std::size_t pos = rma.find('-') + 1; pos < rma.size(); ++pos) {
            for (const char* c = kAlphabet; *c; ++c) {
                if (*c == rma[pos]) continue;
                std::string typo = rma;
                typo[pos] = *c;
                ++tried;
                EXPECT_EQ(normalize_rma(typo), std::nullopt) << rma << " -> " << typo;
            }
        }
    }
    EXPECT_EQ(tried, 306 * 12 * 31);
}

TEST(RmaCheck, CatchesEverySwapOfAdjacentCharacters) {
    int tried = 0;
    for (const std::string& rma : sample_numbers()) {
        for (std::size_t pos = rma.find('-') + 1; pos + 1 < rma.size(); ++pos) {
            if (rma[pos] == rma[pos + 1]) continue;
            std::string swapped = rma;
            std::swap(swapped[pos], swapped[pos + 1]);
            ++tried;
            EXPECT_EQ(normalize_rma(swapped), std::nullopt) << rma << " -> " << swapped;
        }
    }
    EXPECT_GT(tried, 300 * 9);
}

TEST(RmaCheck, CatchesEveryPairOfWrongCharacters) {
    const std::string rma = rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    for (std::size_t a = 3; a < rma.size(); ++a)
        for (std::size_t b = a + 1; b < rma.size(); ++b)
            for (const char* x = kAlphabet; *x; ++x)
                for (const char* y = kAlphabet; *y; ++y) {
                    if (*x == rma[a] || *y == rma[b]) continue;
                    std::string typo = rma;
                    typo[a] = *x;
                    typo[b] = *y;
                    ASSERT_FALSE(valid_rma(typo)) << typo;
                }
}

TEST(LegacyRma, OldNumbersWithTheirMod37SymbolStillVerify) {
    EXPECT_EQ(normalize_rma("NW-X2QBQTCXFB7"), "NW-X2QBQTCXFB7");  // issued for req_01HZX4T9Q8M2K7B3N5V6C8D0EF
    EXPECT_EQ(normalize_rma("nw-x2qb qtcx fb7"), "NW-X2QBQTCXFB7");
    EXPECT_TRUE(valid_rma("XX-00000000000"));   // 0 -> '0'
    EXPECT_TRUE(valid_rma("XX-000000000ZZ"));   // 31 -> 'Z'
    EXPECT_TRUE(valid_rma("XX-0000000010*"));   // 32 -> '*'
    EXPECT_TRUE(valid_rma("XX-0000000011~"));   // 33 -> '~'
    EXPECT_TRUE(valid_rma("XX-0000000012$"));   // 34 -> '$'
    EXPECT_TRUE(valid_rma("XX-0000000013="));   // 35 -> '='
    EXPECT_TRUE(valid_rma("XX-0000000014U"));   // 36 -> 'U'
    EXPECT_FALSE(valid_rma("XX-00000000001"));
    EXPECT_EQ(normalize_rma("XX-OOOOOOOOOOO"), std::nullopt);  // the legacy symbol is not aliased
}

TEST(LegacyRma, ARequestKeepsItsOldNumberValid) {
    const std::string id = "req_01HZX4T9Q8M2K7B3N5V6C8D0EF";
    EXPECT_TRUE(is_rma_of("NW", id, "NW-X2QBQTCXFBJ0"));
    EXPECT_TRUE(is_rma_of("NW", id, "NW-X2QBQTCXFB7"));
    EXPECT_FALSE(is_rma_of("NW", id, "NW-X2QBQTCXFBJ1"));
    EXPECT_FALSE(is_rma_of("NW", "req_other", "NW-X2QBQTCXFB7"));
    EXPECT_FALSE(is_rma_of("EX", id, "NW-X2QBQTCXFBJ0"));
}

TEST(NormalizeRma, AcceptsLowerCaseSpacesAndCrockfordLookAlikes) {
    EXPECT_EQ(normalize_rma("nw-x2qb qtcx fbj0"), "NW-X2QBQTCXFBJ0");
    EXPECT_EQ(normalize_rma("NW-X2QBQTCXFBJO"), "NW-X2QBQTCXFBJ0");  // O read as 0, in the check too
    std::string rma;
    for (int i = 0; rma.find('1', 3) == std::string::npos || rma.find('0', 3) == std::string::npos; ++i)
        rma = rma_number("NW", "req_" + std::to_string(i));
    std::string typed = rma;
    for (std::size_t k = 3; k < typed.size(); ++k) {
        if (typed[k] == '1') typed[k] = k % 2 ? 'l' : 'I';
        if (typed[k] == '0') typed[k] = 'o';
    }
    EXPECT_EQ(normalize_rma(typed), rma) << typed;
}

TEST(ValidRma, RejectsNonCanonicalAndMalformedText) {
    EXPECT_FALSE(valid_rma("nw-x2qbqtcxfbj0"));
    EXPECT_FALSE(valid_rma("NW-X2QBQTCXFB"));
    EXPECT_FALSE(valid_rma("NW-X2QBQTCXFBJ0J"));
    EXPECT_FALSE(valid_rma("NWX2QBQTCXFBJ0"));
    EXPECT_FALSE(valid_rma("N-X2QBQTCXFBJ0"));
    EXPECT_FALSE(valid_rma(""));
}
