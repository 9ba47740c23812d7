#include "core/policy.h"

#include <gtest/gtest.h>

#include "tests/core/fixture.h"

namespace retour {
namespace {

using nlohmann::json;

json base() { return testing::read_json_fixture("policy/base.json"); }

std::vector<std::string> errors_of(const json& patch) {
    json doc = base();
    doc.merge_patch(patch);
    std::vector<std::string> out;
    for (const auto& e : parse_policy(doc).errors) out.push_back(e.text());
    return out;
}

using Errors = std::vector<std::string>;

TEST(Policy, ParsesTheBaseFixture) {
    const auto p = parse_policy(base());
    ASSERT_TRUE(p.ok()) << (p.errors.empty() ? "" : p.errors[0].text());
    EXPECT_EQ(p.value->version, "test-1");
    EXPECT_EQ(p.value->currency.str(), "EUR");
    EXPECT_EQ(p.value->windows.default_days, 30);
    EXPECT_EQ(p.value->reasons.size(), 5u);
    EXPECT_TRUE(p.value->resolutions.offers(Resolution::keep_item));
    EXPECT_EQ(p.value->resolutions.store_credit_bonus_bp, 1000);
}

TEST(Policy, LateGraceDefaultsToSevenDaysAndCanBeSet) {
    EXPECT_EQ(parse_policy(base()).value->webhook.late_grace_days, 7);
    json doc = base();
    doc["webhook"]["late_grace_days"] = 2;
    const auto p = parse_policy(doc);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.value->webhook.late_grace_days, 2);
}

TEST(Policy, EmailIsPromisedOnlyWhenNotificationsSayTheReceiverSendsIt) {
    EXPECT_FALSE(parse_policy(base()).value->notifications.email);
    json doc = base();
    doc["notifications"] = {{"email", true}};
    const auto p = parse_policy(doc);
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p.value->notifications.email);
    doc["notifications"] = {{"email", false}};
    EXPECT_FALSE(parse_policy(doc).value->notifications.email);
}

TEST(Policy, HashIsSha256OfCanonicalJsonAndIgnoresAnnotations) {
    json doc = base();
    const std::string h1 = parse_policy(doc).value->hash;
    doc["$comment"] = "another note";
    doc["windows"]["$comment"] = "days count from delivery";
    EXPECT_EQ(parse_policy(doc).value->hash, h1);
    EXPECT_EQ(h1.rfind("sha256:", 0), 0u);
    EXPECT_EQ(h1.size(), 7u + 64u);
    doc["windows"]["default_days"] = 31;
    EXPECT_NE(parse_policy(doc).value->hash, h1);
}

TEST(Policy, ReportsSyntaxErrorsWithTheirPosition) {
    const auto p = parse_policy_text("{\"version\": }");
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].pointer, "");
    EXPECT_NE(p.errors[0].message.find("line 1, column 13"), std::string::npos) << p.errors[0].message;
}

TEST(Policy, RejectsANonObjectDocument) {
    EXPECT_EQ(parse_policy(json::array()).errors.at(0).text(), "/: expected an object");
}

TEST(Policy, ReportsEveryUnknownKeyAtEveryLevel) {
    EXPECT_EQ(errors_of({{"colour", "red"}, {"windows", {{"defaut_days", 1}}}}),
              (Errors{"/colour: unknown key", "/windows/defaut_days: unknown key; did you mean \"default_days\"?"}));
}

TEST(Policy, RequiresEachTopLevelSection) {
    for (const char* key : {"version", "currency", "time_zone", "shop", "merchant", "labels", "lookup", "webhook",
                            "public_key", "windows", "reasons", "resolutions"})
        EXPECT_EQ(errors_of({{key, nullptr}}), Errors{std::string("/") + key + ": is required"}) << key;
}

struct BadField {
    json patch;
    std::string error;
};

class PolicyField : public ::testing::TestWithParam<BadField> {};

TEST_P(PolicyField, IsRejectedWithItsPointer) { EXPECT_EQ(errors_of(GetParam().patch), Errors{GetParam().error}); }

INSTANTIATE_TEST_SUITE_P(
    EachMalformedField, PolicyField,
    ::testing::Values(
        BadField{{{"version", ""}}, "/version: expected a non-empty string of at most 64 bytes"},
        BadField{{{"currency", "EURO"}}, "/currency: expected an ISO 4217 currency code such as \"EUR\" (three upper-case letters); did you mean \"EUR\"?"},
        BadField{{{"currency", "QQQ"}}, "/currency: expected an ISO 4217 currency code such as \"EUR\" (three upper-case letters)"},
        BadField{{{"demo", "yes"}}, "/demo: expected true or false"},
        BadField{{{"payout_unit", 0}}, "/payout_unit: expected a positive integer (at most 1000000)"},
        BadField{{{"shop", {{"url", "shop.example.com"}}}}, "/shop/url: expected an http:// or https:// URL"},
        BadField{{{"shop", {{"accent_color", "#12345"}}}}, "/shop/accent_color: expected a colour as \"#RRGGBB\""},
        BadField{{{"shop", {{"logo_text", nullptr}}}}, "/shop/logo_text: is required"},
        BadField{{{"merchant", {{"return_address", {{"country", "DEU"}}}}}},
                 "/merchant/return_address/country: expected an ISO 3166-1 alpha-2 country code such as \"DE\" (two upper-case letters)"},
        BadField{{{"merchant", {{"return_address", {{"postcode", 10115}}}}}}, "/merchant/return_address/postcode: expected a string"},
        BadField{{{"merchant", {{"email", "returns at shop"}}}}, "/merchant/email: expected an e-mail address"},
        BadField{{{"contact", {{"phone", "call us"}}}}, "/contact/phone: expected a phone number such as \"+49 40 1234567\""},
        BadField{{{"contact", {{"email", "returns at shop"}}}}, "/contact/email: expected an e-mail address"},
        BadField{{{"contact", {{"url", "shop.example.com/help"}}}}, "/contact/url: expected an http:// or https:// URL"},
        BadField{{{"contact", json::object()}}, "/contact: expected at least one of \"email\", \"phone\", \"url\""},
        BadField{{{"labels", {{"rma_prefix", "T"}}}}, "/labels/rma_prefix: expected 2 to 6 upper-case letters or digits"},
        BadField{{{"labels", {{"qr", {{"payload", "status_url"}}}}}}, "/labels/qr/status_url: is required"},
        BadField{{{"labels", {{"qr", {{"payload", "status_url"}, {"status_url", "https://x.example/r"}}}}}},
                 "/labels/qr/status_url: expected a URL template containing \"{rma}\""},
        BadField{{{"labels", {{"qr", {{"payload", "png"}}}}}}, "/labels/qr/payload: expected one of \"status_url\", \"compact\""},
        BadField{{{"lookup", {{"mode", "endpoint"}}}}, "/lookup/endpoint_url: is required"},
        BadField{{{"lookup", {{"identifier", "phone"}}}}, "/lookup/identifier: expected one of \"email\", \"postcode\""},
        BadField{{{"webhook", {{"content_type", "text/html"}}}},
                 "/webhook/content_type: expected one of \"application/json\", \"text/plain\""},
        BadField{{{"webhook", {{"late_grace_days", 91}}}},
                 "/webhook/late_grace_days: expected a non-negative integer (at most 90)"},
        BadField{{{"webhook", {{"late_grace_days", "7"}}}},
                 "/webhook/late_grace_days: expected a non-negative integer (at most 90)"},
        BadField{{{"notifications", {{"email", "yes"}}}}, "/notifications/email: expected true or false"},
        BadField{{{"notifications", {{"sms", true}}}}, "/notifications/sms: unknown key"},
        BadField{{{"public_key", "AAAA"}}, "/public_key: expected a base64 Ed25519 public key (32 bytes), got 3 bytes"},
        BadField{{{"windows", {{"default_days", -1}}}}, "/windows/default_days: expected a non-negative integer (at most 3650)"},
        BadField{{{"windows", {{"default_days", "30"}}}}, "/windows/default_days: expected a non-negative integer (at most 3650)"},
        BadField{{{"windows", {{"business_days", {"mon", "funday"}}}}},
                 "/windows/business_days/1: expected one of \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\""},
        BadField{{{"windows", {{"overrides", {{"sku", {{"ABC", 1.5}}}}}}}},
                 "/windows/overrides/sku/ABC: expected a non-negative integer (at most 3650)"},
        BadField{{{"windows", {{"holidays", {{{"placed_from", "2026-12-01"}, {"placed_until", "2026-11-01"}, {"return_until", "2027-01-31"}}}}}}},
                 "/windows/holidays/0/placed_until: expected a date on or after placed_from"},
        BadField{{{"non_returnable", {{"final_sale_tags", {"sale", "sale"}}}}}, "/non_returnable/final_sale_tags/1: duplicate value \"sale\""},
        BadField{{{"non_returnable", {{"countries_served", {"de"}}}}},
                 "/non_returnable/countries_served/0: expected an ISO 3166-1 alpha-2 country code such as \"DE\""},
        BadField{{{"non_returnable", {{"min_unit_price", 500}, {"max_unit_price", 100}}}}, "/non_returnable/max_unit_price: expected an amount >= min_unit_price"},
        BadField{{{"review", {{"unit_price_above", -5}}}}, "/review/unit_price_above: expected a non-negative integer (at most 1000000000000000)"},
        BadField{{{"reasons", json::array()}}, "/reasons: expected at least one reason"},
        BadField{{{"reasons", {{{"handle", "Too Small"}, {"labels", {{"en", "x"}}}}}}},
                 "/reasons/0/handle: expected a handle of 1 to 64 characters a-z, 0-9, '_' or '-'"},
        BadField{{{"reasons", {{{"handle", "a"}, {"labels", {{"de", "x"}}}}}}}, "/reasons/0/labels/en: is required (English is the fallback)"},
        BadField{{{"reasons", {{{"handle", "a"}, {"labels", {{"en", "x"}}}}, {{"handle", "a"}, {"labels", {{"en", "y"}}}}}}},
                 "/reasons/1/handle: duplicate reason handle \"a\""},
        BadField{{{"reasons", {{{"handle", "a"}, {"labels", {{"en", "x"}}}, {"resolutions", {"cash"}}}}}},
                 "/reasons/0/resolutions/0: expected one of \"refund\", \"store_credit\", \"gift_card\", \"exchange\", \"keep_item\""},
        BadField{{{"resolutions", {{"refund", nullptr}, {"store_credit", nullptr}, {"gift_card", nullptr}, {"exchange", nullptr}, {"keep_item", nullptr}}}},
                 "/resolutions: expected at least one resolution"},
        BadField{{{"resolutions", {{"store_credit", {{"bonus", {{"percent", 150}}}}}}}},
                 "/resolutions/store_credit/bonus/percent: expected a non-negative integer (at most 100)"},
        BadField{{{"resolutions", {{"keep_item", {{"max_line_value", nullptr}}}}}}, "/resolutions/keep_item/max_line_value: is required"},
        BadField{{{"fees", {{"restocking", {{"percent", 10}, {"fixed", 100}}}}}}, "/fees/restocking: give a percentage or \"fixed\", not both"},
        BadField{{{"fees", {{"restocking", {{"cap", 100}}}}}}, "/fees/restocking: expected \"fixed\", \"percent\" or \"basis_points\""},
        BadField{{{"fees", {{"label", -1}}}}, "/fees/label: expected a non-negative integer (at most 1000000000000000)"},
        BadField{{{"fees", {{"handling_by_country", {{"Norway", 1500}}}}}},
                 "/fees/handling_by_country/Norway: unknown key: expected an ISO 3166-1 alpha-2 country code such as \"NO\""}));

TEST(Policy, ReasonMayOnlyRestrictToOfferedResolutions) {
    json patch = {{"resolutions", {{"keep_item", nullptr}}},
                  {"reasons", {{{"handle", "a"}, {"labels", {{"en", "x"}}}, {"resolutions", {"keep_item"}}}}}};
    EXPECT_EQ(errors_of(patch), Errors{"/reasons/0/resolutions/0: resolution \"keep_item\" is not offered in /resolutions"});
}

TEST(Policy, AcceptsStandardBase64PublicKeys) {
    // The same 32 bytes as the base64url key in the fixture, in standard base64.
    json doc = base();
    doc["public_key"] = "ciIzYx0t0UYSchh6RdoSmLXYv3cfin2bUxNf8Euvrx8=";
    EXPECT_TRUE(parse_policy(doc).ok());
}

TEST(Policy, LocalizedLabelsFallBackToEnglish) {
    const auto p = parse_policy(base());
    const Reason* r = p.value->find_reason("too_small");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->label.get("de"), "Zu klein");
    EXPECT_EQ(r->label.get("da"), "Too small");
}

TEST(Policy, ShopperContactComesFromTheContactSectionElseMerchantEmailAndShopUrl) {
    json doc = base();
    doc["merchant"]["email"] = "returns@shop.example";
    doc["shop"]["url"] = "https://shop.example";
    const auto fallback = shopper_contact(*parse_policy(doc).value);
    EXPECT_EQ(fallback.email, "returns@shop.example");
    EXPECT_EQ(fallback.url, "https://shop.example");
    EXPECT_EQ(fallback.phone, "");
    doc["contact"] = {{"phone", "+49 40 123-456"}, {"url", "https://shop.example/help"}};
    const auto given = shopper_contact(*parse_policy(doc).value);
    EXPECT_EQ(given.phone, "+49 40 123-456");
    EXPECT_EQ(given.url, "https://shop.example/help");
    EXPECT_EQ(given.email, "");
}

TEST(Policy, ExampleAndDemoPoliciesAreValid) {
    for (const char* path : {"policy/demo.json", "../../web/policy.example.json"}) {
        const auto p = parse_policy_text(testing::read_fixture(path));
        EXPECT_TRUE(p.ok()) << path << ": " << (p.errors.empty() ? "" : p.errors[0].text());
    }
}

}  // namespace
}  // namespace retour
