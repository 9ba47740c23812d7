#include "wasm/text.h"

#include "wasm/ui_context.h"

namespace retour::app {

void set_locale(i18n::Locale l) { ui::context().locale = l; }
i18n::Locale locale() { return ui::context().locale; }

const char* tr(const char* key) { return i18n::text(locale(), key); }

std::string trf(const char* key, const std::vector<i18n::Arg>& args) { return i18n::fill(tr(key), args); }

}  // namespace retour::app
