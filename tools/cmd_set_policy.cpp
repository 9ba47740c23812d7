// `retour set-policy P KEY=VALUE…`: change fields of a policy file from the shell (the
// webhook URL, the lookup mode) without an editor or jq. Keys are dotted paths
// ("webhook.url", "reasons.0.labels.da") or JSON pointers; `KEY=text` sets a string,
// `KEY:=json` any JSON value. The result is checked like check-policy and written only
// when valid; key order and "$comment"s are kept (the layout becomes 2-space indented).
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/policy.h"
#include "core/policy_warnings.h"
#include "tools/commands.h"
#include "tools/file_io.h"

namespace retour::tools {

namespace {

using ordered = nlohmann::ordered_json;

std::string to_pointer(const std::string& key) {
    if (!key.empty() && key.front() == '/') return key;
    std::string out = "/";
    for (char c : key) out += c == '.' ? std::string("/") : c == '~' ? std::string("~0") : c == '/' ? "~1" : std::string(1, c);
    return out;
}

}  // namespace

int cmd_set_policy(int argc, char** argv) {
    if (argc < 2) throw UsageError{"expected a policy file and at least one KEY=VALUE"};
    const std::string path = argv[0];
    ordered doc = ordered::parse(read_file(path), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        throw std::runtime_error(path + " is not a JSON object (retour check-policy " + path + " says where)");
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto eq = arg.find('=');
        if (eq == std::string::npos || eq == 0) throw UsageError{"expected KEY=VALUE or KEY:=JSON, not '" + arg + "'"};
        const bool as_json = arg[eq - 1] == ':';
        const std::string key = arg.substr(0, as_json ? eq - 1 : eq), text = arg.substr(eq + 1);
        ordered value = text;
        if (as_json) {
            value = ordered::parse(text, nullptr, false);
            if (value.is_discarded()) throw UsageError{key + ":= expects JSON (a string needs quotes, or use " + key + "=)"};
        }
        try {
            doc[ordered::json_pointer(to_pointer(key))] = value;
        } catch (const nlohmann::json::exception&) {
            throw UsageError{"cannot set " + key + " in " + path + ": a part of the path is not an object or array"};
        }
    }
    const Parsed<Policy> p = parse_policy(nlohmann::json::parse(doc.dump()));
    if (!p.ok()) {
        for (const auto& e : p.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), e.text().c_str());
        std::fprintf(stderr, "%s: not changed (the change would make it invalid)\n", path.c_str());
        return 1;
    }
    write_file(path, doc.dump(2, ' ', false) + "\n");
    for (const auto& w : policy_warnings(*p.value)) std::fprintf(stderr, "%s: warning: %s\n", path.c_str(), w.text().c_str());
    std::printf("%s: updated, version %s, hash %s\n"
                "Copy it to the portal folder and restart `retour hook` to serve it.\n",
                path.c_str(), p.value->version.c_str(), p.value->hash.c_str());
    return 0;
}

}  // namespace retour::tools
