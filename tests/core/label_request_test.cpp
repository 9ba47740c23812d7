#include <gtest/gtest.h>

#include "core/label/label.h"
#include "core/label/label_json.h"
#include "core/label/label_request.h"
#include "request_fixture.h"

namespace retour::label {
namespace {

using retour::testing::read_fixture;
using retour::testing::RequestFixture;

const RequestFixture& fx() {
    static const RequestFixture f;
    return f;
}

LabelInput from_json(const ReturnRequest& r) {
    auto in = label_input_from_json(to_json(r), nlohmann::json::parse(read_fixture("receiver/policy.json")));
    EXPECT_TRUE(in.ok()) << (in.errors.empty() ? "" : in.errors[0].to_string());
    return in.input.value();
}

// The typed path and the JSON path draw the same label, byte for byte, in every format.
TEST(LabelFromRequest, DrawsTheSameLabelAsTheRequestsJson) {
    for (const char* locale : {"de", "en", "da"}) {
        ReturnRequest r = fx().request();
        r.locale = locale;
        const LabelFromRequest typed = label_input(r, fx().policy);
        ASSERT_TRUE(typed.ok()) << typed.error;
        const LabelInput json = from_json(r);
        EXPECT_EQ(typed.input->rma, json.rma);
        EXPECT_EQ(typed.input->qr_payload, json.qr_payload);
        ASSERT_EQ(typed.input->items.size(), json.items.size());
        for (std::size_t i = 0; i < json.items.size(); ++i) EXPECT_EQ(typed.input->items[i].reason, json.items[i].reason);
        for (LabelFormat f : {LabelFormat::pdf, LabelFormat::svg, LabelFormat::zpl})
            for (LabelSize s : {LabelSize::four_by_six, LabelSize::a4})
                EXPECT_EQ(render_label(*typed.input, {s, f}).bytes, render_label(json, {s, f}).bytes) << locale;
    }
}

TEST(LabelFromRequest, PrintsAReasonHandleAsThePolicysLabelInTheRequestsLanguage) {
    ReturnRequest r = fx().request();
    const Reason* reason = fx().policy.find_reason(r.lines[0].reason);
    ASSERT_NE(reason, nullptr);
    r.locale = "de-AT";
    EXPECT_EQ(label_input(r, fx().policy).input->items[0].reason, reason->label.get("de"));
    r.lines[0].reason = "not_a_handle";
    EXPECT_EQ(label_input(r, fx().policy).input->items[0].reason, "not_a_handle");
}

TEST(LabelFromRequest, DerivesTheRmaWhenTheRequestHasNone) {
    ReturnRequest r = fx().request();
    const std::string rma = r.rma;
    r.rma.clear();
    EXPECT_EQ(label_input(r, fx().policy).input->rma, rma);
}

TEST(LabelFromRequest, RefusesARequestWithoutAnAddress) {
    ReturnRequest r = fx().request();
    r.shopper.address.reset();
    const LabelFromRequest l = label_input(r, fx().policy);
    EXPECT_FALSE(l.ok());
    EXPECT_NE(l.error.find("/shopper/address"), std::string::npos);
}

}  // namespace
}  // namespace retour::label
