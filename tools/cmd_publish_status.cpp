// `retour publish-status`: the status documents GET /status/<request id> answers, as
// static files beside the published orders, for shops whose portal cannot reach a
// running receiver: <out>/<request id>.<lang>.json for each of the five languages and
// <out>/<request id>.json in the shopper's own. The request id stays the capability
// (file names are unguessable; turn off directory listings for the folder).
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <stdexcept>

#include "core/canonical_json.h"
#include "core/i18n/locale.h"
#include "core/return_timeline.h"
#include "tools/commands.h"
#include "tools/file_io.h"
#include "tools/return_history.h"

namespace retour::tools {

namespace {

// Unchanged files are left alone, so a deploy uploads only what moved.
bool write_if_changed(const std::string& path, const std::string& content) {
    try {
        if (read_file(path) == content) return false;
    } catch (const std::runtime_error&) {
        // not there yet
    }
    write_file(path, content);
    return true;
}

}  // namespace

int cmd_publish_status(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"db", "out"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument " + args.positional().front()};
    const std::string out_dir = args.require("out");
    ReturnHistory history(args.require("db"));
    if (::mkdir(out_dir.c_str(), 0755) != 0 && errno != EEXIST) throw std::runtime_error("cannot create folder " + out_dir);
    std::size_t returns = 0, written = 0;
    for (const ReturnRecord& r : history.all()) {
        if (!valid_request_id(r.request.id)) continue;  // never a file name from an id that is not one
        ++returns;
        const std::string base = out_dir + "/" + r.request.id;
        for (const auto& info : i18n::available_locales())
            written += write_if_changed(base + "." + info.tag + ".json",
                                        canonical_dump(status_document(r.request, r.life, info.locale)));
        written += write_if_changed(
            base + ".json", canonical_dump(status_document(r.request, r.life, i18n::parse_locale(r.request.locale))));
    }
    std::printf("%zu return%s: %zu status file%s written to %s\n", returns, returns == 1 ? "" : "s", written,
                written == 1 ? "" : "s", out_dir.c_str());
    return 0;
}

}  // namespace retour::tools
