#pragma once
// `retour evaluate --locale TAG`: the decisions and the quote as the portal shows them
// to a shopper in that language ("Kan returneres", "1.000,00 kr.", "Rp 150.000"), with
// the same catalog texts, money and date formats (core/i18n), instead of JSON.
#include <string>
#include <vector>

#include "core/eligibility.h"
#include "core/i18n/locale.h"
#include "core/order.h"
#include "core/quote.h"

namespace retour::tools {

// One block per order line (title, status, the deciding sentence), then, when a quote
// is given, its lines, fees, bonus and totals, or the shopper's sentence per error.
std::string evaluation_text(const Order& order, const std::vector<Decision>& decisions, const Quote* quote,
                            i18n::Locale locale);

}  // namespace retour::tools
