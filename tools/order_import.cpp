#include "tools/order_import.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "core/json_reader.h"
#include "tools/csv.h"

namespace retour::tools {

namespace {

using nlohmann::json;

// `where_of` names the source of an error pointer (a CSV row for "/lines/3/...").
template <class WhereOf>
void add_parsed(ImportResult& out, const json& doc, std::string postcode, const std::string& source, WhereOf where_of) {
    Parsed<Order> p = parse_order(doc);
    if (!p.ok()) {
        for (const auto& e : p.errors) out.errors.push_back(where_of(e.pointer) + ": " + e.text());
        ++out.invalid;
        return;
    }
    out.orders.push_back({std::move(*p.value), std::move(postcode), source});
}

void add_parsed(ImportResult& out, const json& doc, std::string postcode, const std::string& source) {
    add_parsed(out, doc, std::move(postcode), source, [&](const std::string&) { return source; });
}

// A whole number of 1..100000 written as digits only: "2.5", "3 pcs" or "+3" are
// errors, never read as 2 or 3.
std::optional<std::int64_t> strict_quantity(const std::string& s) {
    if (s.empty() || s.size() > 6) return std::nullopt;
    std::int64_t n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    if (n < 1 || n > 100000) return std::nullopt;
    return n;
}

// "2026-11-02 10:15:00 +0100" (Shopify) → "2026-11-02T10:15:00+01:00"; other text as is.
std::string iso_time(const std::string& s) {
    if (s.size() == 25 && s[10] == ' ' && s[19] == ' ' && (s[20] == '+' || s[20] == '-'))
        return s.substr(0, 10) + "T" + s.substr(11, 8) + s.substr(20, 3) + ":" + s.substr(23, 2);
    return s;
}

}  // namespace

ImportResult import_orders_json(const std::string& text, const std::string& path) {
    ImportResult out;
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, or out_of_range for "1E400"
        out.errors.push_back(path + ": not valid JSON: " + valid_utf8(e.what()));
        return out;
    }
    const json* items = &doc;
    if (doc.is_object() && doc.contains("orders")) items = &doc["orders"];
    if (!items->is_array()) {
        out.errors.push_back(path + ": expected an array of orders (or {\"orders\": [...]})");
        return out;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const json& item = (*items)[i];
        const std::string source = path + " /" + std::to_string(i);
        if (item.is_object() && item.contains("order")) {
            std::string postcode;
            for (auto it = item.begin(); it != item.end(); ++it) {
                if (it.key() == "postcode" && it->is_string()) postcode = it->get<std::string>();
                else if (it.key() != "order") out.errors.push_back(source + "/" + it.key() + ": unknown key");
            }
            add_parsed(out, item["order"], postcode, source + "/order");
        } else {
            add_parsed(out, item, "", source);
        }
    }
    return out;
}

ImportResult import_shopify_csv(const std::string& text, const std::string& path) {
    ImportResult out;
    // Spreadsheets often export Windows-1252: orders with such bytes cannot be written
    // as canonical JSON (signed), so the file is refused with the line to look at.
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        out.errors.push_back(path + " line " + std::to_string(line) + ": not UTF-8 text (export the orders as UTF-8)");
        return out;
    }
    CsvTable t;
    try {
        t = parse_csv(text);
    } catch (const std::exception& e) {
        out.errors.push_back(path + ": " + e.what());
        return out;
    }
    if (t.rows.empty()) {
        out.errors.push_back(path + ": empty file");
        return out;
    }
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < t.rows[0].size(); ++i) col[t.rows[0][i]] = i;
    for (const char* required : {"Name", "Lineitem quantity", "Lineitem name", "Lineitem price"}) {
        if (!col.count(required)) {
            out.errors.push_back(path + ": missing column \"" + std::string(required) + "\"");
            return out;
        }
    }
    auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
        auto it = col.find(name);
        return it != col.end() && it->second < row.size() ? row[it->second] : std::string();
    };

    struct Group {
        json order = json::object();
        std::string postcode;
        int first_line = 0;
        std::vector<int> line_rows;  // the CSV line of each order line
        std::optional<Currency> currency;
        int currency_line = 0;
        std::int64_t line_discounts = 0;
        std::optional<Money> discount_amount, shipping;
        std::vector<std::string> row_errors;
    };
    std::vector<std::string> names;
    std::map<std::string, Group> groups;
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const int line = t.line_of_row[r];
        const std::string name = cell(row, "Name");
        if (name.empty()) {
            out.errors.push_back(path + " line " + std::to_string(line) + ": no order Name");
            ++out.invalid;
            continue;
        }
        auto [it, fresh] = groups.try_emplace(name);
        Group& g = it->second;
        if (fresh) {
            names.push_back(name);
            g.first_line = line;
            g.order["number"] = name;
            g.order["lines"] = json::array();
        }
        json& o = g.order;
        auto first = [&](const char* key, const std::string& value) {
            if (!value.empty() && !o.contains(key)) o[key] = value;
        };
        first("id", cell(row, "Id"));
        std::string email = cell(row, "Email");
        // "Bo Berg <bo@example.com>" → the address a shopper would type.
        if (auto lt = email.find('<'), gt = email.rfind('>'); lt != std::string::npos && gt != std::string::npos && lt < gt)
            email = email.substr(lt + 1, gt - lt - 1);
        first("email", email);
        first("placed_at", iso_time(cell(row, "Created at")));
        first("fulfilled_at", iso_time(cell(row, "Fulfilled at")));
        first("ship_to_country", cell(row, "Shipping Country"));
        if (g.postcode.empty()) g.postcode = cell(row, "Shipping Zip");

        const std::string where = path + " line " + std::to_string(line);
        // One order, one currency: a second one is an error, never converted or ignored.
        const std::string code = cell(row, "Currency");
        if (!code.empty()) {
            const auto c = Currency::from_code(code);
            if (!c) {
                g.row_errors.push_back(where + ": Currency \"" + code + "\" is not an ISO 4217 code we know");
                continue;
            }
            if (!g.currency) {
                g.currency = c;
                g.currency_line = line;
                o["currency"] = code;
            } else if (*g.currency != *c) {
                g.row_errors.push_back(where + ": Currency " + code + " differs from " + g.currency->str() + " on line " +
                                       std::to_string(g.currency_line) + " (one order, one currency)");
                continue;
            }
        }
        if (!g.currency) {
            g.row_errors.push_back(where + ": Currency is missing (it must be on the order's first row)");
            continue;
        }
        const Currency currency = *g.currency;
        // Order-level amounts, from the first row that has them (Shopify fills them once).
        auto order_amount = [&](const char* column, std::optional<Money>& into) {
            const std::string text = cell(row, column);
            if (text.empty() || into) return true;
            into = parse_decimal(text, currency);
            if (into && !into->is_negative()) return true;
            g.row_errors.push_back(where + ": " + column + " \"" + text + "\" is not an amount in " + currency.str());
            return false;
        };
        if (!order_amount("Shipping", g.shipping) || !order_amount("Discount Amount", g.discount_amount)) continue;

        json l = {{"id", "L" + std::to_string(o["lines"].size() + 1)}, {"title", cell(row, "Lineitem name")}};
        const std::string sku = cell(row, "Lineitem sku");
        l["sku"] = sku.empty() ? l["id"].get<std::string>() : sku;
        const auto qty = strict_quantity(cell(row, "Lineitem quantity"));
        if (!qty) {
            g.row_errors.push_back(where + ": Lineitem quantity \"" + cell(row, "Lineitem quantity") +
                                   "\" is not a whole number from 1 to 100000");
            continue;
        }
        // Prices are decimals in the order's currency; Money parses them exactly.
        const auto price = parse_decimal(cell(row, "Lineitem price"), currency);
        const std::string discount_text = cell(row, "Lineitem discount");
        const auto discount = discount_text.empty() ? std::optional<Money>(Money::zero(currency))
                                                    : parse_decimal(discount_text, currency);
        if (!price || !discount || price->is_negative() || discount->is_negative()) {
            g.row_errors.push_back(where + ": Lineitem price or discount is not an amount in " + currency.str());
            continue;
        }
        // A hostile or broken export can hold any number: overflow is an error, not UB.
        std::int64_t total = 0;
        if (__builtin_mul_overflow(price->minor, *qty, &total) || __builtin_sub_overflow(total, discount->minor, &total)) {
            g.row_errors.push_back(where + ": Lineitem price × quantity is too large");
            continue;
        }
        if (total < 0) {
            g.row_errors.push_back(where + ": Lineitem discount is more than price × quantity");
            continue;
        }
        g.line_discounts += discount->minor;
        l["quantity"] = *qty;
        l["unit_price"] = total / *qty;
        if (total % *qty != 0) l["line_total"] = total;
        o["lines"].push_back(std::move(l));
        g.line_rows.push_back(line);
    }
    for (const auto& name : names) {
        Group& g = groups[name];
        const std::string where = path + " line " + std::to_string(g.first_line) + " (order " + name + ")";
        if (!g.order.contains("id")) g.order["id"] = name;
        if (g.shipping && g.shipping->minor > 0) g.order["shipping"] = {{"amount", g.shipping->minor}};
        // "Discount Amount" is the order's whole discount; what the line items do not
        // carry as "Lineitem discount" is the order-level part (a code for the cart).
        if (g.discount_amount && g.row_errors.empty()) {
            const std::int64_t order_level = g.discount_amount->minor - g.line_discounts;
            if (order_level < 0)
                g.row_errors.push_back(where + ": Discount Amount " + format_decimal(*g.discount_amount) +
                                       " is less than the line items' discounts (" +
                                       format_decimal(Money{g.line_discounts, *g.currency}) + ")");
            else if (order_level > 0)
                g.order["discount"] = order_level;
        }
        for (auto& e : g.row_errors) out.errors.push_back(std::move(e));
        if (!g.row_errors.empty()) {
            ++out.invalid;
            continue;
        }
        // An error in "/lines/2/..." names the CSV line that row came from.
        add_parsed(out, g.order, g.postcode, where, [&](const std::string& pointer) {
            std::size_t i = 0;
            if (std::sscanf(pointer.c_str(), "/lines/%zu", &i) == 1 && i < g.line_rows.size())
                return path + " line " + std::to_string(g.line_rows[i]) + " (order " + name + ")";
            return where;
        });
    }
    return out;
}

}  // namespace retour::tools
