#include "core/return_request.h"

#include "core/canonical_json.h"
#include "core/json_reader.h"
#include "core/request_rma.h"

namespace retour {

namespace {

constexpr std::size_t kMaxLines = 500;
constexpr std::size_t kMaxToken = 32 * 1024;

void read_order_ref(const JsonReader& r, OrderRef& out) {
    if (!r.object({"id", "number", "token"})) return;
    if (auto s = r["id"].string(true, 200)) out.id = *s;
    if (auto s = r["number"].string(true, 100)) out.number = *s;
    if (auto s = r["token"].string(true, kMaxToken)) out.token = *s;
}

void read_shopper(const JsonReader& r, Shopper& out) {
    if (!r.object({"name", "email", "address"})) return;
    if (auto s = r["name"].string(true, 200)) out.name = *s;
    if (auto s = r["email"].string(true, 254)) {
        if (s->find('@') == std::string::npos) r["email"].fail("expected an e-mail address");
        else out.email = *s;
    }
    PostalAddress addr;
    if (read_postal_address(r["address"], addr, false)) out.address = std::move(addr);
}

void read_line(const JsonReader& r, RequestLine& out) {
    if (!r.object({"line_id", "sku", "title", "variant", "quantity", "reason", "sub_reason", "resolution",
                   "exchange_sku", "comment", "photos"}))
        return;
    if (auto s = r["line_id"].string(true, 200)) out.line_id = *s;
    if (auto s = r["sku"].string(true, 200)) out.sku = *s;
    if (auto s = r["title"].string(true, 500)) out.title = *s;
    if (auto s = r["variant"].string(false, 500)) out.variant = *s;
    if (auto q = r["quantity"].integer(1, 100'000)) out.quantity = static_cast<std::int32_t>(*q);
    if (auto s = r["reason"].string(true, 200)) out.reason = *s;
    if (auto s = r["sub_reason"].string(false, 200)) out.sub_reason = *s;
    if (auto s = r["resolution"].one_of({"refund", "store_credit", "gift_card", "exchange", "keep_item"}))
        out.resolution = *parse_resolution(*s);
    if (auto s = r["exchange_sku"].string(false, 200)) out.exchange_sku = *s;
    out.comment = optional_text(r["comment"], 5000);
    if (auto n = r["photos"].integer(0, 20, false)) out.photos = static_cast<std::int32_t>(*n);
}

}  // namespace

Parsed<ReturnRequest> parse_return_request(const nlohmann::json& document) {
    Parsed<ReturnRequest> out;
    ReturnRequest req;
    JsonReader r(&document, &out.errors, "");
    if (!r.object({"id", "rma", "order", "shopper", "lines", "return_method", "quote", "policy", "locale",
                   "created_at", "demo"}))
        return out;
    if (auto s = r["id"].string(true, 128)) {
        if (valid_request_id(*s)) req.id = *s;
        else r["id"].fail(kRequestIdExpected);
    }
    if (auto s = r["rma"].string(true, 64)) req.rma = *s;
    read_order_ref(r["order"], req.order);
    read_shopper(r["shopper"], req.shopper);
    const JsonReader lines = r["lines"];
    if (lines.array()) {
        if (lines.size() == 0) lines.fail("expected at least one line");
        if (lines.size() > kMaxLines) lines.fail("expected at most " + std::to_string(kMaxLines) + " lines");
        else {
            req.lines.resize(lines.size());
            for (std::size_t i = 0; i < lines.size(); ++i) read_line(lines.at(i), req.lines[i]);
        }
    }
    if (auto s = r["return_method"].one_of({to_string(ReturnMethod::print_label), to_string(ReturnMethod::drop_off),
                                             to_string(ReturnMethod::prepaid)}))
        req.return_method = *parse_return_method(*s);
    if (r["quote"].map()) req.quote = *r["quote"].raw();
    const JsonReader pol = r["policy"];
    if (pol.object({"version", "hash"})) {
        if (auto s = pol["version"].string(true, 64)) req.policy_version = *s;
        if (auto s = pol["hash"].string(true, 100)) req.policy_hash = *s;
    }
    if (auto s = r["locale"].string(true, 35)) req.locale = *s;
    if (auto s = r["created_at"].string(true, 40)) {
        if (auto t = parse_instant(*s)) req.created_at = *t;
        else r["created_at"].fail("expected a time \"YYYY-MM-DDTHH:MM:SSZ\"");
    }
    if (auto b = r["demo"].boolean()) req.demo = *b;
    if (out.errors.empty()) out.value = std::move(req);
    return out;
}

Parsed<ReturnRequest> parse_return_request_text(std::string_view text) {
    Parsed<ReturnRequest> out;
    auto doc = parse_json_document(text, out.errors);
    return doc ? parse_return_request(*doc) : out;
}

nlohmann::json to_json(const ReturnRequest& r) {
    using nlohmann::json;
    json lines = json::array();
    for (const auto& l : r.lines) {
        json j = {{"line_id", l.line_id}, {"sku", l.sku},       {"title", l.title},
                  {"quantity", l.quantity}, {"reason", l.reason}, {"resolution", to_string(l.resolution)}};
        if (!l.variant.empty()) j["variant"] = l.variant;
        if (!l.sub_reason.empty()) j["sub_reason"] = l.sub_reason;
        if (!l.exchange_sku.empty()) j["exchange_sku"] = l.exchange_sku;
        if (!l.comment.empty()) j["comment"] = l.comment;
        if (l.photos) j["photos"] = l.photos;
        lines.push_back(std::move(j));
    }
    json shopper = {{"name", r.shopper.name}, {"email", r.shopper.email}};
    if (r.shopper.address) shopper["address"] = to_json(*r.shopper.address);
    return {{"id", r.id},
            {"rma", r.rma},
            {"order", {{"id", r.order.id}, {"number", r.order.number}, {"token", r.order.token}}},
            {"shopper", std::move(shopper)},
            {"lines", std::move(lines)},
            {"return_method", to_string(r.return_method)},
            {"quote", r.quote},
            {"policy", {{"version", r.policy_version}, {"hash", r.policy_hash}}},
            {"locale", r.locale},
            {"created_at", format_instant(r.created_at)},
            {"demo", r.demo}};
}

std::string canonical_json(const ReturnRequest& r) { return canonical_dump(to_json(r)); }

Selection to_selection(const ReturnRequest& r) {
    Selection s;
    s.lines.reserve(r.lines.size());
    for (const auto& l : r.lines) {
        s.lines.push_back(SelectionLine{l.line_id, l.quantity, l.reason, l.sub_reason, l.resolution, l.exchange_sku,
                                        l.comment, l.photos});
    }
    return s;
}

ReturnRequest build_request(const Policy& policy, const Order& order, const nlohmann::json& quote,
                            const RequestDraft& draft) {
    ReturnRequest r;
    r.id = draft.id;
    r.rma = request_rma(policy, draft.id);
    r.order = OrderRef{order.id, order.number, draft.token};
    r.shopper = draft.shopper;
    for (const auto& s : draft.selection.lines) {
        RequestLine l;
        l.line_id = s.line_id;
        if (const OrderLine* ol = order.find_line(s.line_id)) {
            l.sku = ol->sku;
            l.title = ol->title;
            l.variant = ol->variant;
        }
        l.quantity = s.quantity;
        l.reason = s.reason;
        l.sub_reason = s.sub_reason;
        l.resolution = s.resolution;
        l.exchange_sku = s.exchange_sku;
        l.comment = s.comment;
        l.photos = s.photos;
        r.lines.push_back(std::move(l));
    }
    r.return_method = draft.return_method;
    r.quote = quote;
    r.policy_version = policy.version;
    r.policy_hash = policy.hash;
    r.locale = draft.locale;
    r.created_at = draft.created_at;
    r.demo = policy.demo;
    return r;
}

}  // namespace retour
