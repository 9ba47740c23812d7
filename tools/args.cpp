#include "tools/args.h"

namespace retour::tools {

Args::Args(int argc, char** argv, std::set<std::string> flags) {
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        if (auto eq = name.find('='); eq != std::string::npos) {
            options_[name.substr(0, eq)] = name.substr(eq + 1);
        } else if (flags.count(name)) {
            switches_.insert(name);
        } else if (i + 1 < argc) {
            options_[name] = argv[++i];
        } else {
            throw UsageError{"option --" + name + " needs a value"};
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
    return get(name).value_or(fallback);
}

bool Args::has(const std::string& name) const {
    return switches_.count(name) > 0 || options_.count(name) > 0;
}

std::string Args::require(const std::string& name) const {
    auto v = get(name);
    if (!v) throw UsageError{"missing option --" + name};
    return *v;
}

void Args::allow_only(const std::set<std::string>& known) const {
    for (const auto& [name, value] : options_)
        if (!known.count(name)) throw UsageError{"unknown option --" + name};
    for (const auto& name : switches_)
        if (!known.count(name)) throw UsageError{"unknown option --" + name};
}

}  // namespace retour::tools
