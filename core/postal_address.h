#pragma once
// The one postal address of the pipeline: the shopper's (request), the merchant's
// return address (policy), both ends of the label, and the portal's form.
//
// JSON: { "line1", "line2"?, "city", "postcode", "region"?, "country" } (a named one adds
// "name"). line1, city, postcode and country are required; country is ISO 3166-1 alpha-2
// in upper case ("DE"). Limits in bytes: 200 for the text lines, 40 for the postcode;
// check_shopper (address_check.h) holds the shopper to shorter, countable ones.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_reader.h"

namespace retour {

struct PostalAddress {
    std::string line1, line2, city, postcode, region, country;
};

// An address with the name of who lives there: a label's sender and recipient, the
// policy's return address.
struct NamedAddress : PostalAddress {
    std::string name;
};

inline constexpr std::size_t kAddressLineMaxBytes = 200;
inline constexpr std::size_t kPostcodeMaxBytes = 40;

// Two upper-case letters A-Z (whether the code names a country is i18n's business).
bool valid_country_code(std::string_view code);
inline constexpr const char* kCountryCodeExpected =
    "expected an ISO 3166-1 alpha-2 country code such as \"DE\" (two upper-case letters)";

// Reads the fields above from `r` (an object with exactly those keys, plus "name" when
// `out` is a NamedAddress), each problem at its JSON pointer. `required` = false: an absent
// object is fine and leaves `out` alone. Returns whether the object was there.
bool read_postal_address(const JsonReader& r, PostalAddress& out, bool required = true);
bool read_named_address(const JsonReader& r, NamedAddress& out, bool required = true);

nlohmann::json to_json(const PostalAddress& a);  // optional fields only when set
nlohmann::json to_json(const NamedAddress& a);

}  // namespace retour
