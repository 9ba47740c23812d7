#pragma once
// The RMA number a request gets: the policy's prefix and the request id (core/label/rma.h
// has the format). One rule for the request builder and the label; the receiver checks
// it with is_rma_of, which also accepts the legacy form.
#include <string>
#include <string_view>

#include "core/policy.h"

namespace retour {

// "" when the policy has no valid prefix (parse_policy never yields one without).
std::string request_rma(const Policy& policy, std::string_view request_id);

}  // namespace retour
