#include <gtest/gtest.h>

#include "core/json_reader.h"
#include "core/policy.h"
#include "core/postal_address.h"
#include "core/return_request.h"

namespace retour {
namespace {

using nlohmann::json;

FieldErrors read(const json& doc, PostalAddress& out) {
    FieldErrors errors;
    read_postal_address(JsonReader(&doc, &errors, "/address"), out);
    return errors;
}

TEST(PostalAddress, ReadsEveryFieldAndLeavesOptionalOnesEmpty) {
    PostalAddress a;
    EXPECT_TRUE(read({{"line1", "Hauptstraße 7"}, {"city", "Berlin"}, {"postcode", "10117"}, {"country", "DE"}}, a).empty());
    EXPECT_EQ(a.line1, "Hauptstraße 7");
    EXPECT_EQ(a.city, "Berlin");
    EXPECT_EQ(a.postcode, "10117");
    EXPECT_EQ(a.country, "DE");
    EXPECT_EQ(a.line2, "");
    EXPECT_EQ(a.region, "");
}

TEST(PostalAddress, RefusesACountryThatIsNotTwoUpperCaseLetters) {
    for (const char* bad : {"DEU", "de", "D", "D1"}) {
        PostalAddress a;
        const FieldErrors e = read({{"line1", "x"}, {"city", "y"}, {"postcode", "1"}, {"country", bad}}, a);
        ASSERT_EQ(e.size(), 1u) << bad;
        EXPECT_EQ(e[0].pointer, "/address/country");
        EXPECT_EQ(e[0].message, kCountryCodeExpected);
    }
    EXPECT_TRUE(valid_country_code("NL"));
    EXPECT_FALSE(valid_country_code("nl"));
}

TEST(PostalAddress, NamesEachMissingFieldAndUnknownKey) {
    PostalAddress a;
    const FieldErrors e = read({{"line1", "x"}, {"street", "y"}}, a);
    std::string pointers;
    for (const auto& x : e) pointers += x.pointer + " ";
    EXPECT_NE(pointers.find("/address/street"), std::string::npos) << pointers;
    EXPECT_NE(pointers.find("/address/city"), std::string::npos) << pointers;
    EXPECT_NE(pointers.find("/address/postcode"), std::string::npos) << pointers;
    EXPECT_NE(pointers.find("/address/country"), std::string::npos) << pointers;
}

TEST(PostalAddress, RoundTripsThroughJsonWithOptionalFieldsOnlyWhenSet) {
    NamedAddress a;
    a.name = "Returns";
    a.line1 = "Kai 1";
    a.city = "Hamburg";
    a.postcode = "20457";
    a.country = "DE";
    const json j = to_json(a);
    EXPECT_FALSE(j.contains("line2"));
    EXPECT_FALSE(j.contains("region"));
    NamedAddress back;
    FieldErrors errors;
    EXPECT_TRUE(read_named_address(JsonReader(&j, &errors, ""), back));
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(to_json(back), j);
}

// The request and the policy read addresses by the same rule: the same bad country
// gets the same message in both.
TEST(PostalAddress, RequestAndPolicyShareOneCountryRule) {
    json request = json::parse(R"({"id":"req_12345678","rma":"X","order":{"id":"1","number":"1","token":"t"},
        "shopper":{"name":"A","email":"a@b.c","address":{"line1":"x","city":"y","postcode":"1","country":"DEU"}},
        "lines":[{"line_id":"L1","sku":"s","title":"t","quantity":1,"reason":"r","resolution":"refund"}],
        "return_method":"print_label","quote":{},"policy":{"version":"1","hash":"h"},"locale":"en",
        "created_at":"2026-11-20T12:00:00Z","demo":false})");
    const auto parsed = parse_return_request(request);
    ASSERT_FALSE(parsed.ok());
    bool found = false;
    for (const auto& e : parsed.errors)
        found = found || (e.pointer == "/shopper/address/country" && e.message == kCountryCodeExpected);
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace retour
