#pragma once
// A folder served read-only over HTTP (`retour serve`, `retour demo`): GET and HEAD of
// files under the root, "/" and "…/" as index.html, a content type by extension. Paths
// arrive percent-decoded; any ".." segment is refused, so nothing outside the root is read.
// A file's .br or .gz sibling is sent instead when the client accepts that encoding
// (with Content-Encoding and Vary); content-hashed names are cacheable for a year.
#include <optional>
#include <string>

#include "tools/http_message.h"

namespace retour::tools {

// The file's answer, or nothing when the request is not for a file under `root`
// (the caller answers 404 or 405 then).
std::optional<HookResponse> static_file(const std::string& root, const HookRequest& request);

// {"status":"rejected","error":"not_found"} with 404.
HookResponse not_found();

}  // namespace retour::tools
