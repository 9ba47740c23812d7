// retour check-policy P: every validation error with its JSON pointer (exit 1), or a
// one-line summary of a valid policy (exit 0), after its warnings (policy_warnings.h).
#include <cstdio>

#include "core/policy.h"
#include "core/policy_warnings.h"
#include "tools/commands.h"
#include "tools/file_io.h"

namespace retour::tools {

int cmd_check_policy(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({});
    if (args.positional().size() != 1) throw UsageError{"expected one policy file"};
    const std::string& path = args.positional()[0];
    const Parsed<Policy> p = parse_policy_text(read_file(path));
    if (!p.ok()) {
        for (const auto& e : p.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), e.text().c_str());
        std::fprintf(stderr, "%s: %zu error%s\n", path.c_str(), p.errors.size(), p.errors.size() == 1 ? "" : "s");
        return 1;
    }
    const Policy& pol = *p.value;
    const FieldErrors warnings = policy_warnings(pol);
    for (const auto& w : warnings) std::fprintf(stderr, "%s: warning: %s\n", path.c_str(), w.text().c_str());
    std::printf("%s: ok: version %s, %s, %s, %d-day window, late requests reviewed up to %d days, %zu reasons, hash %s%s\n",
                path.c_str(), pol.version.c_str(), pol.currency.str().c_str(), pol.time_zone.name().c_str(),
                pol.windows.default_days, pol.webhook.late_grace_days, pol.reasons.size(), pol.hash.c_str(),
                warnings.empty() ? "" : (", " + std::to_string(warnings.size()) + " warning" + (warnings.size() == 1 ? "" : "s")).c_str());
    return 0;
}

}  // namespace retour::tools
