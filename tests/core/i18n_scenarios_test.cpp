// Every decision and quote error the scenario fixtures produce has a sentence in every
// language: a code added to eligibility.cpp or quote.cpp without one fails here.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/eligibility.h"
#include "core/i18n/catalog.h"
#include "core/i18n/describe.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/quote.h"
#include "core/selection.h"
#include "tests/core/fixture.h"

namespace retour::i18n {
namespace {

using nlohmann::json;

struct Outcome {
    std::vector<Decision> decisions;
    std::vector<QuoteError> quote_errors;
    std::vector<std::string> review_codes;  // of the quote's lines
    Currency currency;
};

// The scenario's decisions (and quote errors, when it has a selection); nothing when
// its policy or order is meant to be invalid.
std::optional<Outcome> run(const std::string& name) {
    const json s = testing::read_json_fixture("scenarios/" + name);
    json policy_doc = testing::read_json_fixture("policy/" + s.value("policy", std::string("base")) + ".json");
    if (s.contains("policy_patch")) policy_doc.merge_patch(s["policy_patch"]);
    json order_doc = testing::read_json_fixture("orders/base.json");
    if (s.contains("order")) order_doc.merge_patch(s["order"]);
    const Parsed<Policy> policy = parse_policy(policy_doc);
    const Parsed<Order> order = parse_order(order_doc);
    const auto now = parse_instant(s.at("now").get<std::string>());
    if (!policy.ok() || !order.ok() || !now) return std::nullopt;
    EvaluationContext ctx;
    ctx.customer_returns = s.value("context", json::object()).value("customer_returns", 0);
    Outcome out;
    out.currency = order.value->currency;
    out.decisions = evaluate(*policy.value, *order.value, *now, ctx);
    if (s.contains("selection")) {
        const Parsed<Selection> sel = parse_selection(s["selection"]);
        if (sel.ok()) {
            const Quote q = quote(*policy.value, *order.value, *sel.value, out.decisions);
            out.quote_errors = q.errors;
            for (const auto& line : q.lines)
                for (const char* code : line.review_codes) out.review_codes.push_back(code);
        }
    }
    return out;
}

TEST(I18nScenarios, EveryFindingAndQuoteErrorInTheFixturesHasASentenceInEveryLanguage) {
    int findings = 0, errors = 0;
    for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path("scenarios"))) {
        if (entry.path().extension() != ".json") continue;
        const auto outcome = run(entry.path().filename().string());
        if (!outcome) continue;
        for (const auto& info : available_locales()) {
            for (const Decision& d : outcome->decisions) {
                EXPECT_EQ(describe(d, info.locale, outcome->currency).find('{'), std::string::npos);
                for (const Finding& f : d.findings) {
                    const std::string s = describe(f, info.locale, outcome->currency);
                    EXPECT_EQ(s.find(f.code), std::string::npos)
                        << entry.path().filename() << ": no sentence for " << f.code << " in " << info.tag;
                    EXPECT_EQ(s.find('{'), std::string::npos) << s;
                    ++findings;
                }
            }
            for (const QuoteError& e : outcome->quote_errors) {
                EXPECT_EQ(describe(e, info.locale).find(e.code), std::string::npos)
                    << entry.path().filename() << ": no sentence for " << e.code << " in " << info.tag;
                ++errors;
            }
            for (const std::string& code : outcome->review_codes) {
                // Known review codes of quote lines get a sentence of their own or the general one.
                EXPECT_TRUE(code == "review_reason" || code == "review_high_value" || code == "review_customer_history")
                    << entry.path().filename() << ": describe_review does not know " << code;
                EXPECT_FALSE(describe_review(code, info.locale).empty());
            }
        }
    }
    // The sweep means something only if the fixtures exercise codes at all.
    EXPECT_GT(findings, 50);
    EXPECT_GT(errors, 10);
}

}  // namespace
}  // namespace retour::i18n
