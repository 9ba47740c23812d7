#pragma once
// What a return label shows, as plain values (all text UTF-8), and how to render it.
// label_input_from_json (label_json.h) fills LabelInput from a request and a policy;
// the browser and `retour label` both go through it.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/postal_address.h"
#include "core/return_method.h"

namespace retour::label {

struct LabelItem {
    std::string sku;
    std::string title;
    std::string variant;  // optional, e.g. "M / Blue"
    int quantity = 1;
    std::string reason;   // shopper's reason, as text
};

struct LabelInput {
    std::string shop_name;
    NamedAddress from;  // the shopper
    NamedAddress to;    // the merchant's returns address
    std::string rma;
    std::string order_number;
    std::string carrier;   // optional, e.g. "DHL"
    std::string service;   // optional, e.g. "Paket Retoure"
    std::string qr_payload;  // optional: no QR when empty
    ReturnMethod return_method = ReturnMethod::print_label;
    std::string prepaid_label_url;  // optional, shown for ReturnMethod::prepaid
    std::vector<LabelItem> items;
    bool demo = false;
    // Drawn before the shop confirmed it has the request (the portal's outbox is still
    // sending): a band says so, in the label's language. Not set by label_input_from_json.
    bool unconfirmed = false;
    std::vector<std::string> instructions;  // empty: the standard text for the return method
    std::optional<Date> requested_on;  // the request's day in the shop's time zone; on the packing slip
    std::string locale;  // BCP 47, e.g. "de-DE": the language of every fixed text (English when not ours)
};

enum class LabelSize { four_by_six, a6, a4, letter };
enum class LabelFormat { pdf, svg, zpl };

// Zero means default: a 4x6 in PDF.
struct LabelOptions {
    LabelSize size = LabelSize::four_by_six;
    LabelFormat format = LabelFormat::pdf;
};

}  // namespace retour::label
