#include <gtest/gtest.h>

#include "core/published_order.h"

using namespace retour;

namespace {

const crypto::Argon2Cost kCheap{1, 8192};  // the real cost is tested once below
const crypto::Bytes kShop = crypto::ed25519_keypair_from_seed(crypto::Bytes(32, 5)).public_key;
const crypto::Bytes kNonce(24, 1);

LookupKey key_for(std::string_view number, std::string_view email, const crypto::Bytes& shop = kShop) {
    return *derive_lookup_key(shop, number, LookupIdentifier::email, email, kCheap);
}

}  // namespace

TEST(PublishedOrder, NormalizesOrderNumbersAsShoppersTypeThem) {
    EXPECT_EQ(normalize_order_number(" #ab 1001 "), "AB1001");
    EXPECT_EQ(normalize_order_number("1001"), "1001");
}

TEST(PublishedOrder, NormalizesEmailsAndPostcodes) {
    EXPECT_EQ(normalize_identifier(LookupIdentifier::email, "  Anna.Muller@Example.COM\n"), "anna.muller@example.com");
    EXPECT_EQ(normalize_identifier(LookupIdentifier::postcode, "1234 ab"), "1234AB");
    EXPECT_EQ(normalize_identifier(LookupIdentifier::postcode, "SW1A-1AA"), "SW1A1AA");
}

TEST(PublishedOrder, FindsTheSameFileForDifferentlyTypedInputs) {
    EXPECT_EQ(key_for("#1001", "Anna@Example.com").file_name, key_for("1001", " anna@example.com").file_name);
}

TEST(PublishedOrder, NamesFilesWith32HexCharacters) {
    const auto name = key_for("1001", "anna@example.com").file_name;
    EXPECT_EQ(name.size(), 36u);
    EXPECT_EQ(name.find_first_not_of("0123456789abcdef"), 32u);
    EXPECT_EQ(name.substr(32), ".bin");
}

TEST(PublishedOrder, GivesEachShopItsOwnFileNames) {
    const auto other = crypto::ed25519_keypair_from_seed(crypto::Bytes(32, 6)).public_key;
    EXPECT_NE(key_for("1001", "anna@example.com").file_name, key_for("1001", "anna@example.com", other).file_name);
}

TEST(PublishedOrder, OpensWhatWasSealedWithTheSameInputs) {
    const auto sealed = seal_published_order(key_for("1001", "anna@example.com"), "TOKEN.SIG", kNonce);
    const auto opened = open_published_order(key_for("#1001", "ANNA@example.com"), sealed.data(), sealed.size());
    ASSERT_TRUE(opened.ok()) << opened.error;
    EXPECT_EQ(opened.token, "TOKEN.SIG");
}

TEST(PublishedOrder, DoesNotOpenWithAnotherEmail) {
    const auto sealed = seal_published_order(key_for("1001", "anna@example.com"), "TOKEN.SIG", kNonce);
    auto wrong = key_for("1001", "bob@example.com");
    wrong.file_name = key_for("1001", "anna@example.com").file_name;  // even if the file were found
    EXPECT_FALSE(open_published_order(wrong, sealed.data(), sealed.size()).ok());
}

TEST(PublishedOrder, RefusesATamperedOrCutFile) {
    const auto key = key_for("1001", "anna@example.com");
    auto sealed = seal_published_order(key, "TOKEN.SIG", kNonce);
    auto flipped = sealed;
    flipped.back() ^= 0x80;
    EXPECT_FALSE(open_published_order(key, flipped.data(), flipped.size()).ok());
    EXPECT_FALSE(open_published_order(key, sealed.data(), 20).ok());
}

TEST(PublishedOrder, RefusesEmptyInputs) {
    EXPECT_FALSE(derive_lookup_key(kShop, " # ", LookupIdentifier::email, "a@b.c", kCheap));
    EXPECT_FALSE(derive_lookup_key(kShop, "1001", LookupIdentifier::postcode, " - ", kCheap));
}

TEST(PublishedOrder, DerivesAStableNameWithTheRealCost) {
    // Pins the format: the browser (wasm) and `retour publish-orders` (native) must agree.
    auto key = derive_lookup_key(kShop, "1001", LookupIdentifier::email, "anna@example.com");
    ASSERT_TRUE(key);
    EXPECT_EQ(key->file_name, "adbfd201c587099a3f847373107cd74a.bin");
}

TEST(PublishedOrder, PadsFilesToSizeBucketsSoLineCountsDoNotShow) {
    const auto key = key_for("1001", "anna@example.com");
    const std::string one_line(700, 'a'), nine_lines(2900, 'b');  // token sizes of 1 and 9 lines
    const auto small = seal_published_order(key, one_line, kNonce);
    const auto large = seal_published_order(key, nine_lines, kNonce);
    EXPECT_EQ(small.size(), large.size());
    EXPECT_EQ(small.size(), 4u + 24u + 4096u + 16u);
    const auto opened = open_published_order(key, large.data(), large.size());
    ASSERT_TRUE(opened.ok()) << opened.error;
    EXPECT_EQ(opened.token, nine_lines);
}

TEST(PublishedOrder, PaddedSizesAreAFewBuckets) {
    EXPECT_EQ(padded_size(1), 4096u);
    EXPECT_EQ(padded_size(4096), 4096u);
    EXPECT_EQ(padded_size(4097), 16384u);
    EXPECT_EQ(padded_size(65536), 65536u);
    EXPECT_EQ(padded_size(65537), 131072u);
}
