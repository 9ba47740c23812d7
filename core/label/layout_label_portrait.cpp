// The label on its own page, 4x6 in or A6: one column, top to bottom in the
// order a carrier reads it (sender, recipient, barcode), then what the shopper
// needs (instructions, a compact item list).
#include <algorithm>

#include "core/label/layout_parts.h"

namespace retour::label::detail {

namespace {

constexpr double kPad = 3.0;
constexpr double kRule = 0.4;
constexpr double kDemoBand = 10.0;

// Sender block left of the QR; returns the y below both.
double draw_from(Sketch& s, const LabelInput& in, const Rect& area, double y) {
    double left = area.x + kPad;
    double qr_side = in.qr_payload.empty() ? 0 : s.qr(in.qr_payload, area.right() - 1, y + 0.5, 27);
    double width = area.right() - kPad - left - qr_side;
    s.section_label(left, y + 4, heading(in, "label.from"));
    s.text(left, y + 8.5, 9, true, Align::left, in.from.name, width, "sender name");
    double baseline = y + 12.3;
    for (const auto& line : address_lines(in.from, label_locale(in))) {
        s.text(left, baseline, 8.5, false, Align::left, line, width, "sender address");
        baseline += 3.6;
    }
    return std::max(baseline - 1.5, y + 0.5 + qr_side);
}

double draw_to(Sketch& s, const LabelInput& in, const Rect& area, double y) {
    double left = area.x + kPad + 4;
    double width = area.right() - kPad - left;
    s.section_label(area.x + kPad, y + 4.5, heading(in, "label.to"));
    s.text(left, y + 10.5, 13, true, Align::left, in.to.name, width, "recipient name");
    double baseline = y + 15.6;
    auto lines = address_lines(in.to, label_locale(in));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool last = i + 1 == lines.size() && !in.to.country.empty();
        s.text(left, baseline, 10.5, last, Align::left, lines[i], width, "recipient address");
        baseline += 4.6;
    }
    return baseline - 1.5;
}

double draw_rma(Sketch& s, const LabelInput& in, const Rect& area, double y) {
    double left = area.x + kPad, right = area.right() - kPad;
    s.section_label(left, y + 4, heading(in, "label.rma"));
    s.text(right, y + 4, 7.5, false, Align::right, tr(in, "label.order") + " " + in.order_number, (right - left) * 0.55,
           "order number");
    double cx = area.x + area.w / 2;
    s.barcode(in.rma, cx, y + 6, 16, area.w - 2);
    s.text(cx, y + 28.2, 15, true, Align::center, in.rma, right - left, "RMA");
    return y + 31;
}

// Instructions, then as many item lines as the space left holds.
void draw_notes(Sketch& s, const LabelInput& in, const Rect& area, double y, double bottom) {
    double left = area.x + kPad, width = area.w - 2 * kPad;
    const double size = 7, leading = 3.0;
    s.section_label(left, y + 4, heading(in, "label.how_to_return"));
    double baseline = y + 7.8;
    int n = 1;
    for (const auto& step : instructions(in, false)) {
        if (baseline > bottom) {
            s.warn("instructions shortened to fit the label");
            break;
        }
        std::string numbered = std::to_string(n++) + ". " + step;
        std::size_t room = static_cast<std::size_t>(std::max(1.0, (bottom - baseline) / leading + 1));
        baseline = s.paragraph(left, baseline, size, false, numbered, width, leading, std::min<std::size_t>(2, room),
                               "instruction");
    }
    if (in.items.empty()) return;
    if (baseline + 4 > bottom) {
        s.warn("item list left off the label: no room after the instructions");
        return;
    }
    baseline += 1.5;
    s.section_label(left, baseline, heading(in, "label.items") + " (" + std::to_string(total_quantity(in)) + ")");
    baseline += 3.5;
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        bool last_room = baseline + leading > bottom;
        std::size_t left_over = in.items.size() - i;
        if (last_room && left_over > 1) {
            s.text(left, baseline, size, false, Align::left,
                   i18n::plural(label_locale(in), "label.more_items", static_cast<std::int64_t>(left_over)), width,
                   "item list");
            s.warn(std::to_string(left_over) + " items left off the compact item list");
            return;
        }
        s.text(left, baseline, size, false, Align::left, item_line(in.items[i]), width, "item");
        baseline += leading;
    }
}

}  // namespace

void draw_label_portrait(Sketch& s, const LabelInput& in, const Rect& area) {
    s.box(area, 0.5);
    double left = area.x + kPad, right = area.right() - kPad, width = right - left;
    double y = area.y;

    s.text(left, y + 7, 13, true, Align::left, in.shop_name, width - 26, "shop name");
    s.text(right, y + 7, 13, true, Align::right, heading(in, "label.return"), 25);
    s.text(left, y + 11.7, 8, false, Align::left, carrier_line(in), width * 0.5, "carrier");
    s.text(right, y + 11.7, 8, true, Align::right, method_title(in), width * 0.48);
    y += 14;
    s.hline(area.x, area.right(), y, kRule);

    y = draw_from(s, in, area, y);
    s.hline(area.x, area.right(), y, kRule);

    double to_top = y;
    y = draw_to(s, in, area, y);
    // Across the recipient, clear of the barcode and the QR so it cannot hurt a scan.
    if (in.demo) s.watermark({area.x + 2, to_top + 1, area.w - 4, y - to_top - 2}, tr(in, "label.demo"));
    s.hline(area.x, area.right(), y, kRule);

    y = draw_rma(s, in, area, y);
    s.hline(area.x, area.right(), y, kRule);

    const std::string band_label = band_text(in);
    double bottom = area.bottom() - 2.5 - (band_label.empty() ? 0 : kDemoBand);
    draw_notes(s, in, area, y, bottom);

    if (!band_label.empty()) {
        Rect band{area.x, area.bottom() - kDemoBand, area.w, kDemoBand};
        s.box(band, 0, Fill::light);
        s.hline(area.x, area.right(), band.y, kRule);
        s.text(band.x + band.w / 2, band.y + 6.6, 12, true, Align::center, band_label, band.w - 4);
    }
}

}  // namespace retour::label::detail
