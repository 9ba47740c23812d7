#pragma once
// The per-language tables behind catalog(); only catalog.cpp and tests need these.
#include "core/i18n/catalog.h"

namespace retour::i18n {

const Catalog& catalog_en();
const Catalog& catalog_de();
const Catalog& catalog_nl();
const Catalog& catalog_da();
const Catalog& catalog_id();

}  // namespace retour::i18n
