#pragma once
// What a valid policy may still get wrong for shoppers, reported by `retour
// check-policy` as warnings (the policy works; the exit code stays 0):
//  - a time zone given as a fixed offset ("+01:00"), which ignores daylight saving;
//  - a reason or sub-reason label missing in a language the portal offers, so shoppers
//    who chose that language read it in English among texts in their own;
//  - an amount a "currencies" entry leaves as the policy's number (currency_warnings.h).
#include "core/json_error.h"
#include "core/policy.h"

namespace retour {

// Each warning carries the JSON pointer where the missing text belongs.
FieldErrors policy_warnings(const Policy& policy);

}  // namespace retour
