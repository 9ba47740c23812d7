// `retour export`: the receiver's database as CSV for a spreadsheet: one row per
// returned line, then a summary per reason and per reason × SKU (requests, units, value),
// then the refused posts and why. `--message ID|RMA` prints one stored message as it arrived.
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <map>
#include <set>
#include <tuple>

#include "core/money.h"
#include "core/label/rma.h"
#include "tools/commands.h"
#include "tools/csv.h"
#include "tools/file_io.h"
#include "tools/return_store.h"

namespace retour::tools {

namespace {

std::string amount(std::int64_t minor, const std::string& currency) {
    auto c = Currency::from_code(currency);
    return c ? format_decimal(Money{minor, *c}) : std::to_string(minor);
}

std::string requests_csv(const std::vector<StoredRequest>& requests) {
    std::string out = csv_row({"request_id", "rma", "status", "created_at", "received_at", "order_number", "order_id",
                               "email", "name", "line_id", "sku", "title", "variant", "quantity", "reason",
                               "sub_reason", "resolution", "paid", "currency", "comment"});
    for (const auto& r : requests)
        for (const auto& l : r.lines)
            out += csv_row({r.id, r.rma, r.status, r.created_at, r.received_at, r.order_number, r.order_id, r.email,
                            r.name, l.line_id, l.sku, l.title, l.variant, std::to_string(l.quantity), l.reason,
                            l.sub_reason, l.resolution, amount(l.paid, r.currency), r.currency, l.comment});
    return out;
}

// Rows for each reason ("*" = all SKUs) and each reason × SKU, per currency (amounts in
// different currencies are never added up).
std::string reasons_csv(const std::vector<StoredRequest>& requests) {
    struct Tally {
        std::set<std::string> request_ids;
        std::int64_t units = 0, value = 0;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Tally> tally;  // reason, sku, currency
    for (const auto& r : requests) {
        for (const auto& l : r.lines) {
            for (const std::string& sku : {std::string("*"), l.sku}) {
                Tally& t = tally[{l.reason, sku, r.currency}];
                t.request_ids.insert(r.id);
                t.units += l.quantity;
                t.value += l.paid;
            }
        }
    }
    std::string out = csv_row({"reason", "sku", "requests", "units", "value", "currency"});
    for (const auto& [key, t] : tally) {
        const auto& [reason, sku, currency] = key;
        out += csv_row({reason, sku, std::to_string(t.request_ids.size()), std::to_string(t.units),
                        amount(t.value, currency), currency});
    }
    return out;
}

std::string rejections_csv(const std::vector<Rejection>& rejections) {
    std::string out = csv_row({"received_at", "http_status", "error", "reason", "request_id", "order_number", "rma",
                               "policy_version", "remote_ip", "unlogged_before"});
    for (const auto& r : rejections)
        out += csv_row({r.received_at, std::to_string(r.http_status), r.error, r.reason, r.request_id, r.order_number,
                        r.rma, r.policy_version, r.remote_ip, std::to_string(r.unlogged_before)});
    return out;
}

}  // namespace

int cmd_export(int argc, char** argv) {
    // `-o FILE` as in most tools; Args only knows `--name`.
    std::vector<std::string> storage(argv, argv + argc);
    for (auto& a : storage)
        if (a == "-o") a = "--out";
    std::vector<char*> rewritten;
    for (auto& a : storage) rewritten.push_back(a.data());
    Args args(argc, rewritten.data(), {"csv"});
    args.allow_only({"db", "csv", "out", "message"});
    if (!args.positional().empty()) throw UsageError{"unexpected argument " + args.positional().front()};
    const std::string db = args.require("db");
    if (!std::ifstream(db)) throw std::runtime_error("no database " + db + " (the --db the receiver was started with)");
    ReturnStore store(db);
    if (auto wanted = args.get("message")) {
        // An RMA read off a label may come in lower case or with spaces, like the portal takes it.
        auto body = store.body_of(*wanted);
        if (!body)
            if (auto rma = label::normalize_rma(*wanted)) body = store.body_of(*rma);
        if (!body) throw std::runtime_error("no stored request with id or RMA number " + *wanted + " in " + db);
        print_body(*body);
        return 0;
    }
    if (!args.has("csv")) throw UsageError{"choose a format: --csv (or --message ID|RMA for one stored message)"};
    const auto requests = store.all_requests();
    const auto rejections = store.all_rejections();
    const std::string lines = requests_csv(requests), reasons = reasons_csv(requests);
    const std::string refused = rejections_csv(rejections);
    if (auto out = args.get("out")) {
        // FILE.csv gets the lines, FILE-reasons.csv the summary, FILE-rejected.csv the refusals.
        std::string stem = *out;
        if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0) stem.resize(stem.size() - 4);
        write_file(*out, lines);
        write_file(stem + "-reasons.csv", reasons);
        write_file(stem + "-rejected.csv", refused);
        std::printf("%zu requests: %s, %s; %zu rejected: %s\n", requests.size(), out->c_str(),
                    (stem + "-reasons.csv").c_str(), rejections.size(), (stem + "-rejected.csv").c_str());
    } else {
        std::fwrite(lines.data(), 1, lines.size(), stdout);
        std::fputs("\r\n", stdout);
        std::fwrite(reasons.data(), 1, reasons.size(), stdout);
        std::fputs("\r\n", stdout);
        std::fwrite(refused.data(), 1, refused.size(), stdout);
    }
    return 0;
}

}  // namespace retour::tools
