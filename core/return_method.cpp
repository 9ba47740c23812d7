#include "core/return_method.h"

namespace retour {

const char* to_string(ReturnMethod m) {
    switch (m) {
        case ReturnMethod::print_label: return "print_label";
        case ReturnMethod::drop_off: return "drop_off";
        case ReturnMethod::prepaid: return "prepaid";
    }
    return "print_label";
}

std::optional<ReturnMethod> parse_return_method(std::string_view text) {
    for (ReturnMethod m : {ReturnMethod::print_label, ReturnMethod::drop_off, ReturnMethod::prepaid})
        if (text == to_string(m)) return m;
    return std::nullopt;
}

}  // namespace retour
