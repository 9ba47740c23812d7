#pragma once
// The three output formats of a label. Each only translates a Layout; all of
// them treat text as data: nothing in a name or address can become markup,
// an operator or a printer command.
#include <string>
#include <vector>

#include "core/label/layout.h"
#include "core/label/winansi.h"

namespace retour::label {

// PDF 1.4, vector only, Helvetica and Helvetica-Bold (standard fonts, not
// embedded) in WinAnsiEncoding. Deterministic bytes: no date, no /ID.
std::string render_pdf(const Layout& layout);

// Characters the PDF cannot show as they are and what it prints instead, in
// order of appearance, so a shell can tell the merchant.
std::vector<Substitution> pdf_substitutions(const Layout& layout);

// SVG 1.1, UTF-8, sized in millimetres.
std::string render_svg(const Layout& layout);

// ZPL II for 203 dpi printers, UTF-8 (^CI28). Code 128 as ^BC with the same
// code sets the layout chose, QR as ^BQ (level M). Gray text (the diagonal
// watermark) has no ZPL equivalent and is left out; the DEMO band stays.
std::string render_zpl(const Layout& layout);

}  // namespace retour::label
