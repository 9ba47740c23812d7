// The reasons a shopper can pick, with their flags and the resolutions they allow.
#include "core/policy_sections.h"

namespace retour::policy_sections {
namespace {

std::optional<std::string> read_handle(const JsonReader& r) {
    auto s = r.string(true, 200);
    if (s && !is_handle(*s)) {
        r.fail("expected a handle of 1 to 64 characters a-z, 0-9, '_' or '-'");
        return std::nullopt;
    }
    return s;
}

}  // namespace

void read_reasons(const JsonReader& r, const ResolutionOffers* offers, std::vector<Reason>& out) {
    if (!r.array()) return;
    if (r.size() == 0) r.fail("expected at least one reason");
    for (std::size_t i = 0; i < r.size(); ++i) {
        const JsonReader e = r.at(i);
        if (!e.object({"handle", "labels", "sub_reasons", "requires_comment", "requires_photo", "merchant_fault",
                       "review", "resolutions"}))
            continue;
        Reason reason;
        if (auto h = read_handle(e["handle"])) {
            for (const auto& seen : out)
                if (seen.handle == *h) e["handle"].fail("duplicate reason handle \"" + *h + "\"");
            reason.handle = *h;
        }
        reason.label = read_localized(e["labels"]);
        const JsonReader subs = e["sub_reasons"];
        if (subs.array(false)) {
            for (std::size_t k = 0; k < subs.size(); ++k) {
                const JsonReader s = subs.at(k);
                if (!s.object({"handle", "labels"})) continue;
                SubReason sub;
                if (auto h = read_handle(s["handle"])) {
                    if (reason.find_sub_reason(*h)) s["handle"].fail("duplicate sub-reason handle \"" + *h + "\"");
                    sub.handle = *h;
                }
                sub.label = read_localized(s["labels"]);
                reason.sub_reasons.push_back(std::move(sub));
            }
        }
        if (auto b = e["requires_comment"].boolean(false)) reason.requires_comment = *b;
        if (auto b = e["requires_photo"].boolean(false)) reason.requires_photo = *b;
        if (auto b = e["merchant_fault"].boolean(false)) reason.merchant_fault = *b;
        if (auto b = e["review"].boolean(false)) reason.review = *b;
        const JsonReader res = e["resolutions"];
        if (res.array(false)) {
            if (res.size() == 0) res.fail("expected at least one resolution (omit the key to allow all)");
            for (std::size_t k = 0; k < res.size(); ++k) {
                auto word = res.at(k).one_of({"refund", "store_credit", "gift_card", "exchange", "keep_item"});
                if (!word) continue;
                const Resolution x = *parse_resolution(*word);
                if (offers && !offers->offers(x))
                    res.at(k).fail("resolution \"" + *word + "\" is not offered in /resolutions");
                else if (reason.allows(x) && !reason.resolutions.empty())
                    res.at(k).fail("duplicate resolution \"" + *word + "\"");
                else
                    reason.resolutions.push_back(x);
            }
        }
        out.push_back(std::move(reason));
    }
}

}  // namespace retour::policy_sections
