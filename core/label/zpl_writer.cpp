// ZPL II. Every field is sent with ^FH (hex escapes introduced by "_"), and
// "^", "~", "_", "\" and control bytes in the data are always hex-escaped, so no
// text can end a field or start a command (^XZ, ~JA, ...).
#include <algorithm>
#include <cstdio>

#include "core/label/number_format.h"
#include "core/label/utf8.h"
#include "core/label/writers.h"

namespace retour::label {

namespace {

std::string hex_escape(unsigned char b) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "_%02X", b);
    return buf;
}

// Field data for ^FH^FD: valid UTF-8 (^CI28) with the command characters escaped.
std::string field_data(const std::string& text) {
    std::string utf8;
    for (char32_t cp : decode_utf8(text)) append_utf8(utf8, cp);
    std::string out;
    for (char c : utf8) {
        auto b = static_cast<unsigned char>(c);
        if (c == '^' || c == '~' || c == '_' || c == '\\' || b < 0x20 || b == 0x7F) out += hex_escape(b);
        else out += c;
    }
    return out;
}

// ^BC data in mode N with explicit invocation codes (">:" start B, ">;" start C,
// ">5" code C, ">6" code B), so the printer draws exactly the symbols we chose.
// The printer adds the check symbol itself.
std::string code128_field(const Code128& code) {
    std::string out;
    bool in_c = false;
    for (std::size_t i = 0; i + 1 < code.symbols.size(); ++i) {
        int v = code.symbols[i];
        if (v == 104) { out += ">:"; in_c = false; }
        else if (v == 105) { out += ">;"; in_c = true; }
        else if (v == 99 && !in_c) { out += ">5"; in_c = true; }
        else if (v == 100 && in_c) { out += ">6"; in_c = false; }
        else if (in_c) { out += static_cast<char>('0' + v / 10); out += static_cast<char>('0' + v % 10); }
        else if (v + 32 == '>') out += "><";
        else out += field_data(std::string(1, static_cast<char>(v + 32)));
    }
    return out;
}

std::string at(double x_mm, double y_mm) {
    return std::to_string(std::max(0, mm_to_dots(x_mm))) + "," + std::to_string(std::max(0, mm_to_dots(y_mm)));
}

void bar(std::string& out, double x, double y, double w, double h, int thickness) {
    int wd = std::max(thickness, mm_to_dots(w)), hd = std::max(thickness, mm_to_dots(h));
    out += "^FO" + at(x, y) + "^GB" + std::to_string(wd) + "," + std::to_string(hd) + "," + std::to_string(thickness) +
           "^FS\n";
}

void line(std::string& out, const Line& l) {
    int t = std::max(1, mm_to_dots(l.width_mm));
    double half = l.width_mm / 2;
    bool horizontal = l.y1 == l.y2;
    double length = horizontal ? l.x2 - l.x1 : l.y2 - l.y1;
    const double dash = l.dashed ? 3.0 : length, gap = l.dashed ? 2.0 : 0;
    for (double p = 0; p < length; p += dash + gap) {
        double seg = std::min(dash, length - p);
        if (horizontal) bar(out, l.x1 + p, l.y1 - half, seg, l.width_mm, t);
        else bar(out, l.x1 - half, l.y1 + p, l.width_mm, seg, t);
    }
}

}  // namespace

std::string render_zpl(const Layout& layout) {
    std::string out = "^XA\n^CI28\n^PW" + std::to_string(mm_to_dots(layout.width_mm)) + "\n^LL" +
                      std::to_string(mm_to_dots(layout.height_mm)) + "\n^LH0,0\n";
    for (const auto& b : layout.boxes) {
        if (b.fill == Fill::black) {
            bar(out, b.x, b.y, b.w, b.h, std::min(mm_to_dots(b.w), mm_to_dots(b.h)));
        } else if (b.stroke_mm > 0) {
            bar(out, b.x, b.y, b.w, b.h, std::max(1, mm_to_dots(b.stroke_mm)));
        }
        // Fill::light has no ZPL equivalent on a monochrome printer; the text on it stays.
    }
    for (const auto& l : layout.lines) line(out, l);
    for (const auto& b : layout.barcodes) {
        int h = mm_to_dots(b.height);
        out += "^FO" + at(b.x, b.y) + "^BY" + std::to_string(b.module_dots) + ",3," + std::to_string(h) + "^BCN," +
               std::to_string(h) + ",N,N,N,N^FH^FD" + code128_field(b.code) + "^FS\n";
    }
    for (const auto& q : layout.qrs) {
        // ^BQ model 2, level M ("M"), automatic data mode ("A").
        out += "^FO" + at(q.x, q.y) + "^BQN,2," + std::to_string(std::min(10, q.module_dots)) + "^FH^FDMA," +
               field_data(q.payload) + "^FS\n";
    }
    for (const auto& t : layout.texts) {
        if (t.gray > 0) continue;
        int h = std::max(10, static_cast<int>(t.size_pt * 203.0 / 72.0 + 0.5));
        double width = text_width_mm(t.text, t.bold, t.size_pt);
        double x = t.align == Align::center ? t.x - width / 2 : t.align == Align::right ? t.x - width : t.x;
        // ^FT puts the baseline at y, like the layout; font 0 is the printer's scalable sans.
        out += "^FT" + at(x, t.baseline) + "^A0N," + std::to_string(h) + "," + std::to_string(h) + "^FH^FD" +
               field_data(t.text) + "^FS\n";
    }
    return out + "^XZ\n";
}

}  // namespace retour::label
