#pragma once
// Canonical JSON: the exact bytes both the browser and the receiver hash and sign.
// Rules: object keys sorted by their UTF-8 bytes, no whitespace, strings in UTF-8
// (only the characters JSON requires are escaped), numbers as integers (our documents
// hold no floating point: money is minor units).
//
// nlohmann::json's default object type is a std::map<std::string, …>, so dump()
// already writes keys in sorted byte order; this wrapper pins the remaining options
// (no indent, no ASCII escaping, strict UTF-8) in one place.
#include <string>

#include <nlohmann/json.hpp>

namespace retour {

// Throws nlohmann::json::type_error on invalid UTF-8 in a string (a bug: every
// string in our documents came from a parsed, valid JSON text).
inline std::string canonical_dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

}  // namespace retour
