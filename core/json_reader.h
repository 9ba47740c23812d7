#pragma once
// Walks a nlohmann::json document while tracking the JSON pointer of every node, and
// records a FieldError for each value that is missing, of the wrong type, out of range
// or unknown. Readers return nullopt for a bad value and keep going, so one pass
// reports every problem. Core-internal: used by the policy and order parsers.
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_error.h"

namespace retour {

class JsonReader {
public:
    JsonReader(const nlohmann::json* value, FieldErrors* errors, std::string pointer)
        : value_(value), errors_(errors), pointer_(std::move(pointer)) {}

    bool present() const { return value_ != nullptr; }
    const nlohmann::json* raw() const { return value_; }
    const std::string& pointer() const { return pointer_; }
    void fail(std::string message) const;
    // An error at this node's pointer + `suffix` (a pointer relative to this node).
    void fail_at(std::string_view suffix, std::string message) const;

    // Child by key / index; absent children report nothing until read as required.
    JsonReader operator[](std::string_view key) const;
    JsonReader at(std::size_t index) const;

    // True when the node is an object whose keys are all in `allowed` ("$comment" is
    // always allowed: annotations). Records "unknown key" errors for the rest.
    // `required` = false: an absent node is fine (returns false without an error).
    bool object(std::initializer_list<std::string_view> allowed, bool required = true) const;
    // An object used as a map (keys are data, e.g. SKU → days).
    bool map(bool required = true) const;
    bool array(bool required = true) const;
    std::size_t size() const { return value_ ? value_->size() : 0; }

    std::optional<std::int64_t> integer(std::int64_t min = 0,
                                        std::int64_t max = std::numeric_limits<std::int64_t>::max(),
                                        bool required = true) const;
    std::optional<bool> boolean(bool required = true) const;
    // A string of 1..max_len bytes (UTF-8).
    std::optional<std::string> string(bool required = true, std::size_t max_len = 1000) const;
    // One of the given words; the message lists them.
    std::optional<std::string> one_of(std::initializer_list<std::string_view> words, bool required = true) const;

private:
    bool missing(bool required) const;

    const nlohmann::json* value_;
    FieldErrors* errors_;
    std::string pointer_;
};

// A string that may be absent or empty (line2, a comment): "" then. JsonReader::string
// wants 1+ bytes.
std::string optional_text(const JsonReader& r, std::size_t max_len);

// Offset of the first byte that is not part of valid UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF; the rules canonical_dump enforces),
// or npos when all of `text` is valid.
std::size_t invalid_utf8_at(std::string_view text);
// `text` with each invalid byte replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// Parses JSON text; on a syntax error records it at pointer "" (with the byte offset)
// and returns nullopt.
std::optional<nlohmann::json> parse_json_document(std::string_view text, FieldErrors& errors);

// Reports an integer range the way a person reads it.
std::string describe_integer_range(std::int64_t min, std::int64_t max);

}  // namespace retour
