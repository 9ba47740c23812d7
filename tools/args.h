#pragma once
// Command-line arguments of one subcommand: `--name value` options, `--flag`
// switches and positionals. Unknown or missing options are reported by name.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace retour::tools {

class Args {
public:
    // `flags` are the options that take no value; every other `--x` takes one.
    Args(int argc, char** argv, std::set<std::string> flags = {});

    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& fallback) const;
    bool has(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

    // Throws UsageError naming the option when it is absent.
    std::string require(const std::string& name) const;
    // Throws UsageError when an option not in `known` was given (catches typos).
    void allow_only(const std::set<std::string>& known) const;

private:
    std::map<std::string, std::string> options_;
    std::set<std::string> switches_;
    std::vector<std::string> positional_;
};

struct UsageError {
    std::string message;
};

}  // namespace retour::tools
