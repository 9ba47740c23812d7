// `retour label`: render the return label for a request under a policy.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/i18n/locale.h"
#include "core/label/label.h"
#include "core/label/label_json.h"
#include "core/label/label_request.h"
#include "core/policy.h"
#include "core/return_request.h"
#include "tools/commands.h"
#include "tools/file_io.h"

namespace retour::tools {

int cmd_label(int argc, char** argv) {
    // Args knows only "--name"; the short "-o" is spelled out as "--output".
    std::vector<std::string> spelled(argv, argv + argc);
    for (auto& a : spelled)
        if (a == "-o") a = "--output";
    std::vector<char*> pointers;
    for (auto& a : spelled) pointers.push_back(a.data());
    Args args(argc, pointers.data());
    args.allow_only({"request", "policy", "format", "size", "output", "locale"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument '" + args.positional().front() + "'"};
    const std::string request_path = args.require("request");
    const std::string policy_path = args.require("policy");
    const std::string out_path = args.require("output");

    label::LabelOptions options;
    const std::string format = args.get_or("format", "pdf");
    const std::string size = args.get_or("size", "4x6");
    if (auto f = label::parse_label_format(format)) options.format = *f;
    else throw UsageError{"--format must be pdf, svg or zpl, not '" + format + "'"};
    if (auto s = label::parse_label_size(size)) options.size = *s;
    else throw UsageError{"--size must be 4x6, a6, a4 or letter, not '" + size + "'"};

    // The label speaks the request's language; --locale prints it in another one.
    const std::string locale = args.get_or("locale", "");
    if (args.has("locale") && !i18n::match_locale(locale))
        throw UsageError{"--locale must be " + i18n::locale_tags_listed() + " (or a tag like de-AT), not '" + locale + "'"};

    // A stored webhook message (envelope) works as well as the bare request in it.
    std::string request_text = read_file(request_path);
    auto doc = nlohmann::json::parse(request_text, nullptr, false);
    if (doc.is_object() && doc.contains("type") && doc.contains("data") && doc["data"].is_object()) {
        doc = doc["data"];
        request_text = doc.dump();
    }
    if (args.has("locale") && doc.is_object()) {
        doc["locale"] = locale;
        request_text = doc.dump();
    }
    const std::string policy_text = read_file(policy_path);
    std::optional<label::LabelInput> input;
    // A whole request (as the receiver stores it) under a valid policy: drawn from the
    // typed values, as the portal draws it. Anything less (a hand-written or older
    // document): read for the fields a label needs (label_json.h), the same output.
    const Parsed<ReturnRequest> request = parse_return_request(doc);
    const Parsed<Policy> policy = parse_policy_text(policy_text);
    if (request.ok() && policy.ok()) {
        label::LabelFromRequest typed = label::label_input(*request.value, *policy.value);
        if (!typed.ok()) {
            std::fprintf(stderr, "%s: %s\n", request_path.c_str(), typed.error.c_str());
            return 1;
        }
        input = std::move(typed.input);
    } else {
        auto read = label::label_input_from_json_text(request_text, policy_text);
        if (!read.ok()) {
            for (const auto& e : read.errors) {
                const std::string& path = e.document == "request" ? request_path : policy_path;
                std::fprintf(stderr, "%s: %s\n", path.c_str(), e.to_string().c_str());
            }
            return 1;
        }
        input = std::move(read.input);
    }
    label::Label out = label::render_label(*input, options);
    for (const auto& w : out.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    write_file(out_path, out.bytes);
    std::fprintf(stderr, "%s: %s label %s, %zu bytes\n", out_path.c_str(), std::string(label::label_size_name(options.size)).c_str(),
                 input->rma.c_str(), out.bytes.size());
    return 0;
}

}  // namespace retour::tools
