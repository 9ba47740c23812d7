#pragma once
// Label inputs built from the fixtures in tests/fixtures/labels.
#include <stdexcept>
#include <string>

#include "core/label/label_json.h"
#include "tests/core/fixture.h"

namespace retour::testing {

inline label::LabelInput label_fixture_input(const std::string& request, const std::string& policy) {
    auto result = label::label_input_from_json_text(read_fixture("labels/" + request), read_fixture("labels/" + policy));
    if (!result.ok()) throw std::runtime_error("fixture does not map: " + result.errors.front().to_string());
    return *result.input;
}

// The plain sample, and the demo one full of hostile and non-Latin-1 text.
inline label::LabelInput sample_label_input() { return label_fixture_input("request.json", "policy.json"); }
inline label::LabelInput hostile_label_input() {
    return label_fixture_input("request-hostile.json", "policy-json-qr.json");
}

}  // namespace retour::testing
