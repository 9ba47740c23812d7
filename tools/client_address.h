#pragma once
// Who a request came from. Behind a reverse proxy (TLS terminator, load balancer) every
// connection comes from the proxy, which names the client in X-Forwarded-For; that
// header is believed only when the connection comes from a configured trusted proxy
// (`--trusted-proxy ADDR|CIDR`), since any client can send it. The client is then the
// rightmost address in the header that is not itself a trusted proxy (the leftmost
// entries are whatever the client chose to write).
#include <optional>
#include <string>
#include <vector>

namespace retour::tools {

// An IPv4 or IPv6 address, IPv4-mapped IPv6 (::ffff:a.b.c.d) taken as IPv4.
struct IpAddress {
    bool v6 = false;
    unsigned char bytes[16] = {};
    std::string text() const;  // canonical form (inet_ntop)
};
std::optional<IpAddress> parse_ip(const std::string& text);

class TrustedProxies {
public:
    // "10.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32"; false when it is none of these.
    bool add(const std::string& addr_or_cidr);
    bool contains(const IpAddress& ip) const;
    bool empty() const { return ranges_.empty(); }

private:
    struct Range {
        IpAddress base;
        int prefix = 0;
    };
    std::vector<Range> ranges_;
};

// The client of a connection from `peer` (canonical text of the socket's address)
// carrying `forwarded_for` (every X-Forwarded-For value, joined with ","). Without a
// trusted peer the header is ignored. An entry that is not an address ends the walk:
// the trusted hop that passed it on is taken as the client.
std::string client_address(const std::string& peer, const std::string& forwarded_for, const TrustedProxies& proxies);

}  // namespace retour::tools
