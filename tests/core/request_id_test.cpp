#include <gtest/gtest.h>

#include "core/request_id.h"
#include "core/return_method.h"

namespace retour {
namespace {

TEST(RequestId, IsReqAndTheRandomBytesInHex) {
    std::array<std::uint8_t, kRequestIdRandomBytes> random{};
    for (std::size_t i = 0; i < random.size(); ++i) random[i] = static_cast<std::uint8_t>(i * 17);
    EXPECT_EQ(make_request_id(random), "req_00112233445566778899aabbccddeeff");
    EXPECT_TRUE(valid_request_id(make_request_id(random)));
}

TEST(RequestId, DifferentRandomnessGivesADifferentId) {
    std::array<std::uint8_t, kRequestIdRandomBytes> a{}, b{};
    b[15] = 1;
    EXPECT_NE(make_request_id(a), make_request_id(b));
}

TEST(RequestId, AcceptsOlderIdsAndRefusesOthers) {
    EXPECT_TRUE(valid_request_id("req_01HZX4T9Q8M2K7B3N5V6C8D0EF"));    // docs, fixtures
    EXPECT_TRUE(valid_request_id("0123456789abcdef0123456789abcdef"));  // portals before "req_"
    EXPECT_TRUE(valid_request_id("req_AbC-_xyz"));                      // make-request's base64url
    EXPECT_FALSE(valid_request_id("short"));
    EXPECT_FALSE(valid_request_id("req 1234567"));
    EXPECT_FALSE(valid_request_id(std::string(129, 'a')));
}

TEST(ReturnMethod, RoundTripsEveryMethodAndRefusesOthers) {
    for (ReturnMethod m : {ReturnMethod::print_label, ReturnMethod::drop_off, ReturnMethod::prepaid})
        EXPECT_EQ(parse_return_method(to_string(m)), m);
    EXPECT_FALSE(parse_return_method("courier"));
    EXPECT_FALSE(parse_return_method(""));
}

}  // namespace
}  // namespace retour
