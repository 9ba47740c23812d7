#pragma once
// Checks the shopper's contact details and return address before a request is built:
// required fields, the e-mail's shape, the postcode against the country's format
// (where a simple rule is known), lengths, and a country the shop serves. The portal
// shows each problem at its field; the receiver's own limits (return_request.cpp) are
// never exceeded by what passes here.
#include <string>
#include <string_view>
#include <vector>

#include "core/return_request.h"

namespace retour {

struct FieldProblem {
    std::string field;  // "name", "email", "line1", "line2", "postcode", "city", "region", "country"
    std::string code;   // "required", "email_invalid", "postcode_invalid", "too_long", "country_not_offered"
    int max = 0;        // for "too_long": the most characters allowed
};

// `countries`: ISO codes the address may use (empty = any code with a known name).
// The address is checked when present.
std::vector<FieldProblem> check_shopper(const Shopper& shopper, const std::vector<std::string>& countries);

bool plausible_email(std::string_view email);
// Whether `postcode` fits the format of `country`; true for countries without a known rule.
bool plausible_postcode(std::string_view country, std::string_view postcode);
// A postcode in the country's format, for messages ("" when no rule is known).
std::string_view postcode_example(std::string_view country);

}  // namespace retour
