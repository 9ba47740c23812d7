// JSON text from outside (policies, orders, requests, webhook bodies): whatever the
// bytes, a parser answers with errors, and every error message is valid UTF-8 so it
// can be printed and sent back as JSON. Found by the fuzzers (tests/fuzz/regressions).
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/canonical_json.h"
#include "core/json_reader.h"
#include "core/label/label_json.h"
#include "core/policy.h"
#include "core/return_request.h"
#include "core/webhook.h"

namespace retour {
namespace {

TEST(JsonText, ANumberTooLargeForADoubleIsASyntaxErrorNotAnException) {
    const auto parsed = parse_return_request_text(R"({"created_at":13E640})");
    ASSERT_FALSE(parsed.ok());
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0].pointer, "");
    EXPECT_NE(parsed.errors[0].message.find("number overflow"), std::string::npos) << parsed.errors[0].message;
}

TEST(JsonText, AWebhookBodyThatIsOnlyAHugeNumberIsRejected) {
    const auto parsed = parse_webhook_text("444E444\"cou");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.errors[0].pointer, "");
}

TEST(JsonText, ASyntaxErrorAtInvalidUtf8GivesAMessageThatIsValidUtf8) {
    const auto parsed = parse_policy_text("{\"version\": \x9B\xFF}");
    ASSERT_FALSE(parsed.ok());
    const std::string& message = parsed.errors[0].message;
    EXPECT_EQ(invalid_utf8_at(message), std::string::npos) << message;
    EXPECT_NO_THROW(canonical_dump(nlohmann::json{{"message", message}}));
}

TEST(JsonText, ALabelRequestWithAHugeNumberIsReportedNotThrown) {
    const auto result = label::label_input_from_json_text(R"({"order":{"number":3E333333}})", "{}");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.errors[0].document, "request");
    EXPECT_NE(result.errors[0].message.find("number overflow"), std::string::npos) << result.errors[0].message;
}

TEST(JsonText, ALabelRequestWithInvalidUtf8GetsAValidUtf8Message) {
    const auto result = label::label_input_from_json_text("{\"id\": \xFF}", "{}");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(invalid_utf8_at(result.errors[0].message), std::string::npos) << result.errors[0].message;
}

TEST(JsonText, ValidUtf8IsAcceptedUpToU10FFFF) {
    EXPECT_EQ(invalid_utf8_at("K\xC3\xB6ln \xE2\x82\xAC \xF0\x9F\x93\xA6 \xF4\x8F\xBF\xBF"), std::string::npos);
}

TEST(JsonText, InvalidUtf8IsFoundAtItsFirstByte) {
    EXPECT_EQ(invalid_utf8_at("ab\xC0\x80"), 2u);             // overlong NUL
    EXPECT_EQ(invalid_utf8_at("a\xED\xA0\x80"), 1u);          // surrogate
    EXPECT_EQ(invalid_utf8_at("\xF4\x90\x80\x80"), 0u);       // above U+10FFFF
    EXPECT_EQ(invalid_utf8_at("Stra\xDF" "e"), 4u);            // Windows-1252 ß
    EXPECT_EQ(invalid_utf8_at("\xE2\x82"), 0u);               // cut off
}

TEST(JsonText, InvalidBytesAreReplacedByTheReplacementCharacter) {
    EXPECT_EQ(valid_utf8("Stra\xDF" "e"), "Stra\xEF\xBF\xBD" "e");
    EXPECT_EQ(valid_utf8("K\xC3\xB6ln"), "K\xC3\xB6ln");
}

}  // namespace
}  // namespace retour
