#include "core/postal_address.h"

namespace retour {

namespace {

void read_fields(const JsonReader& a, PostalAddress& out) {
    if (auto s = a["line1"].string(true, kAddressLineMaxBytes)) out.line1 = *s;
    out.line2 = optional_text(a["line2"], kAddressLineMaxBytes);
    if (auto s = a["city"].string(true, kAddressLineMaxBytes)) out.city = *s;
    if (auto s = a["postcode"].string(true, kPostcodeMaxBytes)) out.postcode = *s;
    out.region = optional_text(a["region"], kAddressLineMaxBytes);
    // Read longer than two bytes, so "DEU" is told what a country code is.
    if (auto s = a["country"].string(true, 100)) {
        if (valid_country_code(*s)) out.country = *s;
        else a["country"].fail(kCountryCodeExpected);
    }
}

}  // namespace

bool valid_country_code(std::string_view code) {
    return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

bool read_postal_address(const JsonReader& r, PostalAddress& out, bool required) {
    if (!r.object({"line1", "line2", "city", "postcode", "region", "country"}, required)) return false;
    read_fields(r, out);
    return true;
}

bool read_named_address(const JsonReader& r, NamedAddress& out, bool required) {
    if (!r.object({"name", "line1", "line2", "city", "postcode", "region", "country"}, required)) return false;
    if (auto s = r["name"].string(true, kAddressLineMaxBytes)) out.name = *s;
    read_fields(r, out);
    return true;
}

nlohmann::json to_json(const PostalAddress& a) {
    nlohmann::json j = {{"line1", a.line1}, {"city", a.city}, {"postcode", a.postcode}, {"country", a.country}};
    if (!a.line2.empty()) j["line2"] = a.line2;
    if (!a.region.empty()) j["region"] = a.region;
    return j;
}

nlohmann::json to_json(const NamedAddress& a) {
    nlohmann::json j = to_json(static_cast<const PostalAddress&>(a));
    j["name"] = a.name;
    return j;
}

}  // namespace retour
