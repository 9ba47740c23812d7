#include "core/request_rma.h"

#include "core/label/rma.h"

namespace retour {

std::string request_rma(const Policy& policy, std::string_view request_id) {
    const std::string& prefix = policy.labels.rma_prefix;
    return label::valid_rma_prefix(prefix) ? label::rma_number(prefix, request_id) : std::string();
}

}  // namespace retour
