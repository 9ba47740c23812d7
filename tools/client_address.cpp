#include "tools/client_address.h"

#include <arpa/inet.h>

#include <cstring>

namespace retour::tools {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool prefix_matches(const IpAddress& a, const IpAddress& b, int prefix) {
    const int full = prefix / 8, rest = prefix % 8;
    if (std::memcmp(a.bytes, b.bytes, static_cast<std::size_t>(full)) != 0) return false;
    if (rest == 0) return true;
    const unsigned char mask = static_cast<unsigned char>(0xFF << (8 - rest));
    return (a.bytes[full] & mask) == (b.bytes[full] & mask);
}

}  // namespace

std::optional<IpAddress> parse_ip(const std::string& raw) {
    std::string text = trim(raw);
    if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    IpAddress ip;
    if (inet_pton(AF_INET, text.c_str(), ip.bytes) == 1) return ip;
    unsigned char v6[16];
    if (inet_pton(AF_INET6, text.c_str(), v6) != 1) return std::nullopt;
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    if (std::memcmp(v6, kMapped, 12) == 0) {
        std::memcpy(ip.bytes, v6 + 12, 4);
        return ip;
    }
    ip.v6 = true;
    std::memcpy(ip.bytes, v6, 16);
    return ip;
}

std::string IpAddress::text() const {
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(v6 ? AF_INET6 : AF_INET, bytes, buf, sizeof(buf));
    return buf;
}

bool TrustedProxies::add(const std::string& spec) {
    const auto slash = spec.find('/');
    const auto ip = parse_ip(spec.substr(0, slash));
    if (!ip) return false;
    const int bits = ip->v6 ? 128 : 32;
    int prefix = bits;
    if (slash != std::string::npos) {
        const std::string p = spec.substr(slash + 1);
        if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos) return false;
        prefix = std::stoi(p);
        if (prefix > bits) return false;
    }
    ranges_.push_back({*ip, prefix});
    return true;
}

bool TrustedProxies::contains(const IpAddress& ip) const {
    for (const Range& r : ranges_)
        if (r.base.v6 == ip.v6 && prefix_matches(r.base, ip, r.prefix)) return true;
    return false;
}

std::string client_address(const std::string& peer, const std::string& forwarded_for, const TrustedProxies& proxies) {
    const auto peer_ip = parse_ip(peer);
    if (!peer_ip || !proxies.contains(*peer_ip) || forwarded_for.empty()) return peer;
    std::vector<std::string> hops;
    std::size_t begin = 0;
    for (std::size_t comma; (comma = forwarded_for.find(',', begin)) != std::string::npos; begin = comma + 1)
        hops.push_back(trim(forwarded_for.substr(begin, comma - begin)));
    hops.push_back(trim(forwarded_for.substr(begin)));
    std::string client = peer_ip->text();
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {  // right to left
        if (hop->empty()) continue;
        const auto ip = parse_ip(*hop);
        if (!ip) return client;  // garbage: the hop that passed it on answers for it
        client = ip->text();
        if (!proxies.contains(*ip)) return client;
    }
    return client;  // every hop trusted: the leftmost
}

}  // namespace retour::tools
