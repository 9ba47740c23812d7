#include "core/label/layout.h"

#include "core/label/layout_parts.h"

namespace retour::label {

PageSize page_size(LabelSize size) {
    switch (size) {
        case LabelSize::four_by_six: return {101.6, 152.4};
        case LabelSize::a6: return {105.0, 148.0};
        case LabelSize::a4: return {210.0, 297.0};
        case LabelSize::letter: return {215.9, 279.4};
    }
    return {101.6, 152.4};
}

Layout layout_label(const LabelInput& input, LabelSize size) {
    using namespace detail;
    Layout layout;
    PageSize page = page_size(size);
    layout.width_mm = page.width_mm;
    layout.height_mm = page.height_mm;
    layout.title = tr(input, "label.document_title", {{"rma", input.rma}});
    Sketch s(layout);
    if (size == LabelSize::four_by_six || size == LabelSize::a6) {
        const double margin = 3.5;
        draw_label_portrait(s, input, {margin, margin, page.width_mm - 2 * margin, page.height_mm - 2 * margin});
        return layout;
    }
    // The label takes what its content needs of the upper half (the rest would be
    // empty paper taped to the parcel); the packing slip gets the remainder.
    const double margin = 12.0, label_height = 112.0, cut = margin + label_height + 6;
    draw_label_landscape(s, input, {margin, margin, page.width_mm - 2 * margin, label_height});
    s.hline(6, page.width_mm - 6, cut, 0.3, true);
    s.text(page.width_mm / 2, cut + 4.2, 7, false, Align::center,
           tr(input, "label.cut_line"), page.width_mm - 20);
    draw_packing_slip(s, input, {margin, cut + 10, page.width_mm - 2 * margin, page.height_mm - cut - 10 - margin});
    return layout;
}

const BarcodeMark* find_barcode(const Layout& layout) {
    return layout.barcodes.empty() ? nullptr : &layout.barcodes.front();
}

const QrMark* find_qr(const Layout& layout) { return layout.qrs.empty() ? nullptr : &layout.qrs.front(); }

}  // namespace retour::label
