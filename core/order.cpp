#include "core/order.h"

#include "core/canonical_json.h"
#include "core/iso4217.h"
#include "core/json_reader.h"

namespace retour {
namespace {

constexpr std::int64_t kMaxQuantity = 100'000;
constexpr std::int64_t kMaxUnitPrice = 1'000'000'000'000;  // × kMaxQuantity stays far below int64
constexpr const char* kTooLarge = " must be at most 9007199254740991 minor units (2^53 − 1, what JavaScript holds exactly)";

std::optional<Stamp> read_stamp(const JsonReader& r, bool required) {
    auto s = r.string(required, 100);
    if (!s) return std::nullopt;
    auto st = parse_stamp(*s);
    if (!st) r.fail("expected a date \"YYYY-MM-DD\" or a time \"YYYY-MM-DDTHH:MM:SSZ\" (or with an offset like +01:00)");
    return st;
}

bool is_country(std::string_view s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

void read_line(const JsonReader& r, OrderLine& line) {
    if (!r.object({"id", "sku", "title", "variant", "product_id", "category", "tags", "quantity",
                   "quantity_returned", "unit_price", "unit_tax", "line_total", "amount_refunded", "gift_card",
                   "exchange_variants"}))
        return;
    if (auto s = r["id"].string(true, 200)) line.id = *s;
    if (auto s = r["sku"].string(true, 200)) line.sku = *s;
    if (auto s = r["title"].string(true, 500)) line.title = *s;
    if (auto s = r["variant"].string(false, 500)) line.variant = *s;
    if (auto s = r["product_id"].string(false, 200)) line.product_id = *s;
    if (auto s = r["category"].string(false, 200)) line.category = *s;
    const JsonReader tags = r["tags"];
    if (tags.array(false)) {
        for (std::size_t i = 0; i < tags.size(); ++i)
            if (auto t = tags.at(i).string(true, 200)) line.tags.push_back(*t);
    }
    if (auto q = r["quantity"].integer(1, kMaxQuantity)) line.quantity = static_cast<std::int32_t>(*q);
    if (auto q = r["quantity_returned"].integer(0, kMaxQuantity, false)) {
        if (line.quantity > 0 && *q > line.quantity) r["quantity_returned"].fail("expected at most quantity (" + std::to_string(line.quantity) + ")");
        else line.quantity_returned = static_cast<std::int32_t>(*q);
    }
    if (auto p = r["unit_price"].integer(0, kMaxUnitPrice)) line.unit_price = *p;
    if (auto t = r["unit_tax"].integer(0, kMaxUnitPrice, false)) {
        if (*t > line.unit_price) r["unit_tax"].fail("expected at most unit_price (tax is included in it)");
        else line.unit_tax = *t;
    }
    if (auto t = r["line_total"].integer(0, kMaxJsonAmount, false)) line.line_total = *t;
    else if (!r["line_total"].present() && line.unit_price * line.quantity > kMaxJsonAmount)
        r["unit_price"].fail(std::string("unit_price × quantity") + kTooLarge);
    // Checked against the line's cost once the order discount is allocated.
    if (auto a = r["amount_refunded"].integer(0, kMaxJsonAmount, false)) line.amount_refunded = *a;
    if (auto b = r["gift_card"].boolean(false)) line.gift_card = *b;
    const JsonReader vars = r["exchange_variants"];
    if (vars.array(false)) {
        for (std::size_t i = 0; i < vars.size(); ++i) {
            const JsonReader v = vars.at(i);
            if (!v.object({"sku", "title", "price"})) continue;
            ExchangeVariant ev;
            if (auto s = v["sku"].string(true, 200)) ev.sku = *s;
            if (auto s = v["title"].string(true, 500)) ev.title = *s;
            if (auto p = v["price"].integer(0, kMaxUnitPrice)) ev.price = *p;
            line.exchange_variants.push_back(std::move(ev));
        }
    }
}

void read_shipping(const JsonReader& r, Order& o) {
    if (!r.object({"amount", "tax", "amount_refunded"}, false)) return;
    Shipping s;
    if (auto a = r["amount"].integer(0, kMaxJsonAmount)) s.amount = *a;
    if (auto t = r["tax"].integer(0, kMaxJsonAmount, false)) {
        if (*t > s.amount) r["tax"].fail("expected at most amount (tax is included in it)");
        else s.tax = *t;
    }
    if (auto a = r["amount_refunded"].integer(0, kMaxJsonAmount, false)) {
        if (*a > s.amount) r["amount_refunded"].fail("expected at most amount");
        else s.amount_refunded = *a;
    }
    o.shipping = s;
}

// Allocates the order discount, then checks what depends on the lines' final cost.
void settle_amounts(const JsonReader& r, Order& o) {
    std::vector<std::int64_t> weights;
    std::int64_t discountable = 0, total = o.shipping ? o.shipping->amount : 0;
    for (const auto& l : o.lines) {
        // Each line is at most kMaxJsonAmount, so stopping here keeps the sum in int64.
        total += l.total_paid();
        if (total > kMaxJsonAmount) {
            r["lines"].fail(std::string("the order's total (lines and shipping)") + kTooLarge);
            return;
        }
        // Discounts do not apply to gift cards (they are money, not goods).
        weights.push_back(l.gift_card ? 0 : l.total_paid());
        discountable += weights.back();
    }
    if (o.discount > discountable) {
        r["discount"].fail("expected at most what the lines that are not gift cards cost (" + std::to_string(discountable) + ")");
    } else if (o.discount > 0) {
        const auto shares = split_proportionally(Money{o.discount, o.currency}, weights);
        for (std::size_t i = 0; i < o.lines.size(); ++i) o.lines[i].order_discount = shares[i].minor;
    }
    for (std::size_t i = 0; i < o.lines.size(); ++i)
        if (o.lines[i].amount_refunded > o.lines[i].total_paid())
            r["lines"].at(i)["amount_refunded"].fail("expected at most what the line cost (" +
                                                      std::to_string(o.lines[i].total_paid()) + ")");
}

}  // namespace

bool OrderLine::has_tag(std::string_view tag) const {
    for (const auto& t : tags)
        if (t == tag) return true;
    return false;
}

const ExchangeVariant* OrderLine::find_variant(std::string_view s) const {
    for (const auto& v : exchange_variants)
        if (v.sku == s) return &v;
    return nullptr;
}

const OrderLine* Order::find_line(std::string_view line_id) const {
    for (const auto& l : lines)
        if (l.id == line_id) return &l;
    return nullptr;
}

Parsed<Order> parse_order(const nlohmann::json& document) {
    Parsed<Order> out;
    Order o;
    JsonReader r(&document, &out.errors, "");
    if (!r.object({"id", "number", "email", "placed_at", "fulfilled_at", "delivered_at", "ship_to_country", "currency",
                   "lines", "discount", "shipping", "exp"}))
        return out;
    if (auto s = r["id"].string(true, 200)) o.id = *s;
    if (auto s = r["number"].string(true, 100)) o.number = *s;
    if (auto s = r["email"].string(true, 254)) {
        if (s->find('@') == std::string::npos) r["email"].fail("expected an e-mail address");
        else o.email = *s;
    }
    if (auto st = read_stamp(r["placed_at"], true)) o.placed = *st;
    o.fulfilled = read_stamp(r["fulfilled_at"], false);
    o.delivered = read_stamp(r["delivered_at"], false);
    if (auto s = r["ship_to_country"].string(true, 100)) {
        if (is_country(*s)) o.ship_to_country = *s;
        else r["ship_to_country"].fail("expected an ISO 3166-1 alpha-2 country code such as \"DE\"");
    }
    if (auto s = r["currency"].string(true, 100)) {
        if (auto c = Currency::from_code(*s)) o.currency = *c;
        else r["currency"].fail(unknown_currency_message(*s));
    }
    // 2000-01-01 .. 9999-12-31: a number in milliseconds would be caught here.
    if (auto e = r["exp"].integer(946684800, 253402300799, false)) o.expires = Instant{*e};
    if (auto d = r["discount"].integer(0, kMaxJsonAmount, false)) o.discount = *d;
    read_shipping(r["shipping"], o);
    const JsonReader lines = r["lines"];
    if (lines.array()) {
        if (lines.size() == 0) lines.fail("expected at least one line");
        o.lines.resize(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            read_line(lines.at(i), o.lines[i]);
            for (std::size_t k = 0; k < i; ++k)
                if (!o.lines[i].id.empty() && o.lines[k].id == o.lines[i].id)
                    lines.at(i)["id"].fail("duplicate line id \"" + o.lines[i].id + "\"");
        }
        if (out.errors.empty()) settle_amounts(r, o);
    }
    if (out.errors.empty()) out.value = std::move(o);
    return out;
}

Parsed<Order> parse_order_text(std::string_view text) {
    Parsed<Order> out;
    auto doc = parse_json_document(text, out.errors);
    return doc ? parse_order(*doc) : out;
}

nlohmann::json to_json(const Order& o) {
    using nlohmann::json;
    json lines = json::array();
    for (const auto& l : o.lines) {
        json j = {{"id", l.id}, {"sku", l.sku}, {"title", l.title}, {"quantity", l.quantity},
                  {"unit_price", l.unit_price}};
        // Optional fields are written only when set, so a parsed order round-trips.
        if (!l.variant.empty()) j["variant"] = l.variant;
        if (!l.product_id.empty()) j["product_id"] = l.product_id;
        if (!l.category.empty()) j["category"] = l.category;
        if (!l.tags.empty()) j["tags"] = l.tags;
        if (l.quantity_returned) j["quantity_returned"] = l.quantity_returned;
        if (l.unit_tax) j["unit_tax"] = l.unit_tax;
        if (l.line_total) j["line_total"] = *l.line_total;
        if (l.amount_refunded) j["amount_refunded"] = l.amount_refunded;
        if (l.gift_card) j["gift_card"] = true;
        if (!l.exchange_variants.empty()) {
            json vs = json::array();
            for (const auto& v : l.exchange_variants) vs.push_back({{"sku", v.sku}, {"title", v.title}, {"price", v.price}});
            j["exchange_variants"] = std::move(vs);
        }
        lines.push_back(std::move(j));
    }
    json j = {{"id", o.id},           {"number", o.number},
              {"email", o.email},     {"placed_at", format_stamp(o.placed)},
              {"ship_to_country", o.ship_to_country}, {"currency", o.currency.str()},
              {"lines", std::move(lines)}};
    if (o.fulfilled) j["fulfilled_at"] = format_stamp(*o.fulfilled);
    if (o.delivered) j["delivered_at"] = format_stamp(*o.delivered);
    if (o.expires) j["exp"] = o.expires->unix_seconds;
    if (o.discount) j["discount"] = o.discount;
    if (o.shipping) {
        json sh = {{"amount", o.shipping->amount}};
        if (o.shipping->tax) sh["tax"] = o.shipping->tax;
        if (o.shipping->amount_refunded) sh["amount_refunded"] = o.shipping->amount_refunded;
        j["shipping"] = std::move(sh);
    }
    return j;
}

std::string canonical_json(const Order& o) { return canonical_dump(to_json(o)); }

}  // namespace retour
