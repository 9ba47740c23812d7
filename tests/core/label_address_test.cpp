// The address block of a label: lines in the order carriers expect per country, and
// no region that only repeats the city ("Berlin / Berlin").
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/label/label.h"
#include "core/label/layout_parts.h"
#include "tests/core/label_test_inputs.h"

using namespace retour::label;
using retour::NamedAddress;
using retour::testing::read_fixture;
using Lines = std::vector<std::string>;

namespace {

NamedAddress address(const char* country, const char* city, const char* region, const char* postcode = "10115") {
    NamedAddress a;
    a.name = "Example Store Returns";
    a.line1 = "Lagerstraße 1";
    a.city = city;
    a.region = region;
    a.postcode = postcode;
    a.country = country;
    return a;
}

int count(const Layout& l, const std::string& text) {
    int n = 0;
    for (const auto& t : l.texts) n += t.text.find(text) != std::string::npos;
    return n;
}

Lines lines(const NamedAddress& a) { return detail::address_lines(a, retour::i18n::Locale::de); }

}  // namespace

TEST(AddressLines, LeaveOffARegionThatEqualsTheCity) {
    EXPECT_EQ(lines(address("DE", "Berlin", "Berlin")), (Lines{"Lagerstraße 1", "10115 Berlin", "DEUTSCHLAND"}));
}

TEST(AddressLines, CompareRegionAndCityIgnoringCaseAndSpaces) {
    EXPECT_EQ(lines(address("DE", "Köln", "  KÖLN ")).size(), 3u);
    EXPECT_EQ(lines(address("NL", "Den  Haag", "den haag")).size(), 3u);
}

TEST(AddressLines, LeaveOffTheRepeatedRegionInEveryCountryFormat) {
    EXPECT_EQ(lines(address("GB", "London", "london", "SW1A 1AA")),
              (Lines{"Lagerstraße 1", "London", "SW1A 1AA", "VEREINIGTES KÖNIGREICH"}));
    EXPECT_EQ(lines(address("US", "Washington", "WASHINGTON", "20001")),
              (Lines{"Lagerstraße 1", "Washington, 20001", "VEREINIGTE STAATEN"}));
}

TEST(AddressLines, KeepARegionThatDiffersFromTheCity) {
    EXPECT_EQ(lines(address("DE", "München", "Bayern", "80331")),
              (Lines{"Lagerstraße 1", "80331 München", "Bayern", "DEUTSCHLAND"}));
    EXPECT_EQ(lines(address("US", "Portland", "OR", "97201")),
              (Lines{"Lagerstraße 1", "Portland, OR 97201", "VEREINIGTE STAATEN"}));
}

// The example policy's return address is Berlin, region Berlin: every size prints it once.
TEST(AddressBlock, TheExamplePolicysLabelPrintsBerlinOnceInEverySize) {
    const auto input = label_input_from_json_text(read_fixture("labels/request.json"),
                                                  read_fixture("../../web/policy.example.json"));
    ASSERT_TRUE(input.ok()) << input.errors.front().to_string();
    ASSERT_EQ(input.input->to.region, input.input->to.city);
    for (LabelSize size : {LabelSize::four_by_six, LabelSize::a6, LabelSize::a4, LabelSize::letter}) {
        const Layout l = layout_label(*input.input, size);
        EXPECT_EQ(count(l, "Berlin"), 1) << label_size_name(size);
    }
}
