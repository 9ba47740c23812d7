#pragma once
// Validation errors of JSON input: where (a JSON pointer, RFC 6901) and what was
// expected. Parsers collect every error instead of stopping at the first, so a
// merchant fixes a policy in one pass.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace retour {

struct FieldError {
    std::string pointer;  // "" is the document itself, "/windows/default_days" a field
    std::string message;  // "expected a non-negative integer"

    // "/windows/default_days: expected a non-negative integer"
    std::string text() const { return (pointer.empty() ? std::string("/") : pointer) + ": " + message; }
};
using FieldErrors = std::vector<FieldError>;

// A parsed value or the complete list of reasons it could not be parsed.
template <class T>
struct Parsed {
    std::optional<T> value;
    FieldErrors errors;
    bool ok() const { return value.has_value() && errors.empty(); }
};

// One reference token of a JSON pointer, escaped ("~" → "~0", "/" → "~1").
std::string pointer_token(std::string_view key);

}  // namespace retour
