#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/label/rma.h"

using namespace retour::label;

namespace {
constexpr const char* kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

TEST(Fnv1a64, MatchesTheReferenceTestVectors) {
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(RmaNumber, IsPrefixDashTenCodeCharactersAndACheckSymbol) {
    std::string rma = rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    EXPECT_EQ(rma, "NW-X2QBQTCXFB7");  // fixed forever: the same id must give the same RMA
    EXPECT_TRUE(valid_rma(rma));
}

TEST(RmaNumber, DiffersForDifferentRequestIds) {
    EXPECT_NE(rma_number("NW", "req_1"), rma_number("NW", "req_2"));
}

TEST(RmaNumber, RejectsAnInvalidPrefixAsAProgrammingError) {
    EXPECT_THROW(rma_number("nw", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("TOOLONGPX", "x"), std::invalid_argument);
    EXPECT_THROW(rma_number("A-B", "x"), std::invalid_argument);
}

TEST(RmaCheckSymbol, IsTheCodeValueModulo37InCrockfordsCheckAlphabet) {
    EXPECT_TRUE(valid_rma("X-00000000000"));   // 0 -> '0'
    EXPECT_TRUE(valid_rma("X-000000000ZZ"));   // 31 -> 'Z'
    EXPECT_TRUE(valid_rma("X-0000000010*"));   // 32 -> '*'
    EXPECT_TRUE(valid_rma("X-0000000011~"));   // 33 -> '~'
    EXPECT_TRUE(valid_rma("X-0000000014U"));   // 36 -> 'U'
    EXPECT_TRUE(valid_rma("X-00000000150"));   // 37 -> 0 again
    EXPECT_FALSE(valid_rma("X-00000000001"));
}

TEST(RmaCheckSymbol, CatchesEverySingleCharacterMistakeInTheCode) {
    const std::string rma = rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    for (std::size_t pos = 3; pos < 3 + kRmaCodeLength; ++pos) {
        for (const char* c = kAlphabet; *c; ++c) {
            if (*c == rma[pos]) continue;
            std::string typo = rma;
            typo[pos] = *c;
            EXPECT_FALSE(valid_rma(typo)) << typo;
        }
    }
}

TEST(RmaCheckSymbol, CatchesSwapsOfAdjacentCharacters) {
    const std::string rma = rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF");
    for (std::size_t pos = 3; pos + 1 < 3 + kRmaCodeLength; ++pos) {
        if (rma[pos] == rma[pos + 1]) continue;
        std::string swapped = rma;
        std::swap(swapped[pos], swapped[pos + 1]);
        EXPECT_FALSE(valid_rma(swapped)) << swapped;
    }
}

TEST(NormalizeRma, AcceptsLowerCaseSpacesAndCrockfordLookAlikes) {
    EXPECT_EQ(normalize_rma("nw-x2qb qtcx fb7"), "NW-X2QBQTCXFB7");
    EXPECT_EQ(normalize_rma("X-OOOOOOOOOOO"), std::nullopt);  // the check symbol is not aliased
    EXPECT_EQ(normalize_rma("X-OOOOOOOOOO0"), "X-00000000000");
    EXPECT_EQ(normalize_rma("X-000000000l1"), "X-00000000011");
}

TEST(ValidRma, RejectsNonCanonicalAndMalformedText) {
    EXPECT_FALSE(valid_rma("nw-x2qbqtcxfb7"));
    EXPECT_FALSE(valid_rma("NW-X2QBQTCXFB"));
    EXPECT_FALSE(valid_rma("NWX2QBQTCXFB7"));
    EXPECT_FALSE(valid_rma(""));
}
