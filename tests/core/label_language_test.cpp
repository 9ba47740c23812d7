// Labels and packing slips speak the request's language: every fixed text comes
// from the catalogs, in every size and format, and the PDF's WinAnsi font prints
// each of our languages without a substitute character.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/label/label.h"
#include "core/label/utf8.h"
#include "core/label/winansi.h"
#include "tests/core/label_test_inputs.h"

using namespace retour::label;
using retour::testing::sample_label_input;

namespace {

constexpr LabelSize kSizes[] = {LabelSize::four_by_six, LabelSize::a6, LabelSize::a4, LabelSize::letter};
constexpr LabelFormat kFormats[] = {LabelFormat::pdf, LabelFormat::svg, LabelFormat::zpl};

bool is_sheet(LabelSize size) { return size == LabelSize::a4 || size == LabelSize::letter; }

// WinAnsi byte -> UTF-8, the inverse of winansi_byte.
std::string from_winansi(const std::string& bytes) {
    std::string out;
    for (unsigned char b : bytes) {
        char32_t cp = b;
        for (char32_t c = 0x20; c < 0x2200 && b >= 0x80 && b < 0xA0; ++c)
            if (winansi_byte(c) == b) {
                cp = c;
                break;
            }
        append_utf8(out, cp);
    }
    return out;
}

// The text a reader of the file sees, one run per line, decoded from the format.
std::string pdf_text(const std::string& pdf) {
    std::string out;
    for (std::size_t i = pdf.find("BT"); i < pdf.size(); ++i) {
        if (pdf[i] != '(') continue;
        std::string run;
        for (++i; i < pdf.size() && pdf[i] != ')'; ++i) {
            if (pdf[i] != '\\') {
                run += pdf[i];
            } else if (pdf[i + 1] >= '0' && pdf[i + 1] <= '7') {
                run += static_cast<char>(std::stoi(pdf.substr(i + 1, 3), nullptr, 8));
                i += 3;
            } else {
                run += pdf[++i];
            }
        }
        out += from_winansi(run) + "\n";
    }
    return out;
}

std::string svg_text(const std::string& svg) {
    std::string out;
    for (std::size_t i = svg.find("<text"); i != std::string::npos; i = svg.find("<text", i + 1)) {
        const std::size_t start = svg.find('>', i) + 1, end = svg.find("</text>", start);
        std::string run = svg.substr(start, end - start);
        for (auto [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
            for (std::size_t k; (k = run.find(entity)) != std::string::npos;) run.replace(k, std::string(entity).size(), c);
        out += run + "\n";
    }
    return out;
}

std::string zpl_text(const std::string& zpl) {
    std::string out;
    for (std::size_t i = zpl.find("^FD"); i != std::string::npos; i = zpl.find("^FD", i + 1)) {
        const std::size_t end = zpl.find("^FS", i);
        std::string field = zpl.substr(i + 3, end - i - 3);
        for (std::size_t k = 0; k < field.size(); ++k) {
            if (field[k] == '_' && k + 2 < field.size()) {
                out += static_cast<char>(std::stoi(field.substr(k + 1, 2), nullptr, 16));
                k += 2;
            } else {
                out += field[k];
            }
        }
        out += "\n";
    }
    return out;
}

std::string printed_text(const LabelInput& input, LabelSize size, LabelFormat format) {
    const Label label = render_label(input, {size, format});
    switch (format) {
        case LabelFormat::pdf: return pdf_text(label.bytes);
        case LabelFormat::svg: return svg_text(label.bytes);
        case LabelFormat::zpl: return zpl_text(label.bytes);
    }
    return "";
}

LabelInput in_locale(const char* locale) {
    LabelInput input = sample_label_input();
    input.locale = locale;
    return input;
}

std::string name(LabelSize size, LabelFormat format) {
    return std::string(label_size_name(size)) + " " + std::string(label_format_name(format));
}

// Fixed texts of today's English label; none may show on a label in another language.
const std::vector<std::string> kEnglish = {
    "FROM", "SHIP TO", "RETURN", "HOW TO RETURN", "ITEMS", "ORDER", "Order ", "Ship with this label",
    "Packing slip", "How to return", "Qty", "Reason", "keep the receipt", "Pack the items", "GERMANY",
    "Cut along", "in any message",
};

}  // namespace

TEST(LabelLanguage, AGermanRequestsLabelIsGermanInEverySizeAndFormat) {
    const LabelInput input = sample_label_input();  // the fixture's request is de-DE
    ASSERT_EQ(input.locale, "de-DE");
    for (LabelSize size : kSizes)
        for (LabelFormat format : kFormats) {
            const std::string text = printed_text(input, size, format);
            for (const char* german : {"ABSENDER", "EMPFÄNGER", "RETOURE", "RETOURENNUMMER", "Versand mit diesem Etikett",
                                       "Bestellung NW-100234", "DEUTSCHLAND", "1. Verpacken Sie die Artikel sicher"})
                EXPECT_NE(text.find(german), std::string::npos) << name(size, format) << " lacks \"" << german << "\"\n" << text;
            if (is_sheet(size))
                for (const char* german : {"Lieferschein", "Menge", "Art.-Nr.", "Grund", "So funktioniert die Rücksendung",
                                           "An der gestrichelten Linie"})
                    EXPECT_NE(text.find(german), std::string::npos) << name(size, format) << " lacks \"" << german << "\"";
            else
                EXPECT_NE(text.find("SO FUNKTIONIERT DIE RÜCKSENDUNG"), std::string::npos) << name(size, format);
            for (const std::string& english : kEnglish)
                EXPECT_EQ(text.find(english), std::string::npos) << name(size, format) << " shows \"" << english << "\"\n"
                                                                  << text;
        }
}

TEST(LabelLanguage, ThePackingSlipDatesTheRequestInTheLocalesFormat) {
    EXPECT_NE(printed_text(sample_label_input(), LabelSize::a4, LabelFormat::pdf).find("Rücksendung angemeldet am 20. Nov. 2026"),
              std::string::npos);
    EXPECT_NE(printed_text(in_locale("da"), LabelSize::letter, LabelFormat::zpl).find("Retur anmeldt den 20. nov. 2026"),
              std::string::npos);
    EXPECT_NE(printed_text(in_locale("en"), LabelSize::a4, LabelFormat::svg).find("Return requested on 20 Nov 2026"),
              std::string::npos);
}

TEST(LabelLanguage, TheDocumentTitleIsInTheRequestsLanguage) {
    const std::string svg = render_label(sample_label_input(), {LabelSize::a4, LabelFormat::svg}).bytes;
    EXPECT_NE(svg.find("<title>Rücksendeetikett NW-"), std::string::npos);
}

TEST(LabelLanguage, DanishAndIndonesianLabelsUseTheirCatalogs) {
    for (LabelFormat format : kFormats) {
        const std::string da = printed_text(in_locale("da-DK"), LabelSize::a4, format);
        for (const char* text : {"FRA", "MODTAGER", "Følgeseddel", "Årsag", "Antal", "TYSKLAND", "Sådan returnerer du"})
            EXPECT_NE(da.find(text), std::string::npos) << label_format_name(format) << " da lacks " << text;
        const std::string id = printed_text(in_locale("id"), LabelSize::four_by_six, format);
        for (const char* text : {"DARI", "KIRIM KE", "NOMOR RETUR", "CARA MENGEMBALIKAN", "JERMAN"})
            EXPECT_NE(id.find(text), std::string::npos) << label_format_name(format) << " id lacks " << text;
        for (const std::string& english : kEnglish) {
            // Danish "RETURNUMMER" starts like the English "RETURN".
            if (english != "RETURN") { EXPECT_EQ(da.find(english), std::string::npos) << "da shows " << english; }
            EXPECT_EQ(id.find(english), std::string::npos) << "id shows " << english;
        }
    }
}

TEST(LabelLanguage, UnknownLanguagesGetTheEnglishLabel) {
    const std::string text = printed_text(in_locale("pl-PL"), LabelSize::a4, LabelFormat::svg);
    EXPECT_NE(text.find("Packing slip"), std::string::npos);
    EXPECT_NE(text.find("FROM"), std::string::npos);
}

// ä ö ü ß æ ø å are WinAnsi: the PDF prints every language's own text without a substitute.
TEST(LabelLanguage, ThePdfFontPrintsEveryLanguagesTextUnchanged) {
    for (const char* locale : {"en", "de", "nl", "da", "id"})
        for (LabelSize size : kSizes) {
            const Label pdf = render_label(in_locale(locale), {size, LabelFormat::pdf});
            for (const std::string& w : pdf.warnings)
                EXPECT_EQ(w.find("PDF font has no"), std::string::npos) << locale << " " << label_size_name(size) << ": " << w;
        }
    const std::string da = pdf_text(render_label(in_locale("da"), {LabelSize::a4, LabelFormat::pdf}).bytes);
    EXPECT_NE(da.find("Pak varerne godt ind, og læg følgesedlen i pakken."), std::string::npos) << da;
    const std::string de = pdf_text(render_label(in_locale("de"), {LabelSize::a4, LabelFormat::pdf}).bytes);
    EXPECT_NE(de.find("außen auf das Paket"), std::string::npos) << de;
}

TEST(LabelLanguage, ALabelDrawnBeforeTheShopConfirmedSaysSoInItsLanguageEverywhere) {
    LabelInput input = sample_label_input();  // de-DE
    input.unconfirmed = true;
    LabelInput english = in_locale("en");
    english.unconfirmed = true;
    for (LabelSize size : kSizes)
        for (LabelFormat format : kFormats) {
            EXPECT_NE(printed_text(input, size, format).find("Vom Shop noch nicht bestätigt"), std::string::npos)
                << name(size, format);
            EXPECT_NE(printed_text(english, size, format).find("Not confirmed by the shop yet"), std::string::npos)
                << name(size, format);
            // Confirmed (the default): the normal label, without the band.
            EXPECT_EQ(printed_text(sample_label_input(), size, format).find("nicht bestätigt"), std::string::npos)
                << name(size, format);
        }
}

TEST(LabelLanguage, TheDemoBandWinsOverTheUnconfirmedOne) {
    LabelInput input = in_locale("en");
    input.unconfirmed = true;
    input.demo = true;
    const std::string text = printed_text(input, LabelSize::four_by_six, LabelFormat::zpl);
    EXPECT_NE(text.find("DEMO"), std::string::npos);
    EXPECT_EQ(text.find("Not confirmed"), std::string::npos);
}
