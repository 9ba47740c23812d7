#include "tools/forward_config.h"

#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/json_reader.h"
#include "core/standard_webhooks.h"
#include "tools/file_io.h"
#include "tools/http_client.h"
#include "tools/key_file.h"

namespace retour::tools {

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

void warn_if_readable_by_others(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077))
        std::fprintf(stderr, "warning: %s can be read by other users (chmod 600 it)\n", path.c_str());
}

std::string resolve(const std::string& base_dir, const std::string& file) {
    namespace fs = std::filesystem;
    return fs::path(file).is_absolute() || base_dir.empty() ? file : (fs::path(base_dir) / file).string();
}

// Reads the secrets an endpoint names; problems go to `errors` at `pointer`.
void load_keys(ForwardEndpoint& e, const std::string& secret_file, const std::string& key_file,
               const std::string& pointer, FieldErrors& errors) {
    if (!secret_file.empty()) {
        try {
            const WebhookKey k = parse_webhook_secret(trimmed(read_file(secret_file)));
            if (!k.ok()) errors.push_back({pointer + "/secret_file", secret_file + " " + k.error});
            else e.secret = k.bytes;
            warn_if_readable_by_others(secret_file);
        } catch (const std::exception& ex) {
            errors.push_back({pointer + "/secret_file", ex.what()});
        }
    }
    if (!key_file.empty()) {
        try {
            const std::string text = trimmed(read_file(key_file));
            if (text.rfind("wh", 0) == 0) {
                const WebhookKey k = parse_webhook_signing_key(text);
                if (!k.ok()) errors.push_back({pointer + "/signing_key_file", key_file + " " + k.error});
                else e.signing_key = k.bytes;
                warn_if_readable_by_others(key_file);
            } else {
                e.signing_key = read_secret_key(key_file);  // `retour keygen`'s format, with its checks
            }
        } catch (const std::exception& ex) {
            errors.push_back({pointer + "/signing_key_file", ex.what()});
        }
    }
    if (!e.signing_key.empty()) e.public_key = format_webhook_public_key(*crypto::ed25519_public_key_of(e.signing_key));
    if (secret_file.empty() && key_file.empty())
        errors.push_back({pointer, "needs \"secret_file\" (v1, whsec_…) or \"signing_key_file\" (v1a), or both"});
}

// A number of seconds (fractions allowed: tests run on short timings) as milliseconds.
std::int64_t seconds_ms(const JsonReader& r, std::int64_t fallback, double min, double max) {
    if (!r.present()) return fallback;
    const nlohmann::json& v = *r.raw();
    if (!v.is_number() || !(v.get<double>() >= min && v.get<double>() <= max)) {
        r.fail("expected a number of seconds from " + std::to_string(min).substr(0, 5) + " to " +
               std::to_string(static_cast<std::int64_t>(max)));
        return fallback;
    }
    return static_cast<std::int64_t>(std::llround(v.get<double>() * 1000));
}

}  // namespace

Parsed<ForwardConfig> read_forward_config(const std::string& path) {
    Parsed<ForwardConfig> out;
    FieldErrors& errors = out.errors;
    const auto doc = parse_json_document(read_file(path), errors);
    if (!doc) return out;
    const std::string dir = std::filesystem::path(path).parent_path().string();
    ForwardConfig config;
    const JsonReader root(&*doc, &errors, "");
    if (root.object({"endpoints", "timeout_seconds", "retry"})) {
        const JsonReader list = root["endpoints"];
        if (list.array()) {
            if (list.size() == 0) list.fail("lists no endpoint");
            for (std::size_t i = 0; i < list.size(); ++i) {
                const JsonReader item = list.at(i);
                if (!item.object({"url", "secret_file", "signing_key_file"})) continue;
                ForwardEndpoint e;
                if (auto url = item["url"].string(true, 2000)) {
                    const std::string problem = endpoint_url_problem(*url);
                    if (!problem.empty()) item["url"].fail(*url + " " + problem);
                    for (const ForwardEndpoint& other : config.endpoints)
                        if (other.url == *url) item["url"].fail(*url + " is listed twice");
                    e.url = *url;
                }
                const auto secret = item["secret_file"].string(false);
                const auto key = item["signing_key_file"].string(false);
                load_keys(e, secret ? resolve(dir, *secret) : "", key ? resolve(dir, *key) : "", item.pointer(), errors);
                config.endpoints.push_back(std::move(e));
            }
        }
        config.timeout_ms = seconds_ms(root["timeout_seconds"], config.timeout_ms, 1, 120);
        read_retry_schedule(root["retry"], config.retry);
    }
    if (errors.empty()) out.value = std::move(config);
    return out;
}

void read_retry_schedule(const JsonReader& retry, RetrySchedule& out) {
    if (!retry.object({"first_delay_seconds", "max_delay_seconds", "give_up_after_seconds"}, false)) return;
    out.first_delay_ms = seconds_ms(retry["first_delay_seconds"], out.first_delay_ms, 0.05, 86'400);
    out.max_delay_ms = seconds_ms(retry["max_delay_seconds"], out.max_delay_ms, 0.05, 7 * 86'400);
    out.give_up_after_ms = seconds_ms(retry["give_up_after_seconds"], out.give_up_after_ms, 0.05, 30 * 86'400);
}

Parsed<ForwardEndpoint> forward_endpoint_from_files(const std::string& url, const std::string& secret_file,
                                                     const std::string& signing_key_file) {
    Parsed<ForwardEndpoint> out;
    ForwardEndpoint e;
    e.url = url;
    const std::string problem = endpoint_url_problem(url);
    if (!problem.empty()) out.errors.push_back({"", url + " " + problem});
    load_keys(e, secret_file, signing_key_file, "", out.errors);
    if (out.errors.empty()) out.value = std::move(e);
    return out;
}

std::string signature_header(const ForwardEndpoint& endpoint, const std::string& id, std::int64_t timestamp,
                             const std::string& body) {
    std::string header;
    if (!endpoint.secret.empty()) header = sign_v1(endpoint.secret, id, timestamp, body);
    if (!endpoint.signing_key.empty())
        if (auto v1a = sign_v1a(endpoint.signing_key, id, timestamp, body)) header += (header.empty() ? "" : " ") + *v1a;
    return header;
}

}  // namespace retour::tools
