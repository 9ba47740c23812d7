#pragma once
// Helpers for tests that read fixtures under RETOUR_FIXTURES.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace retour::testing {

inline std::string fixture_path(const std::string& relative) { return std::string(RETOUR_FIXTURES) + "/" + relative; }

inline std::string read_fixture(const std::string& relative) {
    std::ifstream in(fixture_path(relative), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read fixture " + relative);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline nlohmann::json read_json_fixture(const std::string& relative) {
    return nlohmann::json::parse(read_fixture(relative));
}

}  // namespace retour::testing
