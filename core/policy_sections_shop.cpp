// Policy sections the portal, the labels and the receiver read: shop identity,
// return address, label and lookup settings, webhook, the merchant's public key.
#include <algorithm>

#include "core/base64url.h"
#include "core/label/rma.h"
#include "core/policy_sections.h"

namespace retour::policy_sections {
namespace {

bool is_hex_color(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// Digits with the usual separators, an optional leading "+": "+49 40 1234-567".
bool is_phone(std::string_view s) {
    int digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') ++digits;
        else if (!(c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == '.' || (c == '+' && i == 0)))
            return false;
    }
    return digits >= 3 && digits <= 20;
}

}  // namespace

void read_shop(const JsonReader& r, Shop& out) {
    if (!r.object({"name", "accent_color", "logo_text", "url"})) return;
    if (auto s = r["name"].string(true, 200)) out.name = *s;
    if (auto s = r["accent_color"].string(true, 100)) {
        if (is_hex_color(*s)) out.accent_color = *s;
        else r["accent_color"].fail("expected a colour as \"#RRGGBB\"");
    }
    if (auto s = r["logo_text"].string(true, 40)) out.logo_text = *s;
    if (auto s = read_url(r["url"])) out.url = *s;
}

void read_merchant(const JsonReader& r, Merchant& out) {
    if (!r.object({"return_address", "email"})) return;
    read_named_address(r["return_address"], out.return_address);
    if (auto s = r["email"].string(false, 254)) {
        if (is_email(*s)) out.email = *s;
        else r["email"].fail("expected an e-mail address");
    }
}

void read_contact(const JsonReader& r, Contact& out) {
    if (!r.present()) return;
    if (!r.object({"email", "phone", "url"})) return;
    if (auto s = r["email"].string(false, 254)) {
        if (is_email(*s)) out.email = *s;
        else r["email"].fail("expected an e-mail address");
    }
    if (auto s = r["phone"].string(false, 40)) {
        if (is_phone(*s)) out.phone = *s;
        else r["phone"].fail("expected a phone number such as \"+49 40 1234567\"");
    }
    if (auto s = read_url(r["url"], false)) out.url = *s;
    if (!r["email"].present() && !r["phone"].present() && !r["url"].present()) r.fail("expected at least one of \"email\", \"phone\", \"url\"");
}

void read_labels(const JsonReader& r, LabelSettings& out) {
    if (!r.object({"rma_prefix", "carrier", "service", "qr", "prepaid_label_url"})) return;
    if (auto s = r["rma_prefix"].string(true, 100)) {
        if (label::valid_rma_prefix(*s)) out.rma_prefix = *s;
        else r["rma_prefix"].fail("expected 2 to 6 upper-case letters or digits");
    }
    if (auto s = r["carrier"].string(true, 100)) out.carrier = *s;
    if (auto s = r["service"].string(true, 100)) out.service = *s;
    const JsonReader qr = r["qr"];
    if (qr.object({"payload", "status_url"})) {
        if (auto s = qr["payload"].one_of({"status_url", "compact"})) out.qr_payload = *s;
        if (auto s = read_url(qr["status_url"], out.qr_payload == "status_url")) {
            if (s->find("{rma}") != std::string::npos) out.qr_status_url = *s;
            else qr["status_url"].fail("expected a URL template containing \"{rma}\"");
        }
    }
    if (auto s = read_url(r["prepaid_label_url"], false)) out.prepaid_label_url = *s;
}

void read_lookup(const JsonReader& r, Lookup& out) {
    if (!r.object({"mode", "identifier", "endpoint_url"})) return;
    if (auto s = r["mode"].one_of({"signed_link", "published", "endpoint"})) out.mode = *s;
    if (auto s = r["identifier"].one_of({"email", "postcode"})) out.identifier = *s;
    if (auto s = read_url(r["endpoint_url"], out.mode == "endpoint")) out.endpoint_url = *s;
}

void read_webhook(const JsonReader& r, Webhook& out) {
    if (!r.object({"url", "content_type", "late_grace_days"})) return;
    if (auto s = read_url(r["url"])) out.url = *s;
    if (auto s = r["content_type"].one_of({"application/json", "text/plain"})) out.content_type = *s;
    if (auto n = r["late_grace_days"].integer(0, 90, false)) out.late_grace_days = static_cast<std::int32_t>(*n);
}

void read_public_key(const JsonReader& r, Policy& out) {
    auto s = r.string(true, 200);
    if (!s) return;
    // `retour keygen` writes base64url; standard base64 ('+', '/', padding) is
    // accepted too, since it is what most other tools print.
    std::string url = *s;
    std::replace(url.begin(), url.end(), '+', '-');
    std::replace(url.begin(), url.end(), '/', '_');
    const Base64Decoded d = base64url_decode(url);
    if (!d.ok() || d.bytes.size() != out.public_key_bytes.size()) {
        r.fail("expected a base64 Ed25519 public key (32 bytes)" +
               (d.ok() ? ", got " + std::to_string(d.bytes.size()) + " bytes" : ": " + d.error));
        return;
    }
    out.public_key = *s;
    std::copy(d.bytes.begin(), d.bytes.end(), out.public_key_bytes.begin());
}

}  // namespace retour::policy_sections
