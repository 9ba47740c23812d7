#include "tools/smtp_client.h"

#include <curl/curl.h>

#include <ctime>
#include <memory>

#include "core/base64url.h"

namespace retour::tools {

namespace {

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

Curl session(const MailConfig& c, char* error) {
    static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
    (void)init;
    Curl curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return curl;
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, c.smtp_url.c_str());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(c.timeout_ms));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(c.timeout_ms));
    if (c.starttls) curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!c.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, c.ca_file.c_str());
    if (!c.username.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, c.username.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, c.password.c_str());
    }
    return curl;
}

std::string outcome(CURLcode rc, const char* error) {
    if (rc == CURLE_OK) return "";
    return std::string(curl_easy_strerror(rc)) + (error[0] ? std::string(": ") + error : std::string());
}

// RFC 2047: a header text that may hold any UTF-8.
std::string encoded_word(const std::string& text) {
    return "=?UTF-8?B?" + base64_encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()) + "?=";
}

std::string crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' && (out.empty() || out.back() != '\r')) out += '\r';
        out += c;
    }
    return out;
}

std::string rfc5322_date() {
    char buf[64];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

}  // namespace

std::string smtp_send(const MailConfig& c, const OutgoingMail& m) {
    char error[CURL_ERROR_SIZE] = {0};
    Curl curl = session(c, error);
    if (!curl) return "libcurl could not start";
    CURL* h = curl.get();
    const std::string from = "<" + c.from + ">", to = "<" + m.to + ">";
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(curl_slist_append(nullptr, to.c_str()),
                                                                       curl_slist_free_all);
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());

    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
    for (const std::string& line : {"Date: " + rfc5322_date(), "From: " + c.from, "To: " + m.to,
                                    "Subject: " + encoded_word(m.subject)})
        headers.reset(curl_slist_append(headers.release(), line.c_str()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

    std::unique_ptr<curl_mime, decltype(&curl_mime_free)> mime(curl_mime_init(h), curl_mime_free);
    curl_mime* alternative = curl_mime_init(h);
    // Mail lines end in CRLF; the quoted-printable encoder escapes a bare LF.
    const std::string text = crlf(m.text), html = crlf(m.html);
    for (const auto& [body, type] : {std::pair{&text, "text/plain; charset=UTF-8"}, std::pair{&html, "text/html; charset=UTF-8"}}) {
        curl_mimepart* part = curl_mime_addpart(alternative);
        curl_mime_data(part, body->data(), body->size());
        curl_mime_type(part, type);
        curl_mime_encoder(part, "quoted-printable");
    }
    curl_mimepart* both = curl_mime_addpart(mime.get());
    curl_mime_subparts(both, alternative);  // owned by `mime` from here
    curl_mime_type(both, "multipart/alternative");
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> inline_header(
        curl_slist_append(nullptr, "Content-Disposition: inline"), curl_slist_free_all);
    curl_mime_headers(both, inline_header.get(), 0);
    if (!m.attachment_name.empty()) {
        curl_mimepart* file = curl_mime_addpart(mime.get());
        curl_mime_data(file, m.attachment.data(), m.attachment.size());
        curl_mime_filename(file, m.attachment_name.c_str());
        curl_mime_type(file, m.attachment_type.c_str());
        curl_mime_encoder(file, "base64");
    }
    curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get());
    return outcome(curl_easy_perform(h), error);
}

std::string smtp_check(const MailConfig& c) {
    char error[CURL_ERROR_SIZE] = {0};
    Curl curl = session(c, error);
    if (!curl) return "libcurl could not start";
    // No recipient and no upload: libcurl logs in and sends only this command.
    curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, "NOOP");
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, +[](char*, std::size_t size, std::size_t n, void*) { return size * n; });
    return outcome(curl_easy_perform(curl.get()), error);
}

}  // namespace retour::tools
