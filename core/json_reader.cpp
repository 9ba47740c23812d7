#include "core/json_reader.h"

#include "core/closest_word.h"

namespace retour {

std::string pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

// Length of the valid UTF-8 sequence starting at text[i], 0 if there is none.
std::size_t utf8_sequence_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {  // E0: no overlong forms, ED: no surrogates
        n = 3;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {  // F0: no overlong forms, F4: nothing above U+10FFFF
        n = 4;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > text.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

}  // namespace

std::size_t invalid_utf8_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_at(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_at(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::optional<nlohmann::json> parse_json_document(std::string_view text, FieldErrors& errors) {
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& e) {
        // parse_error, and out_of_range for a number too large for a double ("1E400").
        // e.what() reads "[json.exception.parse_error.101] parse error at line 3, column 5: …"
        // and quotes the bytes last read, which need not be valid UTF-8.
        std::string what = e.what();
        const auto at = what.find("] ");
        errors.push_back({"", "not valid JSON: " + valid_utf8(at == std::string::npos ? what : what.substr(at + 2))});
        return std::nullopt;
    }
}

std::string describe_integer_range(std::int64_t min, std::int64_t max) {
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    const std::string cap = max == kMax ? "" : " (at most " + std::to_string(max) + ")";
    if (min == 0) return "a non-negative integer" + cap;
    if (min == 1) return "a positive integer" + cap;
    if (max == kMax) return "an integer >= " + std::to_string(min);
    return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

void JsonReader::fail_at(std::string_view suffix, std::string message) const {
    errors_->push_back(FieldError{pointer_ + std::string(suffix), std::move(message)});
}

void JsonReader::fail(std::string message) const {
    errors_->push_back(FieldError{pointer_, std::move(message)});
}

JsonReader JsonReader::operator[](std::string_view key) const {
    const nlohmann::json* child = nullptr;
    if (value_ && value_->is_object()) {
        auto it = value_->find(std::string(key));
        if (it != value_->end()) child = &*it;
    }
    return JsonReader(child, errors_, pointer_ + "/" + pointer_token(key));
}

JsonReader JsonReader::at(std::size_t index) const {
    const nlohmann::json* child = nullptr;
    if (value_ && value_->is_array() && index < value_->size()) child = &(*value_)[index];
    return JsonReader(child, errors_, pointer_ + "/" + std::to_string(index));
}

bool JsonReader::missing(bool required) const {
    if (value_) return false;
    if (required) fail("is required");
    return true;
}

bool JsonReader::object(std::initializer_list<std::string_view> allowed, bool required) const {
    if (missing(required)) return false;
    if (!value_->is_object()) {
        fail("expected an object");
        return false;
    }
    for (auto it = value_->begin(); it != value_->end(); ++it) {
        if (it.key() == "$comment") continue;
        bool known = false;
        for (auto a : allowed) known = known || it.key() == a;
        if (known) continue;
        // A likely typo names the key meant; the real key is then usually "required" too.
        const auto meant = closest_word(it.key(), std::vector<std::string_view>(allowed));
        (*this)[it.key()].fail(meant ? "unknown key; did you mean \"" + *meant + "\"?" : "unknown key");
    }
    return true;
}

bool JsonReader::map(bool required) const {
    if (missing(required)) return false;
    if (!value_->is_object()) {
        fail("expected an object");
        return false;
    }
    return true;
}

bool JsonReader::array(bool required) const {
    if (missing(required)) return false;
    if (!value_->is_array()) {
        fail("expected an array");
        return false;
    }
    return true;
}

std::optional<std::int64_t> JsonReader::integer(std::int64_t min, std::int64_t max, bool required) const {
    if (missing(required)) return std::nullopt;
    bool ok = value_->is_number_integer();
    std::int64_t v = 0;
    if (ok && value_->is_number_unsigned()) {
        const auto u = value_->get<std::uint64_t>();
        ok = u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        v = static_cast<std::int64_t>(u);
    } else if (ok) {
        v = value_->get<std::int64_t>();
    }
    if (!ok || v < min || v > max) {
        fail("expected " + describe_integer_range(min, max));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> JsonReader::boolean(bool required) const {
    if (missing(required)) return std::nullopt;
    if (!value_->is_boolean()) {
        fail("expected true or false");
        return std::nullopt;
    }
    return value_->get<bool>();
}

std::optional<std::string> JsonReader::string(bool required, std::size_t max_len) const {
    if (missing(required)) return std::nullopt;
    if (!value_->is_string()) {
        fail("expected a string");
        return std::nullopt;
    }
    const auto& s = value_->get_ref<const std::string&>();
    if (s.empty() || s.size() > max_len) {
        fail("expected a non-empty string of at most " + std::to_string(max_len) + " bytes");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonReader::one_of(std::initializer_list<std::string_view> words, bool required) const {
    if (missing(required)) return std::nullopt;
    if (value_->is_string()) {
        const auto& s = value_->get_ref<const std::string&>();
        for (auto w : words)
            if (s == w) return s;
    }
    std::string list;
    for (auto w : words) list += (list.empty() ? "\"" : ", \"") + std::string(w) + "\"";
    const auto meant = value_->is_string() ? closest_word(value_->get_ref<const std::string&>(), std::vector<std::string_view>(words))
                                           : std::nullopt;
    fail("expected one of " + list + (meant ? "; did you mean \"" + *meant + "\"?" : ""));
    return std::nullopt;
}

std::string optional_text(const JsonReader& r, std::size_t max_len) {
    if (!r.present()) return {};
    if (!r.raw()->is_string()) {
        r.fail("expected a string");
        return {};
    }
    std::string s = r.raw()->get<std::string>();
    if (s.size() > max_len) {
        r.fail("expected at most " + std::to_string(max_len) + " bytes");
        return {};
    }
    return s;
}

}  // namespace retour
