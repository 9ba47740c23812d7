#pragma once
// A label as drawing data, in millimetres from the top-left corner of the page
// (y grows downward). The writers (PDF, SVG, ZPL) only translate this; every
// decision about what goes where is made here, once, for all three.
#include <string>
#include <vector>

#include "core/label/code128.h"
#include "core/label/label_input.h"
#include "core/label/qr.h"

namespace retour::label {

enum class Align { left, center, right };

struct TextRun {
    double x = 0;         // left edge, centre or right edge, per `align`
    double baseline = 0;
    double size_pt = 10;
    bool bold = false;
    Align align = Align::left;
    std::string text;     // UTF-8, already fitted to its space
    double gray = 0;      // 0 black .. 1 white; writers without gray (ZPL) skip gray > 0 text
    // Rotation about (x, baseline), as the unit vector of the text direction with y
    // pointing up. Only the watermark turns; rational values keep bytes reproducible.
    double dir_x = 1, dir_y = 0;
};

enum class Fill { none, black, light };

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    double stroke_mm = 0;  // 0: no outline
    Fill fill = Fill::none;
};

struct Line {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width_mm = 0.3;
    bool dashed = false;
};

struct BarcodeMark {
    double x = 0, y = 0;   // top-left of the first bar (the quiet zone is left of it)
    double height = 0;
    double module_mm = 0;
    int module_dots = 0;   // the same module in 203 dpi printer dots
    Code128 code;
};

struct QrMark {
    double x = 0, y = 0;   // top-left of the symbol, quiet zone excluded
    double module_mm = 0;
    int module_dots = 0;
    QrCode code;
    std::string payload;
};

struct Layout {
    double width_mm = 0, height_mm = 0;
    std::string title;  // document title, e.g. "Return label ACME-…"
    // Drawn in this order: boxes, lines, barcodes, QR codes, text.
    std::vector<Box> boxes;
    std::vector<Line> lines;
    std::vector<BarcodeMark> barcodes;
    std::vector<QrMark> qrs;
    std::vector<TextRun> texts;
    // What had to give: text shortened to fit, items left off, no barcode, ...
    std::vector<std::string> warnings;
};

struct PageSize {
    double width_mm, height_mm;
};
PageSize page_size(LabelSize size);

Layout layout_label(const LabelInput& input, LabelSize size);

// The RMA and the QR as printed, for tests and scanners.
const BarcodeMark* find_barcode(const Layout& layout);
const QrMark* find_qr(const Layout& layout);

}  // namespace retour::label
