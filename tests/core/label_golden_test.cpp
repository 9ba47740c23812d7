// Golden labels: the bytes of every size and format are pinned by an FNV-1a 64
// hash in tests/fixtures/labels/golden/hashes.json, and the ZPL of the two 4x6
// samples is stored whole. The same test runs natively and in wasm, so passing
// in both proves the output is byte-identical across platforms.
// After an intended change, regenerate with tests/labels/update_golden.sh BUILD_DIR.
#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/label/label.h"
#include "core/label/rma.h"
#include "tests/core/fixture.h"
#include "tests/core/label_test_inputs.h"

using namespace retour::label;
using retour::testing::label_fixture_input;
using retour::testing::read_fixture;
using retour::testing::read_json_fixture;

namespace {

std::string hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

struct GoldenCase {
    std::string key;  // "sample/4x6/pdf"
    std::string hash;
};

std::vector<GoldenCase> golden_cases() {
    // Runs while tests are registered: a broken fixture must fail a test
    // (CoversAllTwentyFourCombinations), not abort the whole binary.
    std::vector<GoldenCase> out;
    try {
        const nlohmann::json hashes = read_json_fixture("labels/golden/hashes.json");
        for (auto it = hashes.begin(); it != hashes.end(); ++it) out.push_back({it.key(), it.value().get<std::string>()});
    } catch (const std::exception&) {
        out.clear();
    }
    return out;
}

Label render(const std::string& key) {
    auto first = key.find('/'), second = key.find('/', first + 1);
    std::string sample = key.substr(0, first);
    auto size = parse_label_size(key.substr(first + 1, second - first - 1));
    auto format = parse_label_format(key.substr(second + 1));
    if (!size || !format) throw std::runtime_error("bad golden key " + key);
    auto input = sample == "sample" ? label_fixture_input("request.json", "policy.json")
                                    : label_fixture_input("request-hostile.json", "policy-json-qr.json");
    return render_label(input, {*size, *format});
}

class GoldenLabelTest : public ::testing::TestWithParam<GoldenCase> {};

}  // namespace

TEST_P(GoldenLabelTest, RendersTheSameBytesAsPinned) {
    const auto& c = GetParam();
    EXPECT_EQ(hex(fnv1a64(render(c.key).bytes)), c.hash) << c.key;
}

INSTANTIATE_TEST_SUITE_P(EverySizeAndFormat, GoldenLabelTest, ::testing::ValuesIn(golden_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                             std::string name;
                             for (char c : info.param.key) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });

TEST(GoldenLabel, CoversAllTwentyFourCombinations) { EXPECT_EQ(golden_cases().size(), 24u); }

TEST(GoldenLabel, MatchesTheStoredSampleZpl) {
    EXPECT_EQ(render("sample/4x6/zpl").bytes, read_fixture("labels/golden/sample-4x6.zpl"));
}

TEST(GoldenLabel, MatchesTheStoredHostileZpl) {
    EXPECT_EQ(render("hostile/4x6/zpl").bytes, read_fixture("labels/golden/hostile-4x6.zpl"));
}

// The "not confirmed yet" band is drawn by the portal (wasm) and never by `retour label`,
// so it is pinned here: the same bytes natively and in wasm.
TEST(GoldenLabel, TheUnconfirmedBandRendersTheSameBytesEverywhere) {
    auto input = label_fixture_input("request.json", "policy.json");
    input.unconfirmed = true;
    EXPECT_EQ(hex(fnv1a64(render_label(input, {LabelSize::four_by_six, LabelFormat::pdf}).bytes)), "299d43816bcca89a");
    EXPECT_EQ(hex(fnv1a64(render_label(input, {LabelSize::a4, LabelFormat::svg}).bytes)), "27e8a8b4ed8fc082");
    EXPECT_EQ(hex(fnv1a64(render_label(input, {LabelSize::four_by_six, LabelFormat::zpl}).bytes)), "e12a48b346a909be");
}
