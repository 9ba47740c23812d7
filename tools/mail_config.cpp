#include "tools/mail_config.h"

#include <filesystem>

#include "core/json_reader.h"
#include "tools/file_io.h"
#include "tools/forward_config.h"

namespace retour::tools {

namespace {

bool is_local(const std::string& url) {
    for (const char* host : {"://127.0.0.1", "://localhost", "://[::1]"})
        if (url.find(host) != std::string::npos) return true;
    return false;
}

bool looks_like_address(const std::string& s) {
    const auto at = s.find('@');
    return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos &&
           s.find_first_of(" <>\r\n") == std::string::npos;
}

}  // namespace

Parsed<MailConfig> read_mail_config(const std::string& path) {
    namespace fs = std::filesystem;
    Parsed<MailConfig> out;
    std::string text;
    try {
        text = read_file(path);
    } catch (const std::exception& e) {
        out.errors.push_back({"", e.what()});
        return out;
    }
    const auto doc = parse_json_document(text, out.errors);
    if (!doc) return out;
    MailConfig c;
    const JsonReader r(&*doc, &out.errors, "");
    if (!r.object({"smtp_url", "starttls", "username", "password_file", "ca_file", "from", "merchant", "status_url",
                   "timeout_seconds", "retry"}))
        return out;
    const std::string dir = fs::path(path).parent_path().string();
    const auto resolve = [&](const std::string& f) {
        return fs::path(f).is_absolute() || dir.empty() ? f : (fs::path(dir) / f).string();
    };
    if (auto u = r["smtp_url"].string()) {
        c.smtp_url = *u;
        if (u->rfind("smtp://", 0) != 0 && u->rfind("smtps://", 0) != 0)
            r["smtp_url"].fail(*u + " must start with smtp:// or smtps://");
    }
    if (auto s = r["starttls"].boolean(false)) c.starttls = *s;
    if (!c.starttls && c.smtp_url.rfind("smtp://", 0) == 0 && !is_local(c.smtp_url))
        r["starttls"].fail("mail to " + c.smtp_url + " would travel unencrypted: keep starttls, or use smtps://");
    if (auto u = r["username"].string(false, 320)) c.username = *u;
    if (auto p = r["password_file"].string(false)) {
        try {
            c.password = read_file(resolve(*p));
            while (!c.password.empty() && (c.password.back() == '\n' || c.password.back() == '\r')) c.password.pop_back();
        } catch (const std::exception& e) {
            r["password_file"].fail(e.what());
        }
    }
    if (!c.username.empty() && c.password.empty() && !r["password_file"].present())
        r["password_file"].fail("a username needs a password_file");
    if (auto f = r["ca_file"].string(false)) c.ca_file = resolve(*f);
    for (auto [key, field] : {std::pair{"from", &c.from}, std::pair{"merchant", &c.merchant}}) {
        if (auto a = r[key].string(std::string(key) == "from", 320)) {
            *field = *a;
            if (!looks_like_address(*a)) r[key].fail("'" + *a + "' is not an e-mail address like returns@shop.example.com");
        }
    }
    if (auto s = r["status_url"].string(false, 2000)) {
        c.status_url = *s;
        if (s->find("{id}") == std::string::npos) r["status_url"].fail("must contain {id} (the request id)");
    }
    if (auto t = r["timeout_seconds"].integer(1, 300, false)) c.timeout_ms = *t * 1000;
    read_retry_schedule(r["retry"], c.retry);
    if (out.errors.empty()) out.value = std::move(c);
    return out;
}

}  // namespace retour::tools
