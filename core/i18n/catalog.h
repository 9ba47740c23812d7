#pragma once
// Message catalogs: the shopper's texts in every language, as data compiled into the
// core so the browser, the labels and the receiver say the same things.
//
// Each language is one sorted table of {key, text} (catalog_<tag>.cpp). Keys are
// stable ids ("find.title"); texts are UTF-8 and may hold placeholders "{name}"
// (lower-case letters, digits, '_'), filled by format(). Every catalog has exactly the
// same keys and, per key, the same placeholders (tests/core/i18n_catalog_test.cpp).
//
// Counted texts come in two keys, "<key>.one" and "<key>.other"; plural() picks one
// (Indonesian has no grammatical plural, so its two texts are the same).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/locale.h"

namespace retour::i18n {

struct Entry {
    const char* key;
    const char* text;
};

struct Catalog {
    Locale locale;
    const Entry* entries;  // sorted by key, byte order, no duplicates
    std::size_t size;

    const Entry* begin() const { return entries; }
    const Entry* end() const { return entries + size; }
};

const Catalog& catalog(Locale locale);

// The text in `locale`, or nullptr when that catalog lacks the key (no fallback).
const char* find_text(Locale locale, std::string_view key);
// The text in `locale`, else the English text, else `key` itself (a visible bug, never
// an empty label). Texts live as long as the program: safe to hand to ImGui every frame.
const char* text(Locale locale, const char* key);

struct Arg {
    std::string_view name;  // without braces: "date"
    std::string value;
};

// `pattern` with every "{name}" replaced by its argument's value. A placeholder with
// no argument stays as it is, so a missing value shows instead of vanishing.
std::string fill(std::string_view pattern, const std::vector<Arg>& args);
// fill(text(locale, key), args).
std::string format(Locale locale, const char* key, const std::vector<Arg>& args = {});
// "<key>.one" or "<key>.other" for `count` in `locale`, with {count} set to the number.
std::string plural(Locale locale, std::string_view key, std::int64_t count, std::vector<Arg> args = {});

// The placeholder names in `text`, sorted and unique ("{a} {b} {a}" → a, b).
std::vector<std::string_view> placeholders(std::string_view text);

}  // namespace retour::i18n
