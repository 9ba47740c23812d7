#include "core/review_rules.h"

#include "core/published_order.h"

namespace retour {

std::vector<ReviewReason> review_reasons(const Policy& policy, const EarlierRequests& earlier, bool late,
                                         const Quote& quote) {
    std::vector<ReviewReason> out;
    const auto add = [&](std::string code, std::string rule, std::string message) {
        for (const auto& r : out)
            if (r.code == code) return;
        out.push_back({std::move(code), std::move(rule), std::move(message)});
    };
    for (const QuoteLine& line : quote.lines)
        for (const char* code : line.review_codes) add(code, "", "the quote asks for review");
    const auto& limit = policy.review.max_customer_returns;
    if (limit && earlier.same_customer > *limit)
        add("customer_return_limit", "/review/max_customer_returns",
            "this customer has " + std::to_string(earlier.same_customer) + " earlier request(s); the policy reviews after " +
                std::to_string(*limit));
    if (late)
        add("late_delivery", "/webhook/late_grace_days",
            "the request arrived later than the clock skew allows, within the grace period");
    return out;
}

std::string normalise_email(std::string_view email) {
    // As the published-order lookup reads an e-mail (trimmed, lower case), then the tag.
    std::string s = normalize_identifier(LookupIdentifier::email, email);
    const std::size_t at = s.rfind('@');
    const std::size_t plus = s.find('+');
    if (at != std::string::npos && plus != std::string::npos && plus > 0 && plus < at) s.erase(plus, at - plus);
    return s;
}

nlohmann::json to_json(const std::vector<ReviewReason>& reasons) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& r : reasons) a.push_back({{"code", r.code}, {"rule", r.rule}, {"message", r.message}});
    return a;
}

}  // namespace retour
