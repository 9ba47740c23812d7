#pragma once
// How the parcel goes back: the one list for the request, the label and the portal.
//   print_label  the shopper prints our label (an RMA slip) and pays the postage
//   drop_off     the shopper shows the label's QR code at a drop-off point
//   prepaid      the merchant's own prepaid label (policy labels.prepaid_label_url)
#include <cstdint>
#include <optional>
#include <string_view>

namespace retour {

enum class ReturnMethod : std::uint8_t { print_label, drop_off, prepaid };

const char* to_string(ReturnMethod m);  // "print_label", "drop_off", "prepaid"
std::optional<ReturnMethod> parse_return_method(std::string_view text);

}  // namespace retour
