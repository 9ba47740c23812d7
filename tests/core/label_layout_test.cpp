#include <string>

#include <gtest/gtest.h>

#include "core/label/label.h"
#include "core/label/layout.h"
#include "core/label/winansi.h"
#include "tests/core/label_test_inputs.h"

using namespace retour::label;
using retour::testing::hostile_label_input;
using retour::testing::sample_label_input;

namespace {

struct Area {
    double x0, y0, x1, y1;
    bool inside(double w, double h) const { return x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h; }
    bool overlaps(const Area& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Area text_area(const TextRun& t) {
    double w = text_width_mm(t.text, t.bold, t.size_pt), size = t.size_pt * 25.4 / 72;
    double x = t.align == Align::center ? t.x - w / 2 : t.align == Align::right ? t.x - w : t.x;
    return {x, t.baseline - 0.75 * size, x + w, t.baseline + 0.22 * size};
}

Area barcode_area(const BarcodeMark& b) {  // with quiet zones
    double q = kCode128QuietZoneModules * b.module_mm;
    return {b.x - q, b.y, b.x + b.code.total_modules() * b.module_mm + q, b.y + b.height};
}

Area qr_area(const QrMark& q) {
    double z = kQrQuietZoneModules * q.module_mm, side = q.code.size * q.module_mm;
    return {q.x - z, q.y - z, q.x + side + z, q.y + side + z};
}

class LabelLayoutTest : public ::testing::TestWithParam<std::tuple<LabelSize, bool>> {
protected:
    Layout layout() const {
        auto [size, hostile] = GetParam();
        return layout_label(hostile ? hostile_label_input() : sample_label_input(), size);
    }
};

}  // namespace

TEST_P(LabelLayoutTest, KeepsEveryElementInsideThePage) {
    Layout l = layout();
    const double w = l.width_mm, h = l.height_mm;
    for (const auto& b : l.boxes) EXPECT_TRUE((Area{b.x, b.y, b.x + b.w, b.y + b.h}.inside(w, h)));
    for (const auto& ln : l.lines) EXPECT_TRUE((Area{ln.x1, ln.y1, ln.x2, ln.y2}.inside(w, h)));
    for (const auto& t : l.texts) {
        if (t.gray == 0) { EXPECT_TRUE(text_area(t).inside(w, h)) << t.text; }
    }
    for (const auto& b : l.barcodes) EXPECT_TRUE(barcode_area(b).inside(w, h));
    for (const auto& q : l.qrs) EXPECT_TRUE(qr_area(q).inside(w, h));
}

TEST_P(LabelLayoutTest, KeepsTextOutOfTheBarcodeAndQrQuietZones) {
    Layout l = layout();
    ASSERT_EQ(l.barcodes.size(), 1u);
    ASSERT_EQ(l.qrs.size(), 1u);
    for (const auto& t : l.texts) {
        EXPECT_FALSE(text_area(t).overlaps(barcode_area(l.barcodes[0]))) << t.text;
        EXPECT_FALSE(text_area(t).overlaps(qr_area(l.qrs[0]))) << t.text;
    }
}

TEST_P(LabelLayoutTest, PrintsTheRmaAsBarcodeAndAsText) {
    Layout l = layout();
    auto [size, hostile] = GetParam();
    std::string rma = hostile ? hostile_label_input().rma : sample_label_input().rma;
    ASSERT_NE(find_barcode(l), nullptr);
    EXPECT_EQ(find_barcode(l)->code.data, rma);
    EXPECT_EQ(find_barcode(l)->module_dots, kCode128ModuleDots);
    bool as_text = false;
    for (const auto& t : l.texts) as_text |= t.text == rma;
    EXPECT_TRUE(as_text);
}

TEST_P(LabelLayoutTest, MarksDemoLabelsAndOnlyThem) {
    Layout l = layout();
    auto [size, hostile] = GetParam();
    bool marked = false;
    for (const auto& t : l.texts) marked |= t.text.find("DEMO") != std::string::npos;
    EXPECT_EQ(marked, hostile);  // the hostile fixture is the demo one
}

INSTANTIATE_TEST_SUITE_P(AllSizes, LabelLayoutTest,
                         ::testing::Combine(::testing::Values(LabelSize::four_by_six, LabelSize::a6, LabelSize::a4,
                                                              LabelSize::letter),
                                            ::testing::Bool()));

TEST(LabelLayout, SnapsBarsAndModulesToThe203DpiDotGrid) {
    Layout l = layout_label(sample_label_input(), LabelSize::four_by_six);
    auto on_grid = [](double mm) {
        double dots = mm / kDotMm;
        return std::abs(dots - std::round(dots)) < 1e-6;
    };
    EXPECT_TRUE(on_grid(l.barcodes[0].x));
    EXPECT_TRUE(on_grid(l.barcodes[0].module_mm));
    EXPECT_TRUE(on_grid(l.qrs[0].x));
    EXPECT_TRUE(on_grid(l.qrs[0].module_mm));
}

TEST(LabelLayout, ListsItemsOnThePackingSlipOfASheet) {
    Layout l = layout_label(sample_label_input(), LabelSize::a4);
    int found = 0;
    for (const auto& t : l.texts) found += t.text == "Fjord Rain Jacket (M / Navy)" || t.text == "NW-SCK-007";
    EXPECT_EQ(found, 2);
}

TEST(LabelLayout, ShowsTheReasonLabelInsteadOfItsHandle) {
    Layout l = layout_label(sample_label_input(), LabelSize::a4);
    bool label = false, handle = false;
    for (const auto& t : l.texts) {
        label |= t.text == "Zu klein";  // the request's locale is de-DE
        handle |= t.text == "too_small";
    }
    EXPECT_TRUE(label);
    EXPECT_FALSE(handle);
}

TEST(LabelLayout, WarnsWhenItemsDoNotFitTheCompactList) {
    Layout l = layout_label(hostile_label_input(), LabelSize::four_by_six);
    bool warned = false;
    for (const auto& w : l.warnings) warned |= w.find("items left off") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(RenderLabel, KeepsA4x6PdfUnder10KB) {
    EXPECT_LE(render_label(sample_label_input(), {LabelSize::four_by_six, LabelFormat::pdf}).bytes.size(), 10240u);
    EXPECT_LE(render_label(hostile_label_input(), {LabelSize::four_by_six, LabelFormat::pdf}).bytes.size(), 10240u);
}

TEST(RenderLabel, WarnsAboutTransliteratedCharactersOncePerCharacter) {
    auto label = render_label(hostile_label_input(), {LabelSize::a6, LabelFormat::pdf});
    int l_stroke = 0;
    for (const auto& w : label.warnings) l_stroke += w.find("U+0141") != std::string::npos;
    EXPECT_EQ(l_stroke, 1);
}

TEST(RenderLabel, DefaultsToA4x6Pdf) {
    auto label = render_label(sample_label_input());
    EXPECT_EQ(label.media_type, "application/pdf");
    EXPECT_NE(label.bytes.find("/MediaBox [0 0 288 432]"), std::string::npos);
}
