#include "tools/static_files.h"

#include <filesystem>
#include <system_error>

#include "tools/file_io.h"

namespace retour::tools {

namespace {

const char* content_type(const std::string& path) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"}, {".mjs", "text/javascript"},
        {".css", "text/css"}, {".json", "application/json"}, {".wasm", "application/wasm"}, {".ttf", "font/ttf"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"}, {".pdf", "application/pdf"}};
    const std::string ext = std::filesystem::path(path).extension().string();
    for (const auto& [e, type] : kTypes)
        if (ext == e) return type;
    return "application/octet-stream";
}

bool safe_path(const std::string& path) {
    if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
        return false;
    std::size_t begin = 1;
    while (begin <= path.size()) {
        std::size_t end = path.find('/', begin);
        if (end == std::string::npos) end = path.size();
        if (path.compare(begin, end - begin, "..") == 0) return false;
        begin = end + 1;
    }
    return true;
}

}  // namespace

HookResponse not_found() { return HookResponse{404, "application/json", R"({"status":"rejected","error":"not_found"})", {}, {}, {}}; }

std::optional<HookResponse> static_file(const std::string& root, const HookRequest& req) {
    if ((req.method != "GET" && req.method != "HEAD") || !safe_path(req.path)) return std::nullopt;
    std::string path = root + req.path;
    if (path.back() == '/') path += "index.html";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    HookResponse r;
    r.content_type = content_type(path);
    r.body = read_file(path);
    return r;
}

}  // namespace retour::tools
