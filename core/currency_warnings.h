#pragma once
// Warnings for a policy's "currencies" entries (policy.h Policy::currencies): an amount
// an entry does not restate keeps the policy's number, now read in the entry's
// currency (495 = EUR 4.95 becomes DKK 4.95), which is rarely what the merchant meant.
#include "core/json_error.h"
#include "core/policy.h"

namespace retour {

// One warning per amount that is not zero and the same in an entry as in the policy,
// with the pointer where the entry would state it.
FieldErrors currency_amount_warnings(const Policy& policy);

}  // namespace retour
