#include <gtest/gtest.h>

#include "core/base64url.h"

using retour::base64url_decode;
using retour::base64url_encode;

TEST(Base64Url, EncodesTheRfc4648Vectors) {
    EXPECT_EQ(base64url_encode(std::string_view("")), "");
    EXPECT_EQ(base64url_encode(std::string_view("f")), "Zg");
    EXPECT_EQ(base64url_encode(std::string_view("fo")), "Zm8");
    EXPECT_EQ(base64url_encode(std::string_view("foo")), "Zm9v");
    EXPECT_EQ(base64url_encode(std::string_view("foob")), "Zm9vYg");
    EXPECT_EQ(base64url_encode(std::string_view("fooba")), "Zm9vYmE");
    EXPECT_EQ(base64url_encode(std::string_view("foobar")), "Zm9vYmFy");
}

TEST(Base64Url, UsesDashAndUnderscoreInsteadOfPlusAndSlash) {
    const std::vector<std::uint8_t> bytes{0xfb, 0xff, 0xbf};
    EXPECT_EQ(base64url_encode(bytes), "-_-_");
}

TEST(Base64Url, DecodesWhatItEncodesForEveryLength) {
    std::vector<std::uint8_t> bytes;
    for (int n = 0; n < 70; ++n) {
        auto d = base64url_decode(base64url_encode(bytes));
        ASSERT_TRUE(d.ok()) << d.error;
        EXPECT_EQ(d.bytes, bytes);
        bytes.push_back(static_cast<std::uint8_t>(n * 37 + 11));
    }
}

TEST(Base64Url, AcceptsCorrectPadding) {
    auto d = base64url_decode("Zm9vYg==");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.text(), "foob");
}

TEST(Base64Url, RejectsWrongPadding) {
    EXPECT_FALSE(base64url_decode("Zm9vYg=").ok());
    EXPECT_FALSE(base64url_decode("Zm9v====").ok());
}

TEST(Base64Url, RejectsStandardBase64CharactersNamingThePosition) {
    auto d = base64url_decode("ab+/");
    EXPECT_FALSE(d.ok());
    EXPECT_NE(d.error.find("character 3"), std::string::npos) << d.error;
}

TEST(Base64Url, RejectsALengthNoEncodingCanHave) {
    EXPECT_FALSE(base64url_decode("Zm9vY").ok());
}

TEST(Base64Url, RejectsStrayBitsInTheLastCharacter) {
    // "Zh" would decode to "f" too if the low bits were ignored; only "Zg" is valid.
    EXPECT_FALSE(base64url_decode("Zh").ok());
}
