#pragma once
// A posted body must be exactly the canonical serialisation (core/canonical_json.h) of
// what the receiver parsed: the receiver stores the bytes it received, and a later
// reader must not see something other than what was verified (a duplicate key, where
// the parser kept the last; bytes after a NUL, where a parser stops; a byte-order
// mark). The portal and `retour make-request` send canonical bodies, so only
// hand-made or tampered posts are refused. Nesting is limited on its own, before any
// tree is built, so a large --max-body cannot buy a stack overflow.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace retour::tools {

inline constexpr std::size_t kMaxBodyDepth = 32;  // our messages nest 6 levels deep

struct BodyFault {
    std::string error;    // "nesting_too_deep" | "non_canonical_body"
    std::string pointer;  // where in the document ("" = the document itself)
    std::size_t offset = 0;  // byte offset in the body
    std::string message;  // English, says what to send instead
};

// Checks a body before it is parsed into a tree: byte-order mark, NUL bytes, nesting
// deeper than max_depth, duplicate keys, keys out of order. A syntax error is not a
// fault here (the parser reports it with its line and column).
std::optional<BodyFault> check_body_shape(std::string_view body, std::size_t max_depth = kMaxBodyDepth);

// After a successful parse: the first byte where `body` differs from `canonical`
// (the canonical serialisation of the parsed document), or nullopt if identical.
std::optional<BodyFault> check_canonical(std::string_view body, const std::string& canonical);

}  // namespace retour::tools
