#include "tools/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace retour::tools {

namespace {

constexpr std::size_t kKeptBody = 1000;

// curl_global_init is not thread-safe: run it once, before the first handle.
void ensure_curl() {
    static const CURLcode status = curl_global_init(CURL_GLOBAL_DEFAULT);
    (void)status;
}

std::size_t keep_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* out = static_cast<std::string*>(user);
    const std::size_t bytes = size * n;
    if (out->size() < kKeptBody) out->append(data, std::min(bytes, kKeptBody - out->size()));
    return bytes;
}

std::size_t find_retry_after(char* data, std::size_t size, std::size_t n, void* user) {
    const std::size_t bytes = size * n;
    static const std::string kName = "retry-after:";
    if (bytes > kName.size()) {
        std::string head(data, kName.size());
        std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (head == kName) {
            std::string value(data + kName.size(), bytes - kName.size());
            while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
            while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.erase(0, 1);
            *static_cast<std::string*>(user) = value;
        }
    }
    return bytes;
}

// libcurl calls this often during a transfer; non-zero aborts it.
int check_cancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel && cancel->load() ? 1 : 0;
}

struct UrlParts {
    std::string scheme, host, user, error;
};

UrlParts parse_url(const std::string& url) {
    ensure_curl();
    UrlParts parts;
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
    const CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0);
    if (rc != CURLUE_OK) {
        parts.error = curl_url_strerror(rc);
        return parts;
    }
    auto get = [&](CURLUPart part, std::string& out) {
        char* v = nullptr;
        if (curl_url_get(u.get(), part, &v, 0) == CURLUE_OK && v) out = v;
        curl_free(v);
    };
    get(CURLUPART_SCHEME, parts.scheme);
    get(CURLUPART_HOST, parts.host);
    get(CURLUPART_USER, parts.user);
    return parts;
}

}  // namespace

std::string endpoint_url_problem(const std::string& url) {
    if (url.find_first_of(" \t\r\n") != std::string::npos) return "contains white space";
    const UrlParts p = parse_url(url);
    if (!p.error.empty()) return "is not a URL (" + p.error + ")";
    if (p.scheme != "https" && p.scheme != "http") return "must start with https:// (not " + p.scheme + "://)";
    if (p.host.empty()) return "has no host";
    if (!p.user.empty()) return "must not hold a user name or password (put secrets in files)";
    const bool local = p.host == "127.0.0.1" || p.host == "[::1]" || p.host == "localhost";
    if (p.scheme == "http" && !local)
        return "must use https:// (events carry shopper data; plain http is allowed only to 127.0.0.1 or localhost)";
    return "";
}

HttpAnswer http_post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                     long timeout_ms, const std::atomic<bool>* cancel) {
    ensure_curl();
    HttpAnswer answer;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) {
        answer.error = "libcurl could not start a request";
        return answer;
    }
    curl_slist* list = nullptr;
    for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
    list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(list, curl_slist_free_all);
    char error[CURL_ERROR_SIZE] = {0};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "retour-forwarder/1");
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 10'000L));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, find_retry_after);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &answer.retry_after);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    if (cancel) {
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, check_cancel);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, cancel);
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    }
    const CURLcode rc = curl_easy_perform(c);
    double total = 0;
    curl_easy_getinfo(c, CURLINFO_TOTAL_TIME, &total);
    answer.seconds = total;
    if (rc != CURLE_OK) {
        answer.error = error[0] ? error : curl_easy_strerror(rc);
        return answer;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
    return answer;
}

}  // namespace retour::tools
