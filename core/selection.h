#pragma once
// What the shopper picked: which lines, how many units, why, and what they want back.
// JSON: { "lines": [ { "line_id", "quantity", "reason", "sub_reason"?,
//                      "resolution", "exchange_sku"?, "comment"?, "photos"? } ] }
// Structure is checked here (with JSON pointers); whether the choice is allowed for
// this order and policy is checked by quote().
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_error.h"
#include "core/policy.h"

namespace retour {

struct SelectionLine {
    std::string line_id;
    std::int32_t quantity = 0;
    std::string reason, sub_reason;
    Resolution resolution = Resolution::refund;
    std::string exchange_sku;  // required for an exchange
    std::string comment;
    std::int32_t photos = 0;   // how many photos are attached
};

struct Selection {
    std::vector<SelectionLine> lines;
};

Parsed<Selection> parse_selection(const nlohmann::json& document);
nlohmann::json to_json(const Selection& s);

}  // namespace retour
