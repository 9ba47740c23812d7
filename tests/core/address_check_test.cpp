#include <gtest/gtest.h>

#include "core/address_check.h"
#include "core/i18n/country_names.h"

namespace retour {
namespace {

Shopper valid_shopper() {
    Shopper s;
    s.name = "Jørgen Müller";
    s.email = "jorgen@example.dk";
    PostalAddress a;
    a.line1 = "Strandvejen 1";
    a.postcode = "9000";
    a.city = "Aalborg";
    a.country = "DK";
    s.address = a;
    return s;
}

std::string codes(const std::vector<FieldProblem>& problems) {
    std::string out;
    for (const FieldProblem& p : problems) out += p.field + ":" + p.code + " ";
    return out;
}

TEST(AddressCheck, AcceptsACompleteAddressInAServedCountry) {
    EXPECT_EQ(codes(check_shopper(valid_shopper(), {"DE", "DK"})), "");
}

TEST(AddressCheck, NamesEveryMissingRequiredField) {
    Shopper s;
    s.address = PostalAddress{};
    EXPECT_EQ(codes(check_shopper(s, {})),
              "name:required email:required line1:required country:required postcode:required city:required ");
}

TEST(AddressCheck, RefusesACountryNameOrACountryTheShopDoesNotServe) {
    Shopper s = valid_shopper();
    s.address->country = "Denmark";
    EXPECT_EQ(codes(check_shopper(s, {})), "country:country_not_offered ");
    s.address->country = "DK";
    EXPECT_EQ(codes(check_shopper(s, {"DE", "AT"})), "country:country_not_offered ");
    s.address->country = "dk";
    EXPECT_EQ(codes(check_shopper(s, {})), "country:country_not_offered ");
}

TEST(AddressCheck, ChecksThePostcodeAgainstTheCountry) {
    Shopper s = valid_shopper();
    s.address->postcode = "90000";
    EXPECT_EQ(codes(check_shopper(s, {})), "postcode:postcode_invalid ");
    s.address->country = "DE";
    EXPECT_EQ(codes(check_shopper(s, {})), "");
}

TEST(AddressCheck, KnowsSimplePostcodeFormats) {
    EXPECT_TRUE(plausible_postcode("NL", "1012 AB"));
    EXPECT_TRUE(plausible_postcode("NL", "1012ab"));
    EXPECT_FALSE(plausible_postcode("NL", "1012"));
    EXPECT_TRUE(plausible_postcode("SE", "114 55"));
    EXPECT_TRUE(plausible_postcode("GB", "SW1A 1AA"));
    EXPECT_TRUE(plausible_postcode("GB", "M1 1AE"));
    EXPECT_FALSE(plausible_postcode("GB", "12345"));
    EXPECT_TRUE(plausible_postcode("US", "10001-1234"));
    EXPECT_FALSE(plausible_postcode("DE", "1011"));
    EXPECT_TRUE(plausible_postcode("DE", " 10115 "));
    EXPECT_TRUE(plausible_postcode("XK", "10000"));  // no rule known: letters and digits pass
    EXPECT_FALSE(plausible_postcode("XK", "10000!"));
    EXPECT_EQ(postcode_example("NL"), "1012 AB");
    EXPECT_EQ(postcode_example("XK"), "");
}

TEST(AddressCheck, EmailNeedsOneAtAndADottedDomain) {
    EXPECT_TRUE(plausible_email("a.b@example.com"));
    EXPECT_FALSE(plausible_email("alex@example"));
    EXPECT_FALSE(plausible_email("alex example.com"));
    EXPECT_FALSE(plausible_email("alex@@example.com"));
    EXPECT_FALSE(plausible_email("@example.com"));
    EXPECT_FALSE(plausible_email("alex@example."));
    EXPECT_FALSE(plausible_email("alex@ex ample.com"));
}

TEST(AddressCheck, CountsLengthInCharactersAndStaysWithinTheReceiversLimits) {
    Shopper s = valid_shopper();
    s.name = std::string(70, 'a');
    EXPECT_EQ(codes(check_shopper(s, {})), "");
    s.name = std::string(71, 'a');
    const auto problems = check_shopper(s, {});
    ASSERT_EQ(codes(problems), "name:too_long ");
    EXPECT_EQ(problems[0].max, 70);
    std::string umlauts;
    for (int i = 0; i < 70; ++i) umlauts += "\xC3\xBC";  // 70 characters, 140 bytes
    s.name = umlauts;
    EXPECT_EQ(codes(check_shopper(s, {})), "");
}

TEST(AddressCheck, ContactWithoutAnAddressChecksOnlyNameAndEmail) {
    Shopper s = valid_shopper();
    s.address.reset();
    s.email = "nope";
    EXPECT_EQ(codes(check_shopper(s, {})), "email:email_invalid ");
}

TEST(CountryNames, ListsEveryCountryTheCatalogsName) {
    const auto& codes = i18n::named_countries();
    EXPECT_GE(codes.size(), 12u);
    for (const std::string& c : codes) {
        EXPECT_EQ(c.size(), 2u);
        EXPECT_NE(i18n::country_name(c, i18n::Locale::de), c) << c;
    }
    EXPECT_TRUE(i18n::has_country_name("DK"));
    EXPECT_FALSE(i18n::has_country_name("Denmark"));
}

}  // namespace
}  // namespace retour
