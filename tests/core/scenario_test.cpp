// Every file in tests/fixtures/scenarios/ is one scenario: a policy (a shared file
// plus a merge patch), an order (merge patch over orders/base.json), "now", an
// optional selection, and what must come out. Adding a case is adding a file.
//
// Expectations are subsets of the canonical JSON output: every expected key must be
// present with an equal value; arrays must have the same length. A string expected
// where the output has an object with "code" matches that code, so
// "codes": ["window_closed"] reads naturally.
#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "core/canonical_json.h"
#include "core/eligibility.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/quote.h"
#include "core/selection.h"
#include "tests/core/fixture.h"

namespace retour {
namespace {

using nlohmann::json;
using testing::read_json_fixture;

// Empty when `actual` contains `expected`; else where it differs.
std::string first_difference(const json& expected, const json& actual, const std::string& at) {
    if (expected.is_string() && actual.is_object() && actual.contains("code"))
        return first_difference(expected, actual["code"], at);
    if (expected.is_object()) {
        if (!actual.is_object()) return at + ": expected an object, got " + actual.dump();
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (!actual.contains(it.key())) return at + "/" + it.key() + ": missing in " + actual.dump();
            auto m = first_difference(it.value(), actual[it.key()], at + "/" + it.key());
            if (!m.empty()) return m;
        }
        return "";
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size())
            return at + ": expected " + expected.dump() + ", got " + actual.dump();
        for (std::size_t i = 0; i < expected.size(); ++i) {
            auto m = first_difference(expected[i], actual[i], at + "/" + std::to_string(i));
            if (!m.empty()) return m;
        }
        return "";
    }
    return expected == actual ? "" : at + ": expected " + expected.dump() + ", got " + actual.dump();
}

json error_texts(const FieldErrors& errors) {
    json out = json::array();
    for (const auto& e : errors) out.push_back(e.text());
    return out;
}

std::vector<std::string> scenario_files() {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(std::string(RETOUR_FIXTURES) + "/scenarios"))
        if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, ProducesTheExpectedDecisionsAndQuote) {
    const json s = read_json_fixture("scenarios/" + GetParam() + ".json");
    const json& expect = s.at("expect");

    json policy_doc = read_json_fixture("policy/" + s.value("policy", std::string("base")) + ".json");
    if (s.contains("policy_patch")) policy_doc.merge_patch(s["policy_patch"]);
    json order_doc = read_json_fixture("orders/base.json");
    if (s.contains("order")) order_doc.merge_patch(s["order"]);

    const Parsed<Policy> policy = parse_policy(policy_doc);
    const Parsed<Order> order = parse_order(order_doc);
    ASSERT_EQ(error_texts(policy.errors), expect.value("policy_errors", json::array())) << "policy errors";
    ASSERT_EQ(error_texts(order.errors), expect.value("order_errors", json::array())) << "order errors";
    if (!policy.ok() || !order.ok()) return;

    const auto now = parse_instant(s.at("now").get<std::string>());
    ASSERT_TRUE(now) << "bad \"now\" in the fixture";
    EvaluationContext ctx;
    ctx.customer_returns = s.value("context", json::object()).value("customer_returns", 0);
    const auto decisions = evaluate(*policy.value, *order.value, *now, ctx);
    const json decisions_json = json::parse(canonical_dump(to_json(decisions)));
    if (expect.contains("decisions")) {
        const std::string m = first_difference(expect["decisions"], decisions_json, "/decisions");
        EXPECT_EQ(m, "") << decisions_json.dump(1);
    }

    if (s.contains("selection")) {
        const Parsed<Selection> sel = parse_selection(s["selection"]);
        ASSERT_EQ(error_texts(sel.errors), expect.value("selection_errors", json::array())) << "selection errors";
        if (!sel.ok()) return;
        const json quote_json = json::parse(canonical_dump(to_json(quote(*policy.value, *order.value, *sel.value, decisions))));
        ASSERT_TRUE(expect.contains("quote")) << "a scenario with a selection must state the expected quote";
        const std::string m = first_difference(expect["quote"], quote_json, "/quote");
        EXPECT_EQ(m, "") << quote_json.dump(1);
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Scenario, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                             return name;
                         });

TEST(ScenarioSuite, HasAtLeastSixtyScenarios) { EXPECT_GE(scenario_files().size(), 60u); }

}  // namespace
}  // namespace retour
