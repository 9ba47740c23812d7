#include "tools/static_files.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
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

// Whether the client takes `coding` (Accept-Encoding: "gzip, deflate, br;q=0.9").
// q=0 means "not this one"; tokens are case-insensitive.
bool accepts(const std::string& accept_encoding, const std::string& coding) {
    std::size_t begin = 0;
    while (begin < accept_encoding.size()) {
        std::size_t end = accept_encoding.find(',', begin);
        if (end == std::string::npos) end = accept_encoding.size();
        std::string item = accept_encoding.substr(begin, end - begin);
        begin = end + 1;
        for (char& c : item) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
        const std::size_t semi = item.find(';');
        if (item.substr(0, semi) != coding) continue;
        if (semi == std::string::npos) return true;
        const std::string param = item.substr(semi + 1);
        if (param.rfind("q=", 0) != 0) return true;
        return std::strtod(param.c_str() + 2, nullptr) > 0;
    }
    return false;
}

// The build names the app's files by their content ("retour.2d435aed3d10.wasm"): such a
// file never changes, so browsers may keep it for a year without asking again. The
// entry points (index.html, embed.js, sw.js, policy.json) must be asked for every time.
bool content_hashed(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    const std::size_t first = name.find('.');
    if (first == std::string::npos) return false;
    const std::size_t second = name.find('.', first + 1);
    if (second != first + 13) return false;
    return std::all_of(name.begin() + first + 1, name.begin() + second,
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

HookResponse not_found() { return HookResponse{404, "application/json", R"({"status":"rejected","error":"not_found"})", {}, {}, {}}; }

std::optional<HookResponse> static_file(const std::string& root, const HookRequest& req) {
    if ((req.method != "GET" && req.method != "HEAD") || !safe_path(req.path)) return std::nullopt;
    std::string path = root + req.path;
    if (path.back() == '/') path += "index.html";
    if (!is_file(path)) return std::nullopt;
    HookResponse r;
    r.content_type = content_type(path);
    r.headers.emplace_back("Cache-Control", content_hashed(path) ? "public, max-age=31536000, immutable" : "no-cache");
    // A precompressed sibling the build wrote (tools/dist/assemble.mjs), if the client takes it.
    const bool has_br = is_file(path + ".br"), has_gz = is_file(path + ".gz");
    if (has_br || has_gz) r.headers.emplace_back("Vary", "Accept-Encoding");
    const std::string accept = req.header("accept-encoding");
    if (has_br && accepts(accept, "br")) {
        r.headers.emplace_back("Content-Encoding", "br");
        r.body = read_file(path + ".br");
    } else if (has_gz && accepts(accept, "gzip")) {
        r.headers.emplace_back("Content-Encoding", "gzip");
        r.body = read_file(path + ".gz");
    } else {
        r.body = read_file(path);
    }
    return r;
}

}  // namespace retour::tools
