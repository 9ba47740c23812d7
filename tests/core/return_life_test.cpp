#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/return_life.h"
#include "life_fixture.h"
#include "request_fixture.h"

using namespace retour;
using namespace retour::testing;
using T = LifeEventType;
using S = ReturnState;

namespace {

// The shortest history that ends in each state.
const std::map<S, std::vector<T>> kPaths = {
    {S::requested, {T::requested}},
    {S::needs_review, {T::requested, T::needs_review}},
    {S::approved, {T::requested, T::approved}},
    {S::rejected, {T::requested, T::rejected}},
    {S::info_requested, {T::requested, T::info_requested}},
    {S::label_issued, {T::requested, T::approved, T::label_issued}},
    {S::in_transit, {T::requested, T::approved, T::in_transit}},
    {S::received, {T::requested, T::approved, T::received}},
    {S::refunded, {T::requested, T::approved, T::received, T::refunded}},
    {S::store_credit_issued, {T::requested, T::approved, T::received, T::store_credit_issued}},
    {S::exchange_shipped, {T::requested, T::approved, T::received, T::exchange_shipped}},
    {S::closed, {T::requested, T::approved, T::received, T::refunded, T::closed}},
};

// Written out, not derived from the code: which change each state allows.
const std::map<S, std::set<T>> kAllowed = {
    {S::requested, {T::needs_review, T::approved, T::rejected, T::info_requested, T::closed}},
    {S::needs_review, {T::approved, T::rejected, T::info_requested, T::closed}},
    {S::approved, {T::rejected, T::label_issued, T::in_transit, T::received, T::closed}},
    {S::rejected, {T::closed}},
    {S::info_requested, {T::approved, T::rejected, T::info_received, T::closed}},
    {S::label_issued, {T::rejected, T::in_transit, T::received, T::closed}},
    {S::in_transit, {T::received, T::closed}},
    {S::received, {T::refunded, T::store_credit_issued, T::exchange_shipped, T::closed}},
    {S::refunded, {T::refunded, T::store_credit_issued, T::exchange_shipped, T::closed}},
    {S::store_credit_issued, {T::refunded, T::store_credit_issued, T::exchange_shipped, T::closed}},
    {S::exchange_shipped, {T::refunded, T::store_credit_issued, T::closed}},
    {S::closed, {}},
};


class LifeTransitions : public ::testing::TestWithParam<S> {};

}  // namespace

TEST_P(LifeTransitions, EveryChangeFromThisStateIsAllowedOrRefusedWithAReason) {
    const S from = GetParam();
    const ReturnLife life = life_through(kPaths.at(from));
    ASSERT_EQ(life.state, from);
    for (T type : kLifeEventTypes) {
        SCOPED_TRACE(std::string(to_string(from)) + " -> " + to_string(type));
        const Advanced a = advance(life, valid(type, 100));
        if (kAllowed.at(from).count(type)) {
            EXPECT_TRUE(a.ok()) << code_of(a);
            EXPECT_EQ(a.life.state, state_after(type));
            EXPECT_EQ(a.life.events.size(), life.events.size() + 1);
        } else {
            ASSERT_FALSE(a.ok());
            const char* expected = type == T::requested   ? "already_requested"
                                   : from == S::closed    ? "return_closed"
                                                          : "transition_not_allowed";
            EXPECT_EQ(code_of(a), expected);
            EXPECT_FALSE(a.refusal->message.empty());
            EXPECT_EQ(a.life.events.size(), life.events.size()) << "a refused change is not recorded";
            EXPECT_EQ(a.life.state, from);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(EveryState, LifeTransitions,
                         ::testing::Values(S::requested, S::needs_review, S::approved, S::rejected, S::info_requested,
                                           S::label_issued, S::in_transit, S::received, S::refunded,
                                           S::store_credit_issued, S::exchange_shipped, S::closed),
                         [](const auto& info) { return std::string(to_string(info.param)); });

TEST(ReturnLife, AHistoryStartsWithTheRequestAndNothingElse) {
    ReturnLife empty;
    empty.facts = facts();
    EXPECT_EQ(code_of(advance(empty, valid(T::approved, 0))), "not_requested");
    const Advanced a = advance(empty, valid(T::requested, 0));
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.life.state, S::requested);
}

TEST(ReturnLife, InformationReceivedGoesBackToReview) {
    const ReturnLife life = life_through({T::requested, T::info_requested, T::info_received});
    EXPECT_EQ(life.state, S::needs_review);
}

TEST(ReturnLife, EveryChangeSaysWho) {
    LifeEvent e = valid(T::approved, 1);
    e.actor = "  ";
    EXPECT_EQ(code_of(advance(life_through({T::requested}), e)), "actor_required");
}

TEST(ReturnLife, RejectingAndAskingForInformationNeedANoteForTheShopper) {
    const ReturnLife life = life_through({T::requested, T::needs_review});
    for (T type : {T::rejected, T::info_requested}) {
        LifeEvent e = valid(type, 5);
        e.note = "";
        const Advanced a = advance(life, e);
        EXPECT_EQ(code_of(a), "note_required");
        EXPECT_EQ(a.refusal->next, type);
    }
    LifeEvent approve = valid(T::approved, 5);
    approve.note = "";
    EXPECT_TRUE(advance(life, approve).ok()) << "approving needs no note";
}

TEST(ReturnLife, ClosingAnUnsettledReturnNeedsANoteASettledOneDoesNot) {
    LifeEvent close = valid(T::closed, 50);
    close.note = "";
    EXPECT_EQ(code_of(advance(life_through(kPaths.at(S::in_transit)), close)), "note_required");
    EXPECT_TRUE(advance(life_through(kPaths.at(S::refunded)), close).ok());
    EXPECT_TRUE(advance(life_through(kPaths.at(S::rejected)), close).ok());
    close.note = "parcel never arrived";
    EXPECT_TRUE(advance(life_through(kPaths.at(S::in_transit)), close).ok());
}

TEST(ReturnLife, AChangeCannotBeDatedBeforeThePreviousOne) {
    const ReturnLife life = life_through({T::requested, T::approved});
    LifeEvent e = valid(T::in_transit, 0);
    e.at = Instant{life.events.back().at.unix_seconds - 1};
    const Advanced a = advance(life, e);
    EXPECT_EQ(code_of(a), "time_before_previous");
    ASSERT_TRUE(a.refusal->at);
    EXPECT_EQ(*a.refusal->at, life.events.back().at);
    e.at = life.events.back().at;
    EXPECT_TRUE(advance(life, e).ok()) << "the same second is fine";
}

TEST(ReturnLife, ReceivingNeedsAnInspectionOfEveryLine) {
    const ReturnLife life = life_through({T::requested, T::approved, T::in_transit});
    LifeEvent e = valid(T::received, 10);
    e.inspection = {{"L1", InspectionResult::as_new}};
    Advanced a = advance(life, e);
    EXPECT_EQ(code_of(a), "inspection_required");
    EXPECT_EQ(a.refusal->line, "L2");
    e.inspection = {{"L1", InspectionResult::as_new}, {"L9", InspectionResult::missing}};
    a = advance(life, e);
    EXPECT_EQ(code_of(a), "inspection_unknown_line");
    EXPECT_EQ(a.refusal->line, "L9");
    e.inspection = {{"L1", InspectionResult::as_new}, {"L1", InspectionResult::damaged}, {"L2", InspectionResult::missing}};
    EXPECT_EQ(code_of(advance(life, e)), "inspection_unknown_line") << "a line inspected twice";
    e.inspection = {{"L2", InspectionResult::wrong_item}, {"L1", InspectionResult::missing}};
    a = advance(life, e);
    ASSERT_TRUE(a.ok()) << code_of(a);
    ASSERT_EQ(a.life.inspection.size(), 2u);
    EXPECT_EQ(a.life.inspection[0].result, InspectionResult::wrong_item);
}

TEST(ReturnLife, OnlyReceivingCarriesAnInspection) {
    LifeEvent e = valid(T::in_transit, 5);
    e.inspection = {{"L1", InspectionResult::as_new}};
    const Advanced a = advance(life_through({T::requested, T::approved}), e);
    EXPECT_EQ(code_of(a), "inspection_not_allowed");
}

TEST(ReturnLife, RefundsAddUpToAtMostWhatTheQuoteGivesBack) {
    const ReturnLife received = life_through(kPaths.at(S::received));
    LifeEvent refund = valid(T::refunded, 10);
    refund.amount = 5001;
    Advanced a = advance(received, refund);
    EXPECT_EQ(code_of(a), "amount_above_quote");
    EXPECT_EQ(a.refusal->left, 5000);
    refund.amount = 3000;
    a = advance(received, refund);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.life.refunded, 3000);
    refund.amount = 2001;
    const Advanced second = advance(a.life, refund);
    EXPECT_EQ(code_of(second), "amount_above_quote") << "the second refund counts the first";
    EXPECT_EQ(second.refusal->left, 2000);
    refund.amount = 2000;
    const Advanced exact = advance(a.life, refund);
    ASSERT_TRUE(exact.ok());
    EXPECT_EQ(exact.life.refunded, 5000);
}

TEST(ReturnLife, AnOverrideNoteRecordsMoreThanTheQuote) {
    LifeEvent refund = valid(T::refunded, 10);
    refund.amount = 6000;
    refund.override_note = " ";
    EXPECT_EQ(code_of(advance(life_through(kPaths.at(S::received)), refund)), "amount_above_quote") << "a blank note is none";
    refund.override_note = "goodwill: late delivery";
    const Advanced a = advance(life_through(kPaths.at(S::received)), refund);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.life.refunded, 6000);
}

TEST(ReturnLife, StoreCreditHasItsOwnLimit) {
    LifeEvent credit = valid(T::store_credit_issued, 10);
    credit.amount = 3001;
    EXPECT_EQ(code_of(advance(life_through(kPaths.at(S::refunded)), credit)), "amount_above_quote");
    credit.amount = 3000;
    const Advanced a = advance(life_through(kPaths.at(S::refunded)), credit);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.life.store_credit_issued, 3000);
    EXPECT_EQ(a.life.refunded, 1000);
}

TEST(ReturnLife, SettlingNeedsAPositiveAmountAndOtherChangesCarryNone) {
    LifeEvent refund = valid(T::refunded, 10);
    refund.amount.reset();
    EXPECT_EQ(code_of(advance(life_through(kPaths.at(S::received)), refund)), "amount_required");
    refund.amount = 0;
    EXPECT_EQ(code_of(advance(life_through(kPaths.at(S::received)), refund)), "amount_required");
    LifeEvent approve = valid(T::approved, 10);
    approve.amount = 100;
    EXPECT_EQ(code_of(advance(life_through({T::requested}), approve)), "amount_not_allowed");
    approve.amount.reset();
    approve.override_note = "why";
    EXPECT_EQ(code_of(advance(life_through({T::requested}), approve)), "amount_not_allowed");
}

TEST(ReturnLife, AKeepTheItemReturnIsSettledOnceApproved) {
    LifeFacts keep = facts();
    keep.nothing_to_send = true;
    const ReturnLife approved = life_through({T::requested, T::approved}, keep);
    EXPECT_TRUE(advance(approved, valid(T::refunded, 10)).ok());
    EXPECT_TRUE(advance(approved, valid(T::store_credit_issued, 10)).ok());
    EXPECT_EQ(code_of(advance(life_through({T::requested, T::approved}), valid(T::refunded, 10))),
              "transition_not_allowed") << "a parcel is expected first";
}

TEST(ReturnLife, AnExchangeIsShippedOnlyWhenOneWasAskedFor) {
    LifeFacts no_exchange = facts();
    no_exchange.has_exchange = false;
    const ReturnLife life = life_through(kPaths.at(S::received), no_exchange);
    EXPECT_EQ(code_of(advance(life, valid(T::exchange_shipped, 10))), "no_exchange");
}

TEST(ReturnLife, ReplayStopsAtTheFirstRefusedChange) {
    const Advanced a = replay(facts(), {valid(T::requested, 0), valid(T::received, 1), valid(T::approved, 2)});
    EXPECT_EQ(code_of(a), "transition_not_allowed");
    EXPECT_EQ(a.life.events.size(), 1u);
}

TEST(ReturnLife, EventsRoundTripThroughCanonicalJson) {
    LifeEvent e = valid(T::received, 3);
    e.override_note = "";
    const nlohmann::json j = to_json(e);
    EXPECT_EQ(j.dump(), R"({"actor":"anna","at":"2026-11-30T00:56:20Z","inspection":[{"line_id":"L1","result":"as_new"},)"
                        R"({"line_id":"L2","result":"damaged"}],"note":"checked","type":"received"})");
    const Parsed<LifeEvent> back = parse_life_event(j);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(to_json(*back.value), j);
    LifeEvent r = valid(T::needs_review, 1);
    r.codes = {"review_reason", "late_delivery"};
    r.amount = 5;
    EXPECT_EQ(to_json(*parse_life_event(to_json(r)).value), to_json(r));
}

TEST(ReturnLife, ABadEventSaysWhereItIsWrong) {
    const Parsed<LifeEvent> p = parse_life_event(nlohmann::json::parse(
        R"({"actor":"a","at":"yesterday","type":"teleported","inspection":[{"line_id":"L1","result":"soggy"}],"x":1})"));
    EXPECT_FALSE(p.ok());
    std::set<std::string> pointers;
    for (const auto& e : p.errors) pointers.insert(e.pointer);
    EXPECT_TRUE(pointers.count("/type"));
    EXPECT_TRUE(pointers.count("/at"));
    EXPECT_TRUE(pointers.count("/inspection/0/result"));
    EXPECT_TRUE(pointers.count("/x"));
}

TEST(ReturnLife, FactsComeFromTheVerifiedQuote) {
    const retour::testing::RequestFixture fx;
    const ReturnRequest request = fx.request();
    const LifeFacts f = life_facts(request);
    EXPECT_EQ(f.currency, request.quote["currency"]);
    ASSERT_EQ(f.line_ids.size(), request.lines.size());
    EXPECT_EQ(f.line_ids[0], request.lines[0].line_id);
    EXPECT_EQ(f.refund_max, request.quote["totals"]["refund"].get<std::int64_t>());
    EXPECT_EQ(f.store_credit_max, request.quote["totals"]["store_credit"].get<std::int64_t>() +
                                      request.quote["totals"]["gift_card"].get<std::int64_t>());
    EXPECT_FALSE(f.nothing_to_send);
}

TEST(ReturnLife, IntakeIsRequestedThenReviewOrAutoApprovalOrNothing) {
    retour::testing::RequestFixture fx;
    const ReturnRequest request = fx.request();
    const Instant received{request.created_at.unix_seconds + 30};
    std::vector<LifeEvent> events = intake_events(fx.policy, request, {"review_reason"}, received);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].type, T::requested);
    EXPECT_EQ(events[0].at, request.created_at);
    EXPECT_EQ(events[0].actor, "shopper");
    EXPECT_EQ(events[1].type, T::needs_review);
    EXPECT_EQ(events[1].codes, std::vector<std::string>{"review_reason"});
    EXPECT_EQ(events[1].at, received);
    EXPECT_TRUE(replay(life_facts(request), events).ok());

    EXPECT_EQ(intake_events(fx.policy, request, {}, received).size(), 1u) << "auto_approve is off by default";
    fx.policy.review.auto_approve = true;
    events = intake_events(fx.policy, request, {}, received);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].type, T::approved);
    EXPECT_EQ(events[1].actor, "policy");
    EXPECT_EQ(intake_events(fx.policy, request, {"late_delivery"}, received)[1].type, T::needs_review)
        << "a request flagged for review is never approved automatically";
    // The shopper's clock a little ahead: the receiver's step is not dated before the request.
    events = intake_events(fx.policy, request, {}, Instant{request.created_at.unix_seconds - 20});
    EXPECT_EQ(events[1].at, request.created_at);
    EXPECT_TRUE(replay(life_facts(request), events).ok());
}

TEST(ReturnLife, PolicyReadsAutoApprove) {
    nlohmann::json doc = nlohmann::json::parse(retour::testing::read_fixture("receiver/policy.json"));
    EXPECT_FALSE(parse_policy(doc).value->review.auto_approve);
    doc["review"]["auto_approve"] = true;
    EXPECT_TRUE(parse_policy(doc).value->review.auto_approve);
    doc["review"]["auto_approve"] = "yes";
    const Parsed<Policy> bad = parse_policy(doc);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.errors[0].pointer, "/review/auto_approve");
}
