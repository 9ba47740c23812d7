#include "core/label/label_json.h"

#include "core/date.h"
#include "core/json_reader.h"
#include "core/label/qr.h"
#include "core/label/rma.h"
#include "core/time_zone.h"

namespace retour::label {

namespace {

using nlohmann::json;

// Reads typed fields by JSON pointer from one document, collecting errors.
class Reader {
public:
    Reader(const json& root, std::string document, std::vector<FieldError>& errors)
        : root_(root), document_(std::move(document)), errors_(errors) {}

    // The value at `pointer`, or nullptr when any step of the path is absent.
    const json* find(const std::string& pointer) const {
        const json* node = &root_;
        std::size_t i = 1;
        while (i <= pointer.size() && i > 0) {
            std::size_t end = pointer.find('/', i);
            if (end == std::string::npos) end = pointer.size();
            std::string key = pointer.substr(i, end - i);
            if (node->is_object()) {
                auto it = node->find(key);
                if (it == node->end()) return nullptr;
                node = &*it;
            } else if (node->is_array()) {
                std::size_t index = std::stoul(key);
                if (index >= node->size()) return nullptr;
                node = &(*node)[index];
            } else {
                return nullptr;
            }
            i = end + 1;
        }
        return node;
    }

    std::string text(const std::string& pointer, bool required) {
        const json* v = find(pointer);
        if (!v || v->is_null()) {
            if (required) fail(pointer, "missing");
            return "";
        }
        if (!v->is_string()) {
            fail(pointer, "must be a string");
            return "";
        }
        auto s = v->get<std::string>();
        if (required && s.empty()) fail(pointer, "must not be empty");
        return s;
    }

    bool flag(const std::string& pointer) {
        const json* v = find(pointer);
        if (!v || v->is_null()) return false;
        if (!v->is_boolean()) {
            fail(pointer, "must be true or false");
            return false;
        }
        return v->get<bool>();
    }

    NamedAddress address(const std::string& base, const std::string& name_pointer) {
        NamedAddress a;
        a.name = text(name_pointer, true);
        a.line1 = text(base + "/line1", true);
        a.line2 = text(base + "/line2", false);
        a.city = text(base + "/city", true);
        a.postcode = text(base + "/postcode", false);
        a.region = text(base + "/region", false);
        a.country = text(base + "/country", true);
        if (!a.country.empty() && !valid_country_code(a.country)) fail(base + "/country", kCountryCodeExpected);
        return a;
    }

    void fail(const std::string& pointer, const std::string& message) {
        errors_.push_back({document_, pointer, message});
    }

private:
    const json& root_;
    std::string document_;
    std::vector<FieldError>& errors_;
};

// A reason handle ("too_small") as the policy's label for it in the shopper's
// locale ("de-DE", then "de", then "en"); text that is no handle stays as it is.
std::string reason_text(const json& policy, const std::string& reason, const std::string& locale) {
    const auto reasons = policy.find("reasons");
    if (reasons == policy.end() || !reasons->is_array()) return reason;
    for (const auto& entry : *reasons) {
        if (!entry.is_object()) continue;
        const auto handle = entry.find("handle");
        if (handle == entry.end() || !handle->is_string() || handle->get<std::string>() != reason) continue;
        const auto labels = entry.find("labels");
        if (labels == entry.end() || !labels->is_object() || labels->empty()) return reason;
        for (const std::string& key : {locale, locale.substr(0, locale.find('-')), std::string("en")}) {
            auto it = labels->find(key);
            if (it != labels->end() && it->is_string()) return it->get<std::string>();
        }
        return labels->begin()->is_string() ? labels->begin()->get<std::string>() : reason;
    }
    return reason;
}

std::vector<LabelItem> read_items(Reader& r) {
    std::vector<LabelItem> items;
    const json* lines = r.find("/lines");
    if (!lines) {
        r.fail("/lines", "missing");
        return items;
    }
    if (!lines->is_array() || lines->empty()) {
        r.fail("/lines", "must be a non-empty array");
        return items;
    }
    for (std::size_t i = 0; i < lines->size(); ++i) {
        std::string base = "/lines/" + std::to_string(i);
        LabelItem item;
        item.sku = r.text(base + "/sku", true);
        item.title = r.text(base + "/title", true);
        item.variant = r.text(base + "/variant", false);
        const json* q = r.find(base + "/quantity");
        if (!q || !q->is_number_integer() || q->get<long long>() < 1 || q->get<long long>() > 9999) {
            r.fail(base + "/quantity", q ? "must be a whole number from 1 to 9999" : "missing");
        } else {
            item.quantity = static_cast<int>(q->get<long long>());
        }
        // A reason is a plain text, or a reason object from the policy's list.
        const json* reason = r.find(base + "/reason");
        if (reason && reason->is_object()) {
            item.reason = reason->contains("label") ? r.text(base + "/reason/label", true)
                                                    : r.text(base + "/reason/code", true);
        } else {
            item.reason = r.text(base + "/reason", false);
        }
        items.push_back(std::move(item));
    }
    return items;
}

// The day the request was made, as the shop counts days (policy /time_zone, else UTC).
std::optional<Date> requested_on(Reader& req, Reader& pol) {
    const json* at = req.find("/created_at");
    if (!at || at->is_null()) return std::nullopt;
    const std::string text = req.text("/created_at", true);
    const auto instant = parse_instant(text);
    if (!instant) {
        if (!text.empty()) req.fail("/created_at", "must be a time like \"2026-11-03T10:00:00Z\"");
        return std::nullopt;
    }
    TimeZone zone = TimeZone::utc();
    if (pol.find("/time_zone")) {
        const std::string name = pol.text("/time_zone", true);
        std::string error;
        if (auto z = TimeZone::parse(name, &error)) zone = *z;
        else if (!name.empty()) pol.fail("/time_zone", error.empty() ? "not a supported time zone" : error);
    }
    return zone.local_date(*instant);
}

}  // namespace

std::string FieldError::to_string() const {
    return document + " " + (pointer.empty() ? std::string("(document)") : pointer) + ": " + message;
}

LabelInputResult label_input_from_json(const json& request, const json& policy) {
    LabelInputResult result;
    auto& errors = result.errors;
    Reader req(request, "request", errors);
    Reader pol(policy, "policy", errors);
    if (!request.is_object()) req.fail("", "must be a JSON object");
    if (!policy.is_object()) pol.fail("", "must be a JSON object");
    if (!errors.empty()) return result;

    LabelInput in;
    std::string id = req.text("/id", true);
    in.order_number = req.text("/order/number", true);
    in.from = req.address("/shopper/address", "/shopper/name");
    in.items = read_items(req);
    std::string method = req.text("/return_method", true);
    if (auto m = parse_return_method(method)) in.return_method = *m;
    else if (!method.empty()) req.fail("/return_method", "must be \"print_label\", \"drop_off\" or \"prepaid\"");
    in.locale = req.text("/locale", true);
    in.requested_on = requested_on(req, pol);
    for (auto& item : in.items) item.reason = reason_text(policy, item.reason, in.locale);
    bool request_demo = req.flag("/demo");

    in.shop_name = pol.text("/shop/name", true);
    in.to = pol.address("/merchant/return_address", "/merchant/return_address/name");
    std::string prefix = pol.text("/labels/rma_prefix", true);
    if (!prefix.empty() && !valid_rma_prefix(prefix)) pol.fail("/labels/rma_prefix", "must be 2 to 6 upper-case letters or digits");
    in.carrier = pol.text("/labels/carrier", false);
    in.service = pol.text("/labels/service", false);
    in.prepaid_label_url = pol.text("/labels/prepaid_label_url", false);
    in.demo = request_demo || pol.flag("/demo");

    if (req.find("/rma") && !req.find("/rma")->is_null()) {
        in.rma = req.text("/rma", true);
        if (!in.rma.empty() && !valid_rma(in.rma))
            req.fail("/rma", "not a valid RMA (PREFIX-CODE plus check characters, see core/label/rma.h)");
    } else if (!id.empty() && valid_rma_prefix(prefix)) {
        in.rma = rma_number(prefix, id);
    }

    if (pol.find("/labels/qr")) {
        std::string payload = pol.text("/labels/qr/payload", true);
        if (payload == "status_url") {
            std::string url = pol.text("/labels/qr/status_url", true);
            if (!url.empty() && url.find("{rma}") == std::string::npos)
                pol.fail("/labels/qr/status_url", "must contain \"{rma}\"");
            in.qr_payload = qr_status_url(url, in.rma);
        } else if (payload == "compact" || payload == "json") {
            in.qr_payload = qr_json_payload(in.rma, in.order_number, in.shop_name);
        } else if (!payload.empty()) {
            pol.fail("/labels/qr/payload", "must be \"status_url\" or \"compact\"");
        }
    }

    if (errors.empty()) result.input = std::move(in);
    return result;
}

LabelInputResult label_input_from_json_text(std::string_view request_json, std::string_view policy_json) {
    LabelInputResult result;
    auto parse = [&](std::string_view text, const char* document) {
        try {
            return json::parse(text);
        } catch (const json::exception& e) {
            // parse_error, or out_of_range for a number too large for a double ("1E400").
            // e.what() names the byte offset and quotes bytes that need not be UTF-8.
            result.errors.push_back({document, "", "is not valid JSON: " + valid_utf8(e.what())});
            return json();
        }
    };
    json request = parse(request_json, "request");
    json policy = parse(policy_json, "policy");
    if (!result.errors.empty()) return result;
    return label_input_from_json(request, policy);
}

}  // namespace retour::label
