#pragma once
// Internal to the layout: a small drawing helper and the pieces of content every
// label size shares. Not part of the public API.
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/label/layout.h"

namespace retour::label::detail {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
};

inline constexpr double kSectionLabelPt = 6.5;
inline constexpr double kPtToMm = 25.4 / 72.0;

// Rounds to the 203 dpi dot grid, so bars and modules fall on whole printer dots
// (and on whole pixels when rendered at 203 dpi).
double snap(double mm);

class Sketch {
public:
    explicit Sketch(Layout& layout) : out_(layout) {}

    // One line of text fitted to `max_w` mm; when it had to be shortened the
    // layout records a warning naming `what`.
    void text(double x, double baseline, double size_pt, bool bold, Align align, std::string_view s, double max_w,
              std::string_view what = "text");
    // Wrapped text, one run per line; returns the baseline below the last line.
    double paragraph(double x, double baseline, double size_pt, bool bold, std::string_view s, double max_w,
                     double leading_mm, std::size_t max_lines, std::string_view what = "text");
    void section_label(double x, double baseline, std::string_view s);
    void hline(double x1, double x2, double y, double width_mm = 0.3, bool dashed = false);
    void vline(double x, double y1, double y2, double width_mm = 0.3);
    void box(const Rect& r, double stroke_mm, Fill fill = Fill::none);

    // Code 128 of `data`, centred on `cx`, top at `y`. Returns the width used
    // including quiet zones, or 0 (and a warning) when it cannot be encoded or
    // does not fit in `max_w`.
    double barcode(std::string_view data, double cx, double y, double height, double max_w);
    // QR of `payload` with its quiet zone's top-right corner at (right, y), at
    // most `max_side` mm including quiet zones. Returns the side used, or 0.
    double qr(std::string_view payload, double right, double y, double max_side);

    void watermark(const Rect& area, std::string_view s);
    void warn(std::string message) { out_.warnings.push_back(std::move(message)); }

private:
    Layout& out_;
};

// Every fixed text on a label is the catalogs' ("label.*" keys) in the request's
// language (its locale tag read by i18n::parse_locale: unknown languages get English).
i18n::Locale label_locale(const LabelInput& in);
std::string tr(const LabelInput& in, const char* key, const std::vector<i18n::Arg>& args = {});
// The same in capitals, for section headings ("ABSENDER").
std::string heading(const LabelInput& in, const char* key);
// The band at the foot of a label: "DEMO …", else "Not confirmed by the shop yet", else "".
std::string band_text(const LabelInput& in);

// Address lines below the name, the way carriers expect them per country; the
// country in capitals in `locale` (the sender's language, as the UPU asks).
std::vector<std::string> address_lines(const NamedAddress& a, i18n::Locale locale);
std::string method_title(const LabelInput& in);
std::string carrier_line(const LabelInput& in);
// The instructions to print: the input's own, else the standard text for its
// method. `with_slip`: a packing slip goes in the parcel (A4/Letter).
std::vector<std::string> instructions(const LabelInput& in, bool with_slip);
// "2 × Trail Jacket (M / Blue) – Too small"
std::string item_line(const LabelItem& item);
int total_quantity(const LabelInput& in);

// The label proper (addresses, RMA barcode, QR) in `area`: portrait for 4x6/A6,
// landscape for the upper half of a sheet.
void draw_label_portrait(Sketch& s, const LabelInput& in, const Rect& area);
void draw_label_landscape(Sketch& s, const LabelInput& in, const Rect& area);
// The packing slip on the lower half of a sheet: items, reasons, instructions.
void draw_packing_slip(Sketch& s, const LabelInput& in, const Rect& area);

}  // namespace retour::label::detail
