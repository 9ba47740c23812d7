#include "tools/canonical_body.h"

#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_error.h"

namespace retour::tools {

namespace {

using nlohmann::json;

// Follows a body through nlohmann's SAX events, keeping the JSON pointer of the value
// being read; stops (returns false) at the first fault.
class ShapeWalker : public nlohmann::json_sax<json> {
public:
    explicit ShapeWalker(std::size_t max_depth) : max_depth_(max_depth) {}
    std::optional<BodyFault> fault;
    bool syntax_error = false;

    // The pointer of the value being read (or about to be read).
    std::string current() const {
        if (stack_.empty()) return "";
        const Frame& f = stack_.back();
        if (f.object) return f.keys.empty() ? f.pointer : f.pointer + "/" + pointer_token(f.last_key);
        return f.pointer + "/" + std::to_string(f.index);
    }

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        Frame& f = stack_.back();
        if (!f.keys.insert(k).second) {
            fail(f.pointer, "duplicate key \"" + k + "\" in " + where(f.pointer) + " (each key once)");
            return false;
        }
        if (f.keys.size() > 1 && k < f.last_key) {
            fail(f.pointer, "key \"" + k + "\" comes after \"" + f.last_key + "\" in " + where(f.pointer) +
                                " (keys must be sorted by their UTF-8 bytes)");
            return false;
        }
        f.last_key = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        syntax_error = true;
        return false;
    }

private:
    struct Frame {
        bool object;
        std::string pointer;
        std::set<std::string> keys;
        std::string last_key;
        std::size_t index = 0;
    };

    static std::string where(const std::string& pointer) { return pointer.empty() ? "the document" : pointer; }
    void fail(const std::string& pointer, std::string message) {
        fault = BodyFault{"non_canonical_body", pointer, 0, std::move(message)};
    }
    bool value() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
        return true;
    }
    bool open(bool object) {
        const std::string pointer = current();
        if (stack_.size() >= max_depth_) {
            fault = BodyFault{"nesting_too_deep", pointer, 0,
                              "nested deeper than " + std::to_string(max_depth_) + " levels"};
            return false;
        }
        value();
        stack_.push_back({object, pointer, {}, {}, 0});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    std::size_t max_depth_;
    std::vector<Frame> stack_;
};

// The pointer of the value at `offset` in a canonical text: where a walk of the text
// up to there stands.
std::string pointer_at(const std::string& canonical, std::size_t offset) {
    ShapeWalker walker(static_cast<std::size_t>(-1));
    const std::string prefix = canonical.substr(0, offset);
    json::sax_parse(prefix, &walker, json::input_format_t::json, false);
    return walker.current();
}

std::string shown(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes.substr(0, 12)) {
        if (c < 0x20 || c == 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

std::optional<BodyFault> check_body_shape(std::string_view body, std::size_t max_depth) {
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
        return BodyFault{"non_canonical_body", "", 0, "the body starts with a byte-order mark (send the JSON text alone)"};
    // A parser that stops at a NUL would read a different message than the one stored.
    if (const std::size_t nul = body.find('\0'); nul != std::string_view::npos)
        return BodyFault{"non_canonical_body", "", nul,
                         "a NUL byte at offset " + std::to_string(nul) + " (JSON text has none, nothing may follow the message)"};
    ShapeWalker walker(max_depth);
    json::sax_parse(body.begin(), body.end(), &walker, json::input_format_t::json, true);
    return walker.fault;
}

std::optional<BodyFault> check_canonical(std::string_view body, const std::string& canonical) {
    if (body == canonical) return std::nullopt;
    std::size_t i = 0;
    while (i < body.size() && i < canonical.size() && body[i] == canonical[i]) ++i;
    BodyFault f{"non_canonical_body", pointer_at(canonical, i), i, {}};
    const std::string at = "at byte " + std::to_string(i);
    if (i == canonical.size())
        f.message = std::to_string(body.size() - i) + " byte(s) after the JSON value, " + at + " (send nothing after it)";
    else if (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
        f.message = "whitespace " + at + " (the canonical form has none outside strings)";
    else
        f.message = "not in canonical form " + at + ": expected \"" + shown(std::string_view(canonical).substr(i)) +
                    "\", got \"" + shown(body.substr(i)) + "\" (integers without exponent or fraction, only the escapes JSON"
                    " requires, UTF-8 as is)";
    return f;
}

}  // namespace retour::tools
