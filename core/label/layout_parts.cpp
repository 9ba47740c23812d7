#include "core/label/layout_parts.h"

#include <algorithm>
#include <cmath>

#include "core/i18n/country_names.h"
#include "core/label/text_fit.h"
#include "core/label/utf8.h"
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
// Country names as carriers print them, for codes the catalogs have no name for;
// other codes are shown as given.
constexpr Country kCountries[] = {
    {"AT", "AUSTRIA"},  {"AU", "AUSTRALIA"},     {"BE", "BELGIUM"},      {"CA", "CANADA"},
    {"CH", "SWITZERLAND"}, {"CZ", "CZECHIA"},    {"DE", "GERMANY"},      {"DK", "DENMARK"},
    {"ES", "SPAIN"},    {"FI", "FINLAND"},       {"FR", "FRANCE"},       {"GB", "UNITED KINGDOM"},
    {"HU", "HUNGARY"},  {"IE", "IRELAND"},       {"IT", "ITALY"},        {"LU", "LUXEMBOURG"},
    {"NL", "NETHERLANDS"}, {"NO", "NORWAY"},     {"PL", "POLAND"},       {"PT", "PORTUGAL"},
    {"SE", "SWEDEN"},   {"US", "UNITED STATES"},
};

std::string country_line(const std::string& code, i18n::Locale locale) {
    const std::string name = i18n::country_name(code, locale);
    if (name != code) return upper_case(name);
    for (const auto& c : kCountries)
        if (code == c.code) return c.name;
    return code;
}

std::string join(const std::string& a, const std::string& sep, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + sep + b;
}

// For comparing place names: whitespace runs as one space, none at the ends, and
// ASCII and Latin-1 letters in lower case ("  KÖLN " matches "Köln").
std::string fold_place(const std::string& s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        out += static_cast<char>(c);
        // U+00C0..U+00DE (not U+00D7, the multiplication sign) lower-case by +0x20.
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char n = static_cast<unsigned char>(s[++i]);
            if (n >= 0x80 && n <= 0x9E && n != 0x97) n = static_cast<unsigned char>(n + 0x20);
            out += static_cast<char>(n);
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> address_lines(const NamedAddress& a, i18n::Locale locale) {
    std::vector<std::string> out;
    if (!a.line1.empty()) out.push_back(a.line1);
    if (!a.line2.empty()) out.push_back(a.line2);
    // "Berlin, Berlin" says nothing twice: a region that only repeats the city is left off.
    const std::string region = fold_place(a.region) == fold_place(a.city) ? std::string() : a.region;
    if (a.country == "US" || a.country == "CA" || a.country == "AU") {
        out.push_back(join(a.city, ", ", join(region, " ", a.postcode)));
    } else if (a.country == "GB" || a.country == "IE") {
        out.push_back(join(a.city, ", ", region));
        if (!a.postcode.empty()) out.push_back(a.postcode);
    } else {
        out.push_back(join(a.postcode, " ", a.city));
        if (!region.empty()) out.push_back(region);
    }
    if (!a.country.empty()) out.push_back(country_line(a.country, locale));
    return out;
}

i18n::Locale label_locale(const LabelInput& in) { return i18n::parse_locale(in.locale); }

std::string tr(const LabelInput& in, const char* key, const std::vector<i18n::Arg>& args) {
    return i18n::format(label_locale(in), key, args);
}

std::string band_text(const LabelInput& in) {
    if (in.demo) return tr(in, "label.demo");
    if (in.unconfirmed) return tr(in, "label.unconfirmed");
    return {};
}

std::string heading(const LabelInput& in, const char* key) { return upper_case(tr(in, key)); }

std::string method_title(const LabelInput& in) {
    switch (in.return_method) {
        case ReturnMethod::print_label: return tr(in, "label.method.print_label");
        case ReturnMethod::drop_off: return tr(in, "label.method.drop_off");
        case ReturnMethod::prepaid: return tr(in, "label.method.prepaid");
    }
    return "";
}

std::string carrier_line(const LabelInput& in) { return join(in.carrier, " \xC2\xB7 ", in.service); }

std::vector<std::string> instructions(const LabelInput& in, bool with_slip) {
    if (!in.instructions.empty()) return in.instructions;
    const std::vector<i18n::Arg> carrier = {{"carrier", in.carrier}};
    const bool named = !in.carrier.empty();
    std::vector<std::string> out = {tr(in, with_slip ? "label.step.pack" : "label.step.pack_no_slip")};
    switch (in.return_method) {
        case ReturnMethod::print_label:
            out.push_back(tr(in, "label.step.print_label"));
            out.push_back(tr(in, named ? "label.step.hand_in" : "label.step.hand_in_any", carrier));
            break;
        case ReturnMethod::drop_off:
            out.push_back(tr(in, named ? "label.step.drop_off" : "label.step.drop_off_any", carrier));
            out.push_back(tr(in, "label.step.keep_receipt"));
            break;
        case ReturnMethod::prepaid:
            out.push_back(in.prepaid_label_url.empty()
                              ? tr(in, "label.step.prepaid")
                              : tr(in, "label.step.prepaid_url", {{"url", in.prepaid_label_url}}));
            out.push_back(tr(in, named ? "label.step.hand_in" : "label.step.hand_in_any", carrier));
            break;
    }
    out.push_back(tr(in, "label.step.quote_rma", {{"rma", in.rma}}));
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
