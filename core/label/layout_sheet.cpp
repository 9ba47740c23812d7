// A4 and US Letter: the label in landscape on the upper half (cut off and taped
// to the parcel), the packing slip on the lower half (goes inside).
#include <algorithm>

#include "core/i18n/date_format.h"
#include "core/label/layout_parts.h"

namespace retour::label::detail {

namespace {

constexpr double kPad = 4.0;
constexpr double kRule = 0.4;
constexpr double kDemoBand = 11.0;

double draw_addresses(Sketch& s, const LabelInput& in, const Rect& col, double y) {
    double left = col.x + kPad, width = col.w - 2 * kPad;
    s.section_label(left, y + 4.5, heading(in, "label.from"));
    s.text(left, y + 9.5, 10, true, Align::left, in.from.name, width, "sender name");
    double baseline = y + 13.8;
    for (const auto& line : address_lines(in.from, label_locale(in))) {
        s.text(left, baseline, 9.5, false, Align::left, line, width, "sender address");
        baseline += 4.1;
    }
    y = baseline - 1.5;
    s.hline(col.x, col.right(), y, kRule);

    double to_top = y;
    double to_left = left + 5;
    s.section_label(left, y + 5, heading(in, "label.to"));
    s.text(to_left, y + 12.5, 16, true, Align::left, in.to.name, col.right() - kPad - to_left, "recipient name");
    baseline = y + 19;
    auto lines = address_lines(in.to, label_locale(in));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool last = i + 1 == lines.size() && !in.to.country.empty();
        s.text(to_left, baseline, 13, last, Align::left, lines[i], col.right() - kPad - to_left, "recipient address");
        baseline += 5.8;
    }
    if (in.demo) s.watermark({col.x + 2, to_top + 1, col.w - 4, baseline - to_top}, tr(in, "label.demo"));
    return baseline;
}

void draw_codes(Sketch& s, const LabelInput& in, const Rect& col) {
    double left = col.x + kPad, right = col.right() - kPad;
    double y = col.y;
    double qr_side = in.qr_payload.empty() ? 0 : s.qr(in.qr_payload, col.right() - 1, y + 1, 40);
    double width = right - left - qr_side;
    s.section_label(left, y + 4.5, heading(in, "label.order"));
    s.text(left, y + 10.5, 13, true, Align::left, in.order_number, width, "order number");
    s.section_label(left, y + 16, heading(in, "label.items"));
    s.text(left, y + 21.5, 11, false, Align::left, std::to_string(total_quantity(in)), width);
    s.section_label(left, y + 27, heading(in, "label.return_method"));
    s.text(left, y + 32, 9.5, false, Align::left, method_title(in), width, "return method");
    y += std::max(36.0, qr_side + 2);
    s.hline(col.x, col.right(), y, kRule);

    s.section_label(left, y + 4.5, heading(in, "label.rma"));
    double cx = col.x + col.w / 2;
    s.barcode(in.rma, cx, y + 7, 22, col.w - 2);
    s.text(cx, y + 36.5, 18, true, Align::center, in.rma, right - left, "RMA");
}

// A column of the packing slip's item table.
struct Column {
    std::string title;
    double x, w;
};

}  // namespace

void draw_label_landscape(Sketch& s, const LabelInput& in, const Rect& area) {
    s.box(area, 0.5);
    double left = area.x + kPad, right = area.right() - kPad, width = right - left;
    double y = area.y;
    s.text(left, y + 8.5, 16, true, Align::left, in.shop_name, width * 0.6, "shop name");
    s.text(right, y + 8.5, 16, true, Align::right, heading(in, "label.return"), 30);
    s.text(left, y + 13.8, 9.5, false, Align::left, carrier_line(in), width * 0.6, "carrier");
    y += 17;
    s.hline(area.x, area.right(), y, kRule);

    const std::string band_label = band_text(in);
    double bottom = area.bottom() - (band_label.empty() ? 0 : kDemoBand);
    double split = area.x + area.w * 0.54;
    s.vline(split, y, bottom, kRule);
    draw_addresses(s, in, {area.x, y, split - area.x, bottom - y}, y);
    draw_codes(s, in, {split, y, area.right() - split, bottom - y});

    if (!band_label.empty()) {
        Rect band{area.x, bottom, area.w, kDemoBand};
        s.box(band, 0, Fill::light);
        s.hline(area.x, area.right(), bottom, kRule);
        s.text(band.x + band.w / 2, band.y + 7.4, 14, true, Align::center, band_label, band.w - 4);
    }
}

void draw_packing_slip(Sketch& s, const LabelInput& in, const Rect& area) {
    double left = area.x, right = area.right(), width = area.w;
    double y = area.y;
    s.text(left, y + 7, 16, true, Align::left, tr(in, "label.packing_slip"), width * 0.5);
    s.text(right, y + 7, 12, true, Align::right, tr(in, "label.rma") + " " + in.rma, width * 0.5, "RMA");
    std::string sub = in.shop_name + " \xC2\xB7 " + tr(in, "label.order") + " " + in.order_number + " \xC2\xB7 " + method_title(in);
    const std::string band_label = band_text(in);
    s.text(left, y + 12.5, 9, false, Align::left, sub, width * (band_label.empty() ? 1.0 : 0.6), "slip subtitle");
    if (!band_label.empty()) s.text(right, y + 12.5, 9, true, Align::right, band_label, width * 0.38);
    y += 16;
    if (in.requested_on) {
        const std::string day = i18n::format_date(*in.requested_on, label_locale(in));
        s.text(left, y + 1.5, 9, false, Align::left, tr(in, "label.requested_on", {{"date", day}}), width, "request date");
        y += 6;
    }

    // Instructions need their room first; the item table gets what is left.
    auto steps = instructions(in, true);
    double steps_height = 9 + 4.4 * static_cast<double>(steps.size()) * 1.5;
    double table_bottom = area.bottom() - steps_height;

    const double row = 6.2;
    // Wide enough for "Menge", "Aantal", "Antal" as well as "Qty".
    Column cols[] = {{tr(in, "label.qty"), left, 16}, {tr(in, "label.sku"), left + 16, 34},
                     {tr(in, "label.item"), left + 50, width - 50 - 58}, {tr(in, "label.reason"), right - 58, 58}};
    s.box({left, y, width, row}, 0, Fill::light);
    for (const auto& c : cols) s.text(c.x + 1.5, y + 4.3, 8.5, true, Align::left, c.title, c.w - 3);
    y += row;
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& item = in.items[i];
        if (y + 2 * row > table_bottom && i + 1 < in.items.size()) {
            std::size_t rest = in.items.size() - i;
            s.text(left + 1.5, y + 4.3, 9, false, Align::left,
                   i18n::plural(label_locale(in), "label.more_items_slip", static_cast<std::int64_t>(rest)), width - 3);
            s.warn(std::to_string(rest) + " items left off the packing slip");
            y += row;
            break;
        }
        std::string title = item.variant.empty() ? item.title : item.title + " (" + item.variant + ")";
        s.text(cols[0].x + 1.5, y + 4.3, 9, true, Align::left, std::to_string(item.quantity), cols[0].w - 3);
        s.text(cols[1].x + 1.5, y + 4.3, 9, false, Align::left, item.sku, cols[1].w - 3, "SKU");
        s.text(cols[2].x + 1.5, y + 4.3, 9, false, Align::left, title, cols[2].w - 3, "item title");
        s.text(cols[3].x + 1.5, y + 4.3, 9, false, Align::left, item.reason, cols[3].w - 3, "reason");
        y += row;
        s.hline(left, right, y, 0.2);
    }

    y += 5;
    s.text(left, y + 4, 11, true, Align::left, tr(in, "label.how_to_return"), width);
    double baseline = y + 9.5;
    int n = 1;
    for (const auto& step : steps) {
        std::string numbered = std::to_string(n++) + ". " + step;
        baseline = s.paragraph(left, baseline, 9, false, numbered, width, 4.4, 2, "instruction");
        if (baseline > area.bottom()) break;
    }
}

}  // namespace retour::label::detail
