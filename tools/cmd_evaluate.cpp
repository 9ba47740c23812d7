// retour evaluate --policy P --order O --now T [--select S] [--customer-returns N] [--locale TAG]
// Prints {"decisions", "quote"?, "policy", "now"} as canonical JSON on one line; with
// --locale, what the portal would show a shopper in that language (evaluation_text.h).
// Exit 1 when an input is invalid (errors name the file and the JSON pointer) or the
// selection cannot be quoted (the quote's errors are in the output).
#include <cstdio>

#include "core/canonical_json.h"
#include "core/eligibility.h"
#include "core/json_reader.h"
#include "core/policy.h"
#include "core/quote.h"
#include "core/selection.h"
#include "tools/commands.h"
#include "tools/evaluation_text.h"
#include "tools/file_io.h"

namespace retour::tools {
namespace {

bool report(const std::string& path, const FieldErrors& errors) {
    for (const auto& e : errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), e.text().c_str());
    return errors.empty();
}

}  // namespace

int cmd_evaluate(int argc, char** argv) {
    Args args(argc, argv);
    args.allow_only({"policy", "order", "now", "select", "customer-returns", "locale"});
    std::optional<i18n::Locale> locale;
    if (auto tag = args.get("locale")) {
        locale = i18n::match_locale(*tag);
        if (!locale) throw UsageError{"--locale: expected one of en, de, nl, da, id"};
    }
    const std::string policy_path = args.require("policy"), order_path = args.require("order");
    const std::string now_text = args.require("now");
    const auto now = parse_instant(now_text);
    if (!now) throw UsageError{"--now: expected a time like 2026-11-22T12:00:00Z"};
    EvaluationContext ctx;
    if (auto n = args.get("customer-returns")) {
        try {
            ctx.customer_returns = std::stoi(*n);
        } catch (...) {
            throw UsageError{"--customer-returns: expected a number"};
        }
    }

    const Parsed<Policy> policy = parse_policy_text(read_file(policy_path));
    const Parsed<Order> order = parse_order_text(read_file(order_path));
    bool ok = report(policy_path, policy.errors) & report(order_path, order.errors);
    std::optional<Selection> selection;
    if (auto s = args.get("select")) {
        FieldErrors errors;
        if (auto doc = parse_json_document(read_file(*s), errors)) {
            Parsed<Selection> sel = parse_selection(*doc);
            errors = sel.errors;
            selection = std::move(sel.value);
        }
        ok = report(*s, errors) && ok;
    }
    if (!ok) return 1;

    const auto decisions = evaluate(*policy.value, *order.value, *now, ctx);
    nlohmann::json out = {{"now", format_instant(*now)},
                          {"policy", {{"version", policy.value->version}, {"hash", policy.value->hash}}},
                          {"decisions", to_json(decisions)}};
    std::optional<Quote> q;
    if (selection) {
        q = quote(*policy.value, *order.value, *selection, decisions);
        out["quote"] = to_json(*q);
    }
    if (locale)
        std::fputs(evaluation_text(*order.value, decisions, q ? &*q : nullptr, *locale).c_str(), stdout);
    else
        std::printf("%s\n", canonical_dump(out).c_str());
    return !q || q->ok() ? 0 : 1;
}

}  // namespace retour::tools
