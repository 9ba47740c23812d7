// Core throughput and label rendering, the same source natively and in wasm (under
// node), so tests/bench/run.sh can put the two side by side. Prints one JSON object.
//
//  throughput: evaluate + quote over 10,000 generated orders (deterministic: a fixed
//              LCG, the same orders in both builds) against tests/bench/policy.json,
//              repeated; the checksum of all refunds proves both builds did the same work.
//  growth:     evaluate+quote time per order for orders of 1, 10 and 100 lines, and for
//              policies with 1, 20 and 200 rules (window overrides by SKU and tag,
//              final-sale tags): the curves the issue "Faster and smaller" asks to be
//              linear or better.
//  labels:     a 4x6 label from tests/fixtures/labels in PDF, SVG and ZPL: bytes, and
//              time per render (median of repeated batches).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eligibility.h"
#include "core/label/label.h"
#include "core/label/label_json.h"
#include "core/order.h"
#include "core/policy.h"
#include "core/quote.h"

using namespace retour;
using nlohmann::json;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "bench_core: cannot read %s\n", path.c_str());
        std::exit(1);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Lcg {
    std::uint64_t s;
    std::uint32_t next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(s >> 33);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }
};

// Orders placed over the 60 days before "now", with the variety the rules look at:
// categories with overrides or exclusions, final-sale and window tags, missing
// delivery dates, countries not served, earlier returns, gift cards, exchange variants.
Order generate_order(Lcg& rng, int index, int fixed_lines = 0) {
    static const char* categories[] = {"apparel", "shoes", "electronics", "furniture", "underwear", "accessories"};
    static const char* tags[] = {"summer", "basics", "sale", "clearance", "new"};
    static const char* countries[] = {"DE", "DE", "DE", "AT", "NL", "DK", "FR", "US"};
    const std::int64_t placed = days_from_civil(2026, 9, 20) + rng.below(60);
    auto date = [](std::int64_t days) { return format_date(Date{static_cast<std::int32_t>(days)}); };
    json o = {{"id", "gid://bench/Order/" + std::to_string(index)},
              {"number", "#" + std::to_string(100000 + index)},
              {"email", "shopper" + std::to_string(index) + "@example.com"},
              {"placed_at", date(placed) + "T10:00:00Z"},
              {"ship_to_country", countries[rng.below(8)]},
              {"currency", rng.below(100) == 0 ? "USD" : "EUR"}};
    if (rng.below(10) != 0) o["fulfilled_at"] = date(placed + 1 + rng.below(3)) + "T08:00:00Z";
    if (rng.below(5) != 0) o["delivered_at"] = date(placed + 3 + rng.below(5));
    const int lines = fixed_lines > 0 ? fixed_lines : 1 + static_cast<int>(rng.below(6));
    for (int l = 0; l < lines; ++l) {
        const int quantity = 1 + static_cast<int>(rng.below(4));
        const std::int64_t price = 100 + rng.below(60000);
        json line = {{"id", "L" + std::to_string(l + 1)},
                     {"sku", "SKU-" + std::to_string(rng.below(5000))},
                     {"title", "Item " + std::to_string(l + 1)},
                     {"category", categories[rng.below(6)]},
                     {"quantity", quantity},
                     {"unit_price", price},
                     {"unit_tax", price * 19 / 119}};
        json t = json::array();
        for (const char* tag : tags)
            if (rng.below(6) == 0) t.push_back(tag);
        if (!t.empty()) line["tags"] = t;
        if (rng.below(8) == 0) line["quantity_returned"] = static_cast<int>(rng.below(static_cast<std::uint32_t>(quantity)));
        if (rng.below(100) == 0) line["gift_card"] = true;
        if (rng.below(3) == 0)
            line["exchange_variants"] = json::array(
                {{{"sku", "SKU-X" + std::to_string(l)}, {"title", "Other size"}, {"price", std::max<std::int64_t>(0, price + rng.below(2000) - 1000)}}});
        o["lines"].push_back(line);
    }
    Parsed<Order> parsed = parse_order(o);
    if (!parsed.ok()) {
        std::fprintf(stderr, "bench_core: generated order %d is invalid: %s\n", index, parsed.errors[0].text().c_str());
        std::exit(1);
    }
    return *parsed.value;
}

// What a shopper might pick from the returnable lines: rotating reasons and resolutions.
Selection pick(const Order& order, const std::vector<Decision>& decisions, std::uint32_t salt) {
    static const char* reasons[] = {"too_small", "changed_mind", "damaged", "wrong_item", "other"};
    static const Resolution resolutions[] = {Resolution::refund, Resolution::store_credit, Resolution::refund,
                                             Resolution::gift_card, Resolution::exchange, Resolution::keep_item};
    Selection s;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const Decision& d = decisions[i];
        if (d.status == Status::ineligible || d.returnable_quantity <= 0) continue;
        const std::uint32_t h = salt * 31 + static_cast<std::uint32_t>(i) * 7;
        SelectionLine line;
        line.line_id = d.line_id;
        line.quantity = 1 + static_cast<std::int32_t>(h % static_cast<std::uint32_t>(d.returnable_quantity));
        line.reason = reasons[h % 5];
        if (line.reason == "damaged") line.photos = 1;
        if (line.reason == "wrong_item") line.sub_reason = "wrong_size";
        if (line.reason == "other") line.comment = "does not fit the room";
        line.resolution = resolutions[h % 6];
        if (line.resolution == Resolution::exchange) {
            const OrderLine* ol = order.find_line(d.line_id);
            if (ol && !ol->exchange_variants.empty()) line.exchange_sku = ol->exchange_variants[0].sku;
            else line.resolution = Resolution::refund;
        }
        s.lines.push_back(line);
    }
    return s;
}

json bench_throughput(const std::string& root, int count, int runs) {
    const Parsed<Policy> policy = parse_policy_text(read_file(root + "/tests/bench/policy.json"));
    if (!policy.ok()) {
        std::fprintf(stderr, "bench_core: tests/bench/policy.json: %s\n", policy.errors[0].text().c_str());
        std::exit(1);
    }
    Lcg rng{20261122};
    std::vector<Order> orders;
    orders.reserve(static_cast<std::size_t>(count));
    std::size_t lines = 0;
    for (int i = 0; i < count; ++i) {
        orders.push_back(generate_order(rng, i));
        lines += orders.back().lines.size();
    }
    const Instant now = *parse_instant("2026-11-22T12:00:00Z");
    std::vector<double> rates;
    std::int64_t checksum = 0, quotes_ok = 0, eligible = 0;
    std::vector<Decision> decisions;
    for (int run = 0; run < runs; ++run) {
        checksum = quotes_ok = eligible = 0;
        const double start = now_s();
        for (std::size_t i = 0; i < orders.size(); ++i) {
            EvaluationContext context;
            context.customer_returns = static_cast<std::int32_t>(i % 5);
            evaluate_into(*policy.value, orders[i], now, context, decisions);
            for (const Decision& d : decisions) eligible += d.status == Status::eligible;
            const Selection sel = pick(orders[i], decisions, static_cast<std::uint32_t>(i));
            if (sel.lines.empty()) continue;
            const Quote q = quote(*policy.value, orders[i], sel, decisions);
            if (!q.ok()) continue;
            ++quotes_ok;
            checksum += q.totals.refund.minor + q.totals.store_credit.minor + q.totals.gift_card.minor;
        }
        rates.push_back(static_cast<double>(count) / (now_s() - start));
    }
    return {{"orders", count}, {"lines", lines}, {"runs", runs}, {"orders_per_s", median(rates)},
            {"orders_per_s_all", rates}, {"quotes_ok", quotes_ok}, {"eligible_lines", eligible},
            {"checksum", checksum}};
}

Parsed<Policy> load_policy(const json& j) {
    Parsed<Policy> policy = parse_policy_text(j.dump());
    if (!policy.ok()) {
        std::fprintf(stderr, "bench_core: bench policy: %s\n", policy.errors[0].text().c_str());
        std::exit(1);
    }
    return policy;
}

// Milliseconds to evaluate and quote every order once (median of `runs`); the
// checksum keeps the work from being optimised away and is reported.
double time_orders(const Policy& policy, const std::vector<Order>& orders, int runs, std::int64_t& checksum) {
    const Instant now = *parse_instant("2026-11-22T12:00:00Z");
    std::vector<double> ms;
    std::vector<Decision> decisions;
    for (int run = 0; run < runs; ++run) {
        checksum = 0;
        const double start = now_s();
        for (std::size_t i = 0; i < orders.size(); ++i) {
            evaluate_into(policy, orders[i], now, EvaluationContext{}, decisions);
            const Selection sel = pick(orders[i], decisions, static_cast<std::uint32_t>(i));
            if (sel.lines.empty()) continue;
            const Quote q = quote(policy, orders[i], sel, decisions);
            if (q.ok()) checksum += q.totals.refund.minor + q.totals.store_credit.minor;
        }
        ms.push_back((now_s() - start) * 1000);
    }
    return median(ms);
}

// How cost grows: per order, with the number of lines, and with the number of rules.
json bench_growth(const std::string& root, int runs) {
    const json base = json::parse(read_file(root + "/tests/bench/policy.json"));
    json out = {{"lines", json::array()}, {"rules", json::array()}};

    const Parsed<Policy> policy = load_policy(base);
    for (int lines : {1, 10, 100}) {
        Lcg rng{7};
        std::vector<Order> orders;
        const int count = 20000 / lines;  // about the same number of lines at every point
        for (int i = 0; i < count; ++i) orders.push_back(generate_order(rng, i, lines));
        std::int64_t checksum = 0;
        const double ms = time_orders(*policy.value, orders, runs, checksum);
        out["lines"].push_back({{"lines", lines}, {"us_per_order", ms * 1000 / count}, {"checksum", checksum}});
    }

    Lcg rng{11};
    std::vector<Order> orders;
    for (int i = 0; i < 2000; ++i) orders.push_back(generate_order(rng, i, 3));
    for (int rules : {1, 20, 200}) {
        // Half SKU overrides (the generated SKUs are SKU-0..4999, so some match), a quarter
        // tag overrides and a quarter final-sale tags (never the generated tags).
        json p = base;
        p["windows"]["overrides"]["sku"] = json::object();
        p["windows"]["overrides"]["tag"] = json::object();
        p["non_returnable"]["final_sale_tags"] = json::array();
        for (int r = 0; r < rules; ++r) {
            if (r % 2 == 0 || rules == 1) p["windows"]["overrides"]["sku"]["SKU-" + std::to_string(r * 25)] = 10 + r % 50;
            else if (r % 4 == 1) p["windows"]["overrides"]["tag"]["tag-" + std::to_string(r)] = 10 + r % 50;
            else p["non_returnable"]["final_sale_tags"].push_back("final-" + std::to_string(r));
        }
        const Parsed<Policy> with_rules = load_policy(p);
        std::int64_t checksum = 0;
        const double ms = time_orders(*with_rules.value, orders, runs, checksum);
        out["rules"].push_back({{"rules", rules}, {"us_per_order", ms * 1000 / static_cast<double>(orders.size())}, {"checksum", checksum}});
    }
    return out;
}

json bench_labels(const std::string& root, int batch, int runs) {
    const auto input = label::label_input_from_json_text(read_file(root + "/tests/fixtures/labels/request.json"),
                                                         read_file(root + "/tests/fixtures/labels/policy.json"));
    if (!input.ok()) {
        std::fprintf(stderr, "bench_core: label fixtures: %s\n", input.errors[0].to_string().c_str());
        std::exit(1);
    }
    json out = json::object();
    for (label::LabelFormat format : {label::LabelFormat::pdf, label::LabelFormat::svg, label::LabelFormat::zpl}) {
        const label::LabelOptions options{label::LabelSize::four_by_six, format};
        std::size_t bytes = 0;
        std::vector<double> per_label_ms;
        for (int run = 0; run < runs; ++run) {
            const double start = now_s();
            for (int i = 0; i < batch; ++i) bytes = label::render_label(*input.input, options).bytes.size();
            per_label_ms.push_back((now_s() - start) * 1000 / batch);
        }
        out[std::string(label::label_format_name(format))] = {{"bytes", bytes}, {"ms", median(per_label_ms)}};
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string root = argc > 1 ? argv[1] : RETOUR_ROOT;
    json out;
    out["throughput"] = bench_throughput(root, 10000, 7);
    out["growth"] = bench_growth(root, 5);
    out["labels"] = bench_labels(root, 50, 7);
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
