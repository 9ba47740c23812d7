#include <gtest/gtest.h>

#include "core/confirm_request.h"
#include "core/label/rma.h"
#include "core/request_verify.h"
#include "request_fixture.h"

namespace retour {
namespace {

using testing::RequestFixture;

const RequestFixture& fx() {
    static const RequestFixture f;
    return f;
}

RequestDraft draft() {
    RequestDraft d;
    d.id = "req_00112233445566778899aabbccddeeff";
    d.token = sign_order(fx().order, fx().key.secret_key);
    d.shopper = Shopper{"Ana Lima", "ana@example.com", PostalAddress{"Rua 1", "", "Köln", "50667", "", "DE"}};
    d.selection = fx().selection();
    d.locale = "de";
    return d;
}

TEST(ConfirmRequest, BuildsARequestTheReceiverVerifies) {
    const Confirmation c = confirm_request(fx().policy, fx().order, draft(), fx().created_at);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c.request->id, "req_00112233445566778899aabbccddeeff");
    EXPECT_EQ(c.request->created_at, fx().created_at);
    EXPECT_TRUE(label::is_rma_of(fx().policy.labels.rma_prefix, c.request->id, c.request->rma));
    EXPECT_EQ(c.request->quote, to_json(c.quote));
    const Verification v = verify_request(fx().policy, *c.request, fx().created_at);
    EXPECT_TRUE(v.ok());
    // The receiver keeps its own typed quote of it, equal to what the shopper saw.
    EXPECT_EQ(to_json(v.quote), c.request->quote);
}

TEST(ConfirmRequest, RefusesASelectionTheQuoteRefuses) {
    RequestDraft d = draft();
    d.selection.lines[0].reason = "just_because";
    const Confirmation c = confirm_request(fx().policy, fx().order, d, fx().created_at);
    EXPECT_FALSE(c.ok());
    ASSERT_FALSE(c.quote.ok());
    EXPECT_STREQ(c.quote.errors[0].code, "unknown_reason");
}

TEST(ConfirmRequest, RefusesAnIncompleteAddressUnlessTheCheckIsSkipped) {
    RequestDraft d = draft();
    d.shopper.address->postcode = "";
    const Confirmation c = confirm_request(fx().policy, fx().order, d, fx().created_at);
    EXPECT_FALSE(c.ok());
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].field, "postcode");
    ConfirmOptions skip;
    skip.skip_shopper_check = true;
    EXPECT_TRUE(confirm_request(fx().policy, fx().order, d, fx().created_at, skip).ok());
}

TEST(ConfirmRequest, PricesAtNowNotAtTheDraftsTime) {
    RequestDraft d = draft();
    d.created_at = *parse_instant("2020-01-01T00:00:00Z");
    const Instant late = *parse_instant("2026-12-07T10:00:00Z");  // the window closed 2026-12-05
    const Confirmation c = confirm_request(fx().policy, fx().order, d, late);
    EXPECT_FALSE(c.ok());
    EXPECT_FALSE(c.quote.ok());
}

TEST(ConfirmRequest, DemoOptionOverridesThePolicy) {
    ConfirmOptions o;
    o.demo = true;
    EXPECT_TRUE(confirm_request(fx().policy, fx().order, draft(), fx().created_at, o).request->demo);
    EXPECT_EQ(confirm_request(fx().policy, fx().order, draft(), fx().created_at).request->demo, fx().policy.demo);
}

TEST(ConfirmRequest, AnInvalidIdIsABug) {
    RequestDraft d = draft();
    d.id = "bad id";
    EXPECT_THROW(confirm_request(fx().policy, fx().order, d, fx().created_at), std::invalid_argument);
}

}  // namespace
}  // namespace retour
