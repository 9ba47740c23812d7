// PDF written by hand: six objects, one content stream, standard fonts. A 4x6
// label comes out at a few KB, and the same bytes on every platform.
#include <cstdio>

#include "core/label/utf8.h"
#include "core/label/writers.h"
#include "core/label/number_format.h"

namespace retour::label {

namespace {

constexpr double kPt = 72.0 / 25.4;  // points per mm

std::string num(double v) { return format_number(v, 2); }

// A PDF literal string: parentheses and backslashes escaped, everything outside
// printable ASCII as octal, so text can never close the string or the stream.
std::string pdf_string(const std::string& winansi) {
    std::string out = "(";
    for (char c : winansi) {
        auto b = static_cast<unsigned char>(c);
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += c;
        } else if (b < 0x20 || b > 0x7E) {
            char oct[5];
            std::snprintf(oct, sizeof oct, "\\%03o", b);
            out += oct;
        } else {
            out += c;
        }
    }
    return out + ")";
}

// A text string for the document information dictionary: UTF-16BE in hex.
std::string pdf_text_string(const std::string& utf8) {
    std::string out = "<FEFF";
    char hex[8];
    for (char32_t cp : decode_utf8(utf8)) {
        auto unit = [&](unsigned u) {
            std::snprintf(hex, sizeof hex, "%04X", u & 0xFFFFu);
            out += hex;
        };
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + static_cast<unsigned>(cp >> 10));
            unit(0xDC00 + static_cast<unsigned>(cp & 0x3FF));
        } else {
            unit(static_cast<unsigned>(cp));
        }
    }
    return out + ">";
}

class Content {
public:
    explicit Content(const Layout& l) : height_(l.height_mm * kPt) {}

    void box(const Box& b) {
        std::string rect = num(b.x * kPt) + " " + num(y(b.y + b.h)) + " " + num(b.w * kPt) + " " + num(b.h * kPt) + " re ";
        if (b.fill != Fill::none) out_ += (b.fill == Fill::light ? "0.9 g " : "0 g ") + rect + "f\n";
        if (b.stroke_mm > 0) out_ += "0 G " + num(b.stroke_mm * kPt) + " w " + rect + "S\n";
    }

    void line(const Line& l) {
        out_ += "0 G " + num(l.width_mm * kPt) + " w " + (l.dashed ? "[4 3] 0 d " : "") + num(l.x1 * kPt) + " " +
                num(y(l.y1)) + " m " + num(l.x2 * kPt) + " " + num(y(l.y2)) + " l S" + (l.dashed ? " [] 0 d" : "") +
                "\n";
    }

    // Bars in module units: x scaled by the module, y by the bar height.
    void barcode(const BarcodeMark& b) {
        out_ += "q 0 g " + num(b.module_mm * kPt) + " 0 0 " + num(b.height * kPt) + " " + num(b.x * kPt) + " " +
                num(y(b.y + b.height)) + " cm\n";
        for (const Bar& bar : code128_bars(b.code))
            out_ += std::to_string(bar.start) + " 0 " + std::to_string(bar.width) + " 1 re\n";
        out_ += "f Q\n";
    }

    // Modules in module units, y flipped so rows run downward like the matrix.
    void qr(const QrMark& q) {
        double m = q.module_mm * kPt;
        out_ += "q 0 g " + num(m, 4) + " 0 0 " + num(-m, 4) + " " + num(q.x * kPt) + " " + num(y(q.y)) + " cm\n";
        for (const QrRun& r : qr_dark_runs(q.code))
            out_ += std::to_string(r.x) + " " + std::to_string(r.y) + " " + std::to_string(r.length) + " 1 re\n";
        out_ += "f Q\n";
    }

    void text(const TextRun& t) {
        WinAnsiText encoded = to_winansi(t.text);
        double width = helvetica_width_pt(encoded.bytes, t.bold, t.size_pt);
        double shift = t.align == Align::center ? width / 2 : t.align == Align::right ? width : 0;
        double x = t.x * kPt - t.dir_x * shift, base = y(t.baseline) - t.dir_y * shift;
        out_ += "BT " + num(t.gray) + " g /" + (t.bold ? "F2 " : "F1 ") + num(t.size_pt) + " Tf ";
        if (t.dir_x == 1 && t.dir_y == 0) {
            out_ += num(x) + " " + num(base) + " Td ";
        } else {
            out_ += num(t.dir_x, 4) + " " + num(t.dir_y, 4) + " " + num(-t.dir_y, 4) + " " + num(t.dir_x, 4) + " " +
                    num(x) + " " + num(base) + " Tm ";
        }
        out_ += pdf_string(encoded.bytes) + " Tj ET\n";
    }

    const std::string& str() const { return out_; }

private:
    static std::string num(double v, int decimals = 2) { return format_number(v, decimals); }
    double y(double mm) const { return height_ - mm * kPt; }

    double height_;
    std::string out_;
};

}  // namespace

std::string render_pdf(const Layout& layout) {
    Content c(layout);
    for (const auto& b : layout.boxes) c.box(b);
    for (const auto& l : layout.lines) c.line(l);
    for (const auto& b : layout.barcodes) c.barcode(b);
    for (const auto& q : layout.qrs) c.qr(q);
    for (const auto& t : layout.texts) c.text(t);

    const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /";
    const std::string objects[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(layout.width_mm * kPt) + " " +
            num(layout.height_mm * kPt) + "] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + std::to_string(c.str().size()) + " >>\nstream\n" + c.str() + "endstream",
        font + "Helvetica /Encoding /WinAnsiEncoding >>",
        font + "Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        "<< /Title " + pdf_text_string(layout.title) + " /Producer (Retour) >>",
    };
    // The second line marks the file as binary for transfer tools (PDF 1.4, 7.5.2).
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    int id = 1;
    for (const auto& body : objects) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(id++) + " 0 obj\n" + body + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R /Info 7 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::vector<Substitution> pdf_substitutions(const Layout& layout) {
    std::vector<Substitution> out;
    for (const auto& t : layout.texts) {
        auto encoded = to_winansi(t.text);
        out.insert(out.end(), encoded.substitutions.begin(), encoded.substitutions.end());
    }
    return out;
}

}  // namespace retour::label
