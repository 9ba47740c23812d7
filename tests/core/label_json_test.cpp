#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/label/label_json.h"
#include "core/label/qr.h"
#include "core/label/rma.h"
#include "tests/core/fixture.h"

using namespace retour::label;
using nlohmann::json;
using retour::testing::read_json_fixture;

namespace {

json request() { return read_json_fixture("labels/request.json"); }
json policy() { return read_json_fixture("labels/policy.json"); }

// The single error of a mapping that must fail.
FieldError only_error(const json& req, const json& pol) {
    auto r = label_input_from_json(req, pol);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.errors.size(), 1u);
    return r.errors.empty() ? FieldError{} : r.errors.front();
}

}  // namespace

TEST(LabelInputFromJson, MapsTheSampleRequestAndPolicy) {
    auto r = label_input_from_json(request(), policy());
    ASSERT_TRUE(r.ok()) << r.errors.front().to_string();
    const LabelInput& in = *r.input;
    EXPECT_EQ(in.shop_name, "Nordwind Outfitters");
    EXPECT_EQ(in.from.name, "J\xC3\xB8rgen M\xC3\xBCller");
    EXPECT_EQ(in.from.line2, "Hinterhaus, 3. OG");
    EXPECT_EQ(in.to.name, "Nordwind Outfitters Returns");
    EXPECT_EQ(in.order_number, "NW-100234");
    EXPECT_EQ(in.carrier, "DHL");
    EXPECT_EQ(in.service, "Paket Retoure");
    EXPECT_EQ(in.return_method, retour::ReturnMethod::print_label);
    ASSERT_EQ(in.items.size(), 3u);
    EXPECT_EQ(in.items[1].quantity, 2);
    EXPECT_EQ(in.items[1].variant, "43\xE2\x80\x93" "46");
    EXPECT_FALSE(in.demo);
}

TEST(LabelInputFromJson, ComputesTheRmaFromTheRequestIdWhenAbsent) {
    auto r = label_input_from_json(request(), policy());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.input->rma, rma_number("NW", "req_01HZX4T9Q8M2K7B3N5V6C8D0EF"));
}

TEST(LabelInputFromJson, KeepsAValidRmaFromTheRequest) {
    json req = request();
    req["rma"] = "ABC-00000000000";
    EXPECT_EQ(label_input_from_json(req, policy()).input->rma, "ABC-00000000000");
}

TEST(LabelInputFromJson, RejectsAnRmaWithAWrongCheckSymbol) {
    json req = request();
    req["rma"] = "NW-00000000001";
    auto e = only_error(req, policy());
    EXPECT_EQ(e.document, "request");
    EXPECT_EQ(e.pointer, "/rma");
}

TEST(LabelInputFromJson, BuildsTheStatusUrlQrPayload) {
    auto r = label_input_from_json(request(), policy());
    EXPECT_EQ(r.input->qr_payload, "https://nordwind.example/returns/status/" + r.input->rma);
}

TEST(LabelInputFromJson, BuildsTheCompactJsonQrPayload) {
    json pol = policy();
    pol["labels"]["qr"] = {{"payload", "compact"}};
    auto r = label_input_from_json(request(), pol);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.input->qr_payload,
              "{\"rma\":\"" + r.input->rma + "\",\"order\":\"NW-100234\",\"merchant\":\"Nordwind Outfitters\"}");
}

TEST(LabelInputFromJson, PrintsNoQrWhenThePolicyAsksForNone) {
    json pol = policy();
    pol["labels"].erase("qr");
    EXPECT_EQ(label_input_from_json(request(), pol).input->qr_payload, "");
}

TEST(LabelInputFromJson, NamesAMissingFieldByItsPointer) {
    json req = request();
    req["shopper"]["address"].erase("city");
    auto e = only_error(req, policy());
    EXPECT_EQ(e.to_string(), "request /shopper/address/city: missing");
}

TEST(LabelInputFromJson, NamesAWrongTypeByItsPointer) {
    json pol = policy();
    pol["shop"]["name"] = 42;
    EXPECT_EQ(only_error(request(), pol).to_string(), "policy /shop/name: must be a string");
}

TEST(LabelInputFromJson, RejectsAQuantityBelowOne) {
    json req = request();
    req["lines"][2]["quantity"] = 0;
    EXPECT_EQ(only_error(req, policy()).pointer, "/lines/2/quantity");
}

TEST(LabelInputFromJson, RejectsAnUnknownReturnMethod) {
    json req = request();
    req["return_method"] = "pigeon";
    EXPECT_EQ(only_error(req, policy()).pointer, "/return_method");
}

TEST(LabelInputFromJson, RejectsAStatusUrlWithoutThePlaceholder) {
    json pol = policy();
    pol["labels"]["qr"]["status_url"] = "https://x.example/status";
    EXPECT_EQ(only_error(request(), pol).pointer, "/labels/qr/status_url");
}

TEST(LabelInputFromJson, RejectsAPrefixThatCannotBeInAnRma) {
    json pol = policy();
    pol["labels"]["rma_prefix"] = "nw-1";
    EXPECT_EQ(only_error(request(), pol).pointer, "/labels/rma_prefix");
    for (const char* prefix : {"N", "NORDWI"}) {
        pol["labels"]["rma_prefix"] = prefix;
        const bool fits = std::string(prefix).size() >= 2;
        EXPECT_EQ(label_input_from_json(request(), pol).ok(), fits) << prefix;
    }
    pol["labels"]["rma_prefix"] = "NORDWIN";
    EXPECT_EQ(only_error(request(), pol).message, "must be 2 to 6 upper-case letters or digits");
}

TEST(LabelInputFromJson, ReportsEveryProblemAtOnce) {
    json req = request();
    req.erase("locale");
    req["order"].erase("number");
    EXPECT_EQ(label_input_from_json(req, policy()).errors.size(), 2u);
}

TEST(LabelInputFromJson, DatesTheRequestInTheShopsTimeZone) {
    json req = request();
    req["created_at"] = "2026-11-20T23:30:00Z";
    EXPECT_EQ(label_input_from_json(req, policy()).input->requested_on, retour::Date::from_civil(2026, 11, 20));
    json pol = policy();
    pol["time_zone"] = "Europe/Berlin";
    EXPECT_EQ(label_input_from_json(req, pol).input->requested_on, retour::Date::from_civil(2026, 11, 21));
    req.erase("created_at");
    EXPECT_EQ(label_input_from_json(req, pol).input->requested_on, std::nullopt);
}

TEST(LabelInputFromJson, NamesAMalformedCreatedAt) {
    json req = request();
    req["created_at"] = "yesterday";
    EXPECT_EQ(only_error(req, policy()).pointer, "/created_at");
}

TEST(LabelInputFromJson, MarksTheLabelAsDemoWhenEitherDocumentSaysSo) {
    json pol = policy();
    pol["demo"] = true;
    EXPECT_TRUE(label_input_from_json(request(), pol).input->demo);
}

TEST(LabelInputFromJsonText, ReportsInvalidJsonForItsDocument) {
    auto r = label_input_from_json_text("{}", "{\"shop\": ");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].document, "policy");
    EXPECT_NE(r.errors[0].message.find("not valid JSON"), std::string::npos);
}

TEST(QrPayload, ReplacesEveryRmaPlaceholder) {
    EXPECT_EQ(qr_status_url("https://x/{rma}?r={rma}", "AB-1"), "https://x/AB-1?r=AB-1");
}

TEST(EncodeQr, UsesLevelMAndGrowsWithThePayload) {
    // 33 modules: version 4, whose level-M byte capacity is 62.
    EXPECT_EQ(encode_qr(std::string(62, 'a'))->size, 33);
    EXPECT_EQ(encode_qr(std::string(63, 'a'))->size, 37);
    EXPECT_FALSE(encode_qr(""));
}
