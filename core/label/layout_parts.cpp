#include "core/label/layout_parts.h"

#include <algorithm>
#include <cmath>

#include "core/label/text_fit.h"
#include "core/label/winansi.h"

namespace retour::label::detail {

double snap(double mm) { return std::round(mm / kDotMm) * kDotMm; }

void Sketch::text(double x, double baseline, double size_pt, bool bold, Align align, std::string_view s,
                  double max_w, std::string_view what) {
    std::string fitted = fit_text(s, bold, size_pt, max_w);
    if (fitted != s) warn(std::string(what) + " shortened to fit: \"" + fitted + "\"");
    TextRun run;
    run.x = x;
    run.baseline = baseline;
    run.size_pt = size_pt;
    run.bold = bold;
    run.align = align;
    run.text = std::move(fitted);
    out_.texts.push_back(std::move(run));
}

double Sketch::paragraph(double x, double baseline, double size_pt, bool bold, std::string_view s, double max_w,
                         double leading_mm, std::size_t max_lines, std::string_view what) {
    auto lines = wrap_text(s, bold, size_pt, max_w, max_lines);
    if (max_lines > 0 && lines.size() == max_lines && wrap_text(s, bold, size_pt, max_w).size() > max_lines)
        warn(std::string(what) + " shortened to " + std::to_string(max_lines) + " lines");
    for (const auto& line : lines) {
        text(x, baseline, size_pt, bold, Align::left, line, max_w, what);
        baseline += leading_mm;
    }
    return baseline;
}

void Sketch::section_label(double x, double baseline, std::string_view s) {
    text(x, baseline, kSectionLabelPt, true, Align::left, s, 60, "section label");
}

void Sketch::hline(double x1, double x2, double y, double width_mm, bool dashed) {
    out_.lines.push_back({x1, y, x2, y, width_mm, dashed});
}

void Sketch::vline(double x, double y1, double y2, double width_mm) {
    out_.lines.push_back({x, y1, x, y2, width_mm, false});
}

void Sketch::box(const Rect& r, double stroke_mm, Fill fill) {
    out_.boxes.push_back({r.x, r.y, r.w, r.h, stroke_mm, fill});
}

double Sketch::barcode(std::string_view data, double cx, double y, double height, double max_w) {
    auto code = encode_code128(data);
    if (!code) {
        warn("no barcode: the RMA \"" + std::string(data) + "\" is not printable ASCII");
        return 0;
    }
    int modules = code->total_modules();
    for (int dots = kCode128ModuleDots; dots >= 1; --dots) {
        double module = dots * kDotMm;
        double width = (modules + 2 * kCode128QuietZoneModules) * module;
        if (width > max_w) continue;
        if (dots < kCode128ModuleDots) warn("barcode printed with narrow " + std::to_string(dots) + "-dot bars");
        BarcodeMark mark;
        mark.x = snap(cx - modules * module / 2);
        mark.y = snap(y);
        mark.height = snap(height);
        mark.module_mm = module;
        mark.module_dots = dots;
        mark.code = std::move(*code);
        out_.barcodes.push_back(std::move(mark));
        return width;
    }
    warn("no barcode: the RMA is too long for the label");
    return 0;
}

double Sketch::qr(std::string_view payload, double right, double y, double max_side) {
    auto code = encode_qr(payload);
    if (!code) {
        warn("no QR code: the payload is empty or too long");
        return 0;
    }
    int span = code->size + 2 * kQrQuietZoneModules;
    // Largest whole-dot module that fits; 6 dots (0.75 mm) is plenty for any phone.
    int dots = std::min(6, static_cast<int>(std::floor(max_side / (span * kDotMm))));
    if (dots < 2) {
        warn("no QR code: too many modules for the space on this label size");
        return 0;
    }
    double side = span * dots * kDotMm;
    double x = right - side;
    QrMark mark;
    mark.module_mm = dots * kDotMm;
    mark.module_dots = dots;
    mark.x = snap(x + kQrQuietZoneModules * mark.module_mm);
    mark.y = snap(y + kQrQuietZoneModules * mark.module_mm);
    mark.payload = std::string(payload);
    mark.code = std::move(*code);
    out_.qrs.push_back(std::move(mark));
    return side;
}

void Sketch::watermark(const Rect& area, std::string_view s) {
    // Rises at atan(7/24) = 16.3 degrees: an exact unit vector (0.96, 0.28), and
    // shallow enough to run large across a short address block.
    const double dx = 0.96, dy = 0.28;
    // The rotated text's bounding box must fit: width and cap height both project.
    const double per_pt = text_width_mm(s, true, 1.0), cap_per_pt = 0.72 * kPtToMm;
    double size = std::min({40.0, 0.92 * area.w / (dx * per_pt + dy * cap_per_pt),
                            0.92 * area.h / (dy * per_pt + dx * cap_per_pt)});
    double tw = per_pt * size, cap = cap_per_pt * size;
    TextRun run;
    run.x = area.x + area.w / 2 - dx * tw / 2 + dy * cap / 2;
    run.baseline = area.y + area.h / 2 + dy * tw / 2 + dx * cap / 2;
    run.size_pt = size;
    run.bold = true;
    run.text = std::string(s);
    run.gray = 0.85;
    run.dir_x = dx;
    run.dir_y = dy;
    // First, so every other text prints over it.
    out_.texts.insert(out_.texts.begin(), std::move(run));
}

namespace {

struct Country {
    const char* code;
    const char* name;
};
// Country names as carriers print them; other codes are shown as given.
constexpr Country kCountries[] = {
    {"AT", "AUSTRIA"},  {"AU", "AUSTRALIA"},     {"BE", "BELGIUM"},      {"CA", "CANADA"},
    {"CH", "SWITZERLAND"}, {"CZ", "CZECHIA"},    {"DE", "GERMANY"},      {"DK", "DENMARK"},
    {"ES", "SPAIN"},    {"FI", "FINLAND"},       {"FR", "FRANCE"},       {"GB", "UNITED KINGDOM"},
    {"HU", "HUNGARY"},  {"IE", "IRELAND"},       {"IT", "ITALY"},        {"LU", "LUXEMBOURG"},
    {"NL", "NETHERLANDS"}, {"NO", "NORWAY"},     {"PL", "POLAND"},       {"PT", "PORTUGAL"},
    {"SE", "SWEDEN"},   {"US", "UNITED STATES"},
};

std::string country_name(const std::string& code) {
    for (const auto& c : kCountries)
        if (code == c.code) return c.name;
    return code;
}

std::string join(const std::string& a, const std::string& sep, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + sep + b;
}

}  // namespace

std::vector<std::string> address_lines(const Address& a) {
    std::vector<std::string> out;
    if (!a.line1.empty()) out.push_back(a.line1);
    if (!a.line2.empty()) out.push_back(a.line2);
    if (a.country == "US" || a.country == "CA" || a.country == "AU") {
        out.push_back(join(a.city, ", ", join(a.region, " ", a.postcode)));
    } else if (a.country == "GB" || a.country == "IE") {
        out.push_back(join(a.city, ", ", a.region));
        if (!a.postcode.empty()) out.push_back(a.postcode);
    } else {
        out.push_back(join(a.postcode, " ", a.city));
        if (!a.region.empty()) out.push_back(a.region);
    }
    if (!a.country.empty()) out.push_back(country_name(a.country));
    return out;
}

std::string method_title(ReturnMethod m) {
    switch (m) {
        case ReturnMethod::print_label: return "Ship with this label";
        case ReturnMethod::drop_off: return "Drop-off with QR code";
        case ReturnMethod::prepaid: return "Prepaid carrier label";
    }
    return "";
}

std::string carrier_line(const LabelInput& in) { return join(in.carrier, " \xC2\xB7 ", in.service); }

std::vector<std::string> instructions(const LabelInput& in, bool with_slip) {
    if (!in.instructions.empty()) return in.instructions;
    std::string carrier = in.carrier.empty() ? "the carrier" : in.carrier;
    std::vector<std::string> out = {with_slip ? "Pack the items securely and put the packing slip inside the parcel."
                                              : "Pack the items securely, in their original packaging if you can."};
    switch (in.return_method) {
        case ReturnMethod::print_label:
            out.push_back("Attach the label to the outside of the parcel; cover no barcode.");
            out.push_back("Hand the parcel to " + carrier + " and keep the receipt.");
            break;
        case ReturnMethod::drop_off:
            out.push_back("No label needed: show the QR code at a " + carrier + " drop-off point.");
            out.push_back("Keep the receipt until your refund arrives.");
            break;
        case ReturnMethod::prepaid:
            out.push_back(in.prepaid_label_url.empty()
                              ? "Attach the prepaid carrier label we sent you to the parcel."
                              : "Attach the prepaid carrier label (" + in.prepaid_label_url + ") to the parcel.");
            out.push_back("Hand the parcel to " + carrier + " and keep the receipt.");
            break;
    }
    out.push_back("Quote RMA " + in.rma + " in any message about this return.");
    return out;
}

std::string item_line(const LabelItem& item) {
    std::string s = std::to_string(item.quantity) + " \xC3\x97 " + item.title;  // ×
    if (!item.variant.empty()) s += " (" + item.variant + ")";
    if (!item.reason.empty()) s += " \xE2\x80\x93 " + item.reason;              // –
    return s;
}

int total_quantity(const LabelInput& in) {
    int n = 0;
    for (const auto& item : in.items) n += item.quantity;
    return n;
}

}  // namespace retour::label::detail
