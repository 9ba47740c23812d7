#include "core/label/number_format.h"
#include "core/label/utf8.h"
#include "core/label/writers.h"

namespace retour::label {

namespace {

std::string num(double v) { return format_number(v, 3); }

// Character data and attribute values: re-encoded as valid UTF-8 (bad bytes
// become U+FFFD), markup characters escaped, and characters XML 1.0 forbids
// (controls, U+FFFE/U+FFFF) replaced, so the file always parses.
std::string xml_escape(const std::string& text) {
    std::string out;
    for (char32_t cp : decode_utf8(text)) {
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': case '\n': case '\r': out += ' '; break;
            default:
                if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) cp = kReplacementChar;
                append_utf8(out, cp);
        }
    }
    return out;
}

std::string gray_color(double gray) {
    if (gray <= 0) return "#000";
    int v = static_cast<int>(gray * 255 + 0.5);
    const char* hex = "0123456789abcdef";
    std::string c = "#";
    for (int i = 0; i < 3; ++i) {
        c += hex[v / 16];
        c += hex[v % 16];
    }
    return c;
}

}  // namespace

std::string render_svg(const Layout& layout) {
    std::string w = num(layout.width_mm), h = num(layout.height_mm);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "mm\" height=\"" + h +
                      "mm\" viewBox=\"0 0 " + w + " " + h + "\">\n";
    out += "<title>" + xml_escape(layout.title) + "</title>\n";
    out += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/>\n";
    for (const auto& b : layout.boxes) {
        out += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) +
               "\" fill=\"" + (b.fill == Fill::none ? "none" : b.fill == Fill::light ? "#e6e6e6" : "#000") + "\"";
        if (b.stroke_mm > 0) out += " stroke=\"#000\" stroke-width=\"" + num(b.stroke_mm) + "\"";
        out += "/>\n";
    }
    for (const auto& l : layout.lines) {
        out += "<line x1=\"" + num(l.x1) + "\" y1=\"" + num(l.y1) + "\" x2=\"" + num(l.x2) + "\" y2=\"" + num(l.y2) +
               "\" stroke=\"#000\" stroke-width=\"" + num(l.width_mm) + "\"" +
               (l.dashed ? " stroke-dasharray=\"1.4 1.06\"" : "") + "/>\n";
    }
    // Bars and modules in their own units; crispEdges keeps them unblurred on screen.
    for (const auto& b : layout.barcodes) {
        out += "<path shape-rendering=\"crispEdges\" fill=\"#000\" transform=\"translate(" + num(b.x) + " " + num(b.y) +
               ") scale(" + num(b.module_mm) + " " + num(b.height) + ")\" d=\"";
        for (const Bar& bar : code128_bars(b.code))
            out += "M" + std::to_string(bar.start) + " 0h" + std::to_string(bar.width) + "v1h-" +
                   std::to_string(bar.width) + "z";
        out += "\"/>\n";
    }
    for (const auto& q : layout.qrs) {
        out += "<path shape-rendering=\"crispEdges\" fill=\"#000\" transform=\"translate(" + num(q.x) + " " + num(q.y) +
               ") scale(" + num(q.module_mm) + ")\" d=\"";
        for (const QrRun& r : qr_dark_runs(q.code))
            out += "M" + std::to_string(r.x) + " " + std::to_string(r.y) + "h" + std::to_string(r.length) + "v1h-" +
                   std::to_string(r.length) + "z";
        out += "\"/>\n";
    }
    for (const auto& t : layout.texts) {
        const double size_mm = t.size_pt * 25.4 / 72.0;
        out += "<text font-family=\"Helvetica, Arial, sans-serif\" font-size=\"" + num(size_mm) + "\"";
        if (t.bold) out += " font-weight=\"bold\"";
        if (t.align != Align::left) out += t.align == Align::center ? " text-anchor=\"middle\"" : " text-anchor=\"end\"";
        out += " fill=\"" + gray_color(t.gray) + "\"";
        if (t.dir_x == 1 && t.dir_y == 0) {
            out += " x=\"" + num(t.x) + "\" y=\"" + num(t.baseline) + "\"";
        } else {
            // The layout's direction has y up; SVG's y runs down.
            out += " transform=\"matrix(" + num(t.dir_x) + " " + num(-t.dir_y) + " " + num(t.dir_y) + " " +
                   num(t.dir_x) + " " + num(t.x) + " " + num(t.baseline) + ")\"";
        }
        out += " xml:space=\"preserve\">" + xml_escape(t.text) + "</text>\n";
    }
    return out + "</svg>\n";
}

}  // namespace retour::label
