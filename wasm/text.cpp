#include "wasm/text.h"

namespace retour::app {

namespace {

i18n::Locale g_locale = i18n::Locale::en;

}  // namespace

void set_locale(i18n::Locale l) { g_locale = l; }
i18n::Locale locale() { return g_locale; }

const char* tr(const char* key) { return i18n::text(g_locale, key); }

std::string trf(const char* key, const std::vector<i18n::Arg>& args) { return i18n::fill(tr(key), args); }

}  // namespace retour::app
