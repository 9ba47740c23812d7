#pragma once
// The policy versions a receiver has served. After the merchant changes the policy, a
// portal may go on posting requests made under the previous version for a while (an
// open tab, a cached policy.json); those are verified against the version they name
// (by hash) if it was the receiver's policy within the retention period. Versions
// live in the receiver's database (`policy_versions`), so they survive restarts.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/policy.h"
#include "tools/return_store.h"

namespace retour::tools {

inline constexpr std::int64_t kDefaultPolicyRetentionDays = 30;

struct EarlierPolicy {
    Policy policy;
    std::string last_served;  // ISO time it was last the receiver's policy
    std::int64_t last_served_unix = 0;
    // Its public_key is not the current one: the merchant changed keys (perhaps because
    // the old one leaked), so nothing signed for the old key may be stored any more.
    bool other_key = false;
};

class PolicyVersions {
public:
    std::int64_t retention_seconds = kDefaultPolicyRetentionDays * 86400;

    void add(EarlierPolicy earlier);
    // The earlier policy with `hash` if it was served within the retention period; else
    // nullptr and `*why_not` says why (for the 422 and the log).
    const Policy* find(const std::string& hash, std::int64_t now_unix, std::string* why_not) const;
    std::size_t size() const { return by_hash_.size(); }

private:
    std::map<std::string, EarlierPolicy> by_hash_;
};

// Records `current` (and its file text) as the receiver's policy from `now_unix` on,
// and returns the versions served before it. Throws runtime_error on database errors.
PolicyVersions serve_policy(ReturnStore& store, const Policy& current, const std::string& text,
                            std::int64_t now_unix, std::int64_t retention_seconds);

}  // namespace retour::tools
