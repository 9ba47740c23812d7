#include "tools/order_import.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/json_reader.h"
#include "tools/csv.h"

namespace retour::tools {

namespace {

using nlohmann::json;

void add_parsed(ImportResult& out, const json& doc, std::string postcode, const std::string& source) {
    Parsed<Order> p = parse_order(doc);
    if (!p.ok()) {
        for (const auto& e : p.errors) out.errors.push_back(source + ": " + e.text());
        return;
    }
    out.orders.push_back({std::move(*p.value), std::move(postcode), source});
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
        first("currency", cell(row, "Currency"));
        first("ship_to_country", cell(row, "Shipping Country"));
        if (g.postcode.empty()) g.postcode = cell(row, "Shipping Zip");

        const std::string where = path + " line " + std::to_string(line);
        json l = {{"id", "L" + std::to_string(o["lines"].size() + 1)}, {"title", cell(row, "Lineitem name")}};
        const std::string sku = cell(row, "Lineitem sku");
        l["sku"] = sku.empty() ? l["id"].get<std::string>() : sku;
        long long qty = 0;
        try {
            qty = std::stoll(cell(row, "Lineitem quantity"));
        } catch (const std::exception&) {
            g.row_errors.push_back(where + ": Lineitem quantity is not a number");
            continue;
        }
        // Prices are decimals in the order's currency; Money parses them exactly.
        const auto currency = Currency::from_code(o.value("currency", ""));
        if (!currency) {
            g.row_errors.push_back(where + ": Currency is missing or unknown");
            continue;
        }
        const auto price = parse_decimal(cell(row, "Lineitem price"), *currency);
        const std::string discount_text = cell(row, "Lineitem discount");
        const auto discount = discount_text.empty() ? std::optional<Money>(Money::zero(*currency))
                                                    : parse_decimal(discount_text, *currency);
        if (!price || !discount) {
            g.row_errors.push_back(where + ": Lineitem price or discount is not an amount");
            continue;
        }
        // A hostile or broken export can hold any number: overflow is an error, not UB.
        std::int64_t total = 0;
        if (__builtin_mul_overflow(price->minor, static_cast<std::int64_t>(qty), &total) ||
            __builtin_sub_overflow(total, discount->minor, &total)) {
            g.row_errors.push_back(where + ": Lineitem price × quantity is too large");
            continue;
        }
        l["quantity"] = qty;
        l["unit_price"] = qty > 0 ? total / qty : 0;
        if (qty > 0 && total % qty != 0) l["line_total"] = total;
        o["lines"].push_back(std::move(l));
    }
    for (const auto& name : names) {
        Group& g = groups[name];
        if (!g.order.contains("id")) g.order["id"] = name;
        for (auto& e : g.row_errors) out.errors.push_back(std::move(e));
        if (!g.row_errors.empty()) continue;
        add_parsed(out, g.order, g.postcode, path + " line " + std::to_string(g.first_line) + " (order " + name + ")");
    }
    return out;
}

}  // namespace retour::tools
