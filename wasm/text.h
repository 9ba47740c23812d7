#pragma once
// The shopper's words: the core catalogs (core/i18n, portal-only texts under "app.*")
// in the locale chosen in the header.
#include <string>
#include <vector>

#include "core/i18n/i18n.h"

namespace retour::app {

// The locale every tr() call of this frame uses; the app sets it once per frame.
void set_locale(i18n::Locale locale);
i18n::Locale locale();

const char* tr(const char* key);
std::string trf(const char* key, const std::vector<i18n::Arg>& args);

}  // namespace retour::app
