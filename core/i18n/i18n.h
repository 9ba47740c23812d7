#pragma once
// Everything a shell needs to speak the shopper's language (one include for the UI).
#include "core/i18n/catalog.h"
#include "core/i18n/country_names.h"
#include "core/i18n/date_format.h"
#include "core/i18n/describe.h"
#include "core/i18n/locale.h"
#include "core/i18n/money_format.h"
