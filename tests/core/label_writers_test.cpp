#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "core/label/writers.h"

using namespace retour::label;

namespace {

Layout one_text(const std::string& text) {
    Layout l;
    l.width_mm = 100;
    l.height_mm = 100;
    l.title = "t";
    TextRun run;
    run.x = 10;
    run.baseline = 20;
    run.text = text;
    l.texts.push_back(run);
    return l;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

}  // namespace

TEST(PdfWriter, EscapesParenthesesAndBackslashesInText) {
    std::string pdf = render_pdf(one_text(") Tj (\\"));
    EXPECT_NE(pdf.find("(\\) Tj \\(\\\\) Tj"), std::string::npos);
    EXPECT_EQ(count(pdf, " Tj"), 2u);  // the real operator, and the escaped text
}

TEST(PdfWriter, WritesNonAsciiAsOctalWinAnsi) {
    std::string pdf = render_pdf(one_text("M\xC3\xBCller \xE2\x80\x93 \xE2\x82\xAC"));
    EXPECT_NE(pdf.find("(M\\374ller \\226 \\200) Tj"), std::string::npos);
}

TEST(PdfWriter, HasXrefOffsetsPointingAtEachObject) {
    std::string pdf = render_pdf(one_text("x"));
    auto startxref = pdf.rfind("startxref\n");
    ASSERT_NE(startxref, std::string::npos);
    std::size_t xref = std::stoul(pdf.substr(startxref + 10));
    ASSERT_EQ(pdf.compare(xref, 5, "xref\n"), 0);
    std::smatch m;
    std::string table = pdf.substr(xref);
    ASSERT_TRUE(std::regex_search(table, m, std::regex("^xref\n0 (\\d+)\n")));
    int n = std::stoi(m[1]);
    EXPECT_EQ(n, 8);
    std::size_t entries = xref + m[0].length();
    EXPECT_EQ(pdf.compare(entries, 20, "0000000000 65535 f \n"), 0);
    for (int id = 1; id < n; ++id) {
        std::string entry = pdf.substr(entries + 20 * static_cast<std::size_t>(id), 20);
        ASSERT_EQ(entry.substr(10), " 00000 n \n");
        std::size_t offset = std::stoul(entry.substr(0, 10));
        std::string head = std::to_string(id) + " 0 obj\n";
        EXPECT_EQ(pdf.compare(offset, head.size(), head), 0) << "object " << id;
    }
}

TEST(PdfWriter, DeclaresTheExactStreamLength) {
    std::string pdf = render_pdf(one_text("hello"));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(pdf, m, std::regex("/Length (\\d+) >>\nstream\n")));
    std::size_t start = static_cast<std::size_t>(m.position(0) + m.length(0));
    std::size_t length = std::stoul(m[1]);
    EXPECT_EQ(pdf.compare(start + length, 9, "endstream"), 0);
}

TEST(PdfWriter, UsesStandardHelveticaWithWinAnsiAndNoDatesOrIds) {
    std::string pdf = render_pdf(one_text("x"));
    EXPECT_NE(pdf.find("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"), std::string::npos);
    EXPECT_NE(pdf.find("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"), std::string::npos);
    EXPECT_EQ(pdf.find("Date"), std::string::npos);
    EXPECT_EQ(pdf.find("/ID"), std::string::npos);
    EXPECT_EQ(pdf, render_pdf(one_text("x")));
}

TEST(PdfSubstitutions, ListsTransliteratedCharacters) {
    auto subs = pdf_substitutions(one_text("\xC5\x82" "a"));  // ła
    ASSERT_EQ(subs.size(), 1u);
    EXPECT_EQ(subs[0].to, "l");
}

TEST(SvgWriter, EscapesMarkupInText) {
    std::string svg = render_svg(one_text("</text><script>alert(1)</script> & \"q\" 'a'"));
    EXPECT_NE(svg.find("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &apos;a&apos;"),
              std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(count(svg, "</text>"), 1u);
}

TEST(SvgWriter, KeepsUtf8AndReplacesWhatXmlForbids) {
    std::string svg = render_svg(one_text("\xC5\x81\xC3\xB3" "d\xC5\xBA\x01\xFF"));
    EXPECT_NE(svg.find(">\xC5\x81\xC3\xB3" "d\xC5\xBA\xEF\xBF\xBD\xEF\xBF\xBD</text>"), std::string::npos);
}

TEST(ZplWriter, HexEscapesCommandCharactersInFieldData) {
    std::string zpl = render_zpl(one_text("^XZ~JA_x\\"));
    EXPECT_NE(zpl.find("^FH^FD_5EXZ_7EJA_5Fx_5C^FS"), std::string::npos);
    EXPECT_EQ(count(zpl, "^XZ"), 1u);
    EXPECT_EQ(zpl.substr(zpl.size() - 4), "^XZ\n");
    EXPECT_EQ(count(zpl, "~"), 0u);
}

TEST(ZplWriter, DeclaresUtf8AndTheLabelSizeInDots) {
    std::string zpl = render_zpl(one_text("K\xC3\xB6ln"));
    EXPECT_EQ(zpl.rfind("^XA\n^CI28\n^PW799\n^LL799\n", 0), 0u);
    EXPECT_NE(zpl.find("^FDK\xC3\xB6ln^FS"), std::string::npos);
}

TEST(ZplWriter, SendsCode128WithTheSameCodeSetsAsTheLayout) {
    Layout l = one_text("x");
    BarcodeMark b;
    b.height = 10;
    b.module_dots = 2;
    b.module_mm = 2 * kDotMm;
    b.code = *encode_code128("RMA-123456>");
    l.barcodes.push_back(b);
    std::string zpl = render_zpl(l);
    EXPECT_NE(zpl.find("^BY2,3,80^BCN,80,N,N,N,N^FH^FD>:RMA->5123456>6><^FS"), std::string::npos);
}

TEST(ZplWriter, SendsTheQrPayloadAtLevelMEscaped) {
    Layout l = one_text("x");
    QrMark q;
    q.module_dots = 4;
    q.payload = "https://x.example/s/A~B_C";
    q.code = *encode_qr(q.payload);
    l.qrs.push_back(q);
    EXPECT_NE(render_zpl(l).find("^BQN,2,4^FH^FDMA,https://x.example/s/A_7EB_5FC^FS"), std::string::npos);
}
