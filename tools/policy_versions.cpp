#include "tools/policy_versions.h"

#include <cstdio>

namespace retour::tools {

void PolicyVersions::add(EarlierPolicy earlier) {
    std::string hash = earlier.policy.hash;
    by_hash_.insert_or_assign(std::move(hash), std::move(earlier));
}

const Policy* PolicyVersions::find(const std::string& hash, std::int64_t now_unix, std::string* why_not) const {
    auto it = by_hash_.find(hash);
    if (it == by_hash_.end()) {
        *why_not = "this receiver has never served a policy with hash " + hash;
        return nullptr;
    }
    const EarlierPolicy& e = it->second;
    if (e.other_key) {
        *why_not = "policy version " + e.policy.version + " (" + hash + ") has another public_key than the current "
                   "policy: after a key change, requests made under the old key are refused";
        return nullptr;
    }
    if (now_unix - e.last_served_unix > retention_seconds) {
        *why_not = "policy version " + e.policy.version + " (" + hash + ") was replaced on " + e.last_served +
                   ", longer ago than the retention period of " + std::to_string(retention_seconds / 86400) +
                   " days (--policy-retention-days)";
        return nullptr;
    }
    return &e.policy;
}

PolicyVersions serve_policy(ReturnStore& store, const Policy& current, const std::string& text, std::int64_t now_unix,
                            std::int64_t retention_seconds) {
    store.serve_policy({current.hash, current.version, text, {}, {}, true}, format_instant(Instant{now_unix}));
    PolicyVersions out;
    out.retention_seconds = retention_seconds;
    for (StoredPolicy& stored : store.policies()) {
        if (stored.current) continue;
        Parsed<Policy> p = parse_policy_text(stored.text);
        const auto last = parse_instant(stored.last_served);
        // A version this build can no longer read (the format got stricter) cannot
        // verify anything; requests made under it are refused as unknown.
        if (!p.ok() || !last || p.value->hash != stored.hash) {
            std::fprintf(stderr, "retour hook: earlier policy %s (%s) can no longer be read; requests made under it "
                                 "will be refused\n", stored.version.c_str(), stored.hash.c_str());
            continue;
        }
        const bool other_key = p.value->public_key_bytes != current.public_key_bytes;
        out.add({std::move(*p.value), stored.last_served, last->unix_seconds, other_key});
    }
    return out;
}

}  // namespace retour::tools
