#include "passes/exposure.h"

#include <algorithm>
#include <utility>

#include <arpa/inet.h>
#include <sys/socket.h>

namespace stackc::passes {
namespace {

std::string_view WithoutBrackets(std::string_view address) {
  if (address.size() > 2 && address.front() == '[' && address.back() == ']') {
    return address.substr(1, address.size() - 2);
  }
  return address;
}

std::vector<PublishedPort> PortsOf(const ir::Project& project, const ir::Service& s) {
  std::vector<PublishedPort> out;
  if (s.ports.empty()) return out;
  const PortFate fate = PortsFate(project, s);
  out.reserve(s.ports.size());
  for (const ir::Port& p : s.ports) {
    PublishedPort e;
    e.service = &s;
    e.port = &p;
    e.address = p.host_ip.empty() ? "0.0.0.0" : std::string(WithoutBrackets(p.host_ip));
    e.scope = p.host_ip.empty() || IsUnspecified(e.address) ? HostScope::kAllInterfaces
              : IsLoopback(e.address)                       ? HostScope::kLoopback
                                                            : HostScope::kAddress;
    e.kind = p.published.empty()                          ? HostPortKind::kDynamic
             : p.published.find('-') != std::string::npos ? HostPortKind::kRange
                                                          : HostPortKind::kFixed;
    e.published = p.published;
    e.target = p.target;
    e.protocol = p.protocol.empty() ? "tcp" : p.protocol;
    e.fate = fate;
    e.span = p.span;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

PortFate PortsFate(const ir::Project& project, const ir::Service& s) {
  if (s.network_mode) {
    const std::string_view mode = s.network_mode->value;
    if (mode == "host") return PortFate::kHostNetwork;
    if (mode == "none") return PortFate::kNoNetwork;
    if (mode.starts_with("service:") || mode.starts_with("container:")) return PortFate::kJoined;
    return PortFate::kPublished;  // bridge, default
  }
  if (s.networks.empty()) return PortFate::kPublished;
  for (const ir::NetworkAttachment& a : s.networks) {
    const ir::Network* n = project.FindNetwork(a.network);
    // An external network's settings are not the project's to know.
    if (n == nullptr || n->external || !n->internal) return PortFate::kPublished;
  }
  return PortFate::kInternal;
}

std::optional<IpAddress> ParseIpAddress(std::string_view address) {
  address = WithoutBrackets(address);
  const std::string text(address);  // inet_pton wants a terminated string
  IpAddress ip{};
  if (inet_pton(AF_INET6, text.c_str(), ip.data()) == 1) return ip;
  if (inet_pton(AF_INET, text.c_str(), ip.data() + 12) != 1) return std::nullopt;
  ip[10] = ip[11] = 0xff;  // ::ffff:a.b.c.d
  return ip;
}

bool IsIpv4(const IpAddress& ip) {
  constexpr IpAddress kPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::equal(kPrefix.begin(), kPrefix.begin() + 12, ip.begin());
}

bool IsUnspecified(std::string_view address) {
  const std::optional<IpAddress> ip = ParseIpAddress(address);
  if (!ip) return false;
  const bool rest_zero = std::all_of(ip->begin() + 12, ip->end(), [](uint8_t b) { return b == 0; });
  return rest_zero && (IsIpv4(*ip) || std::all_of(ip->begin(), ip->begin() + 12,
                                                  [](uint8_t b) { return b == 0; }));
}

bool IsLoopback(std::string_view address) {
  const std::optional<IpAddress> ip = ParseIpAddress(address);
  if (!ip) return false;
  if (IsIpv4(*ip)) return (*ip)[12] == 127;
  constexpr IpAddress kIpv6Loopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  return *ip == kIpv6Loopback;
}

Exposure ComputeExposure(const ir::Project& project) {
  Exposure out;
  for (const ir::Service& s : project.services) {
    std::vector<PublishedPort> ports = PortsOf(project, s);
    out.ports.insert(out.ports.end(), std::make_move_iterator(ports.begin()),
                     std::make_move_iterator(ports.end()));
    if (!s.network_mode) continue;
    const std::string_view mode = s.network_mode->value;
    if (mode == "host") {
      out.host_network.push_back({&s, nullptr, s.network_mode->span});
      continue;
    }
    if (!mode.starts_with("service:")) continue;
    // Follow service: chains to the namespace's owner.
    const ir::Service* owner = &s;
    for (int depth = 0; owner != nullptr && owner->network_mode && depth < 64; ++depth) {
      const std::string_view owner_mode = owner->network_mode->value;
      if (!owner_mode.starts_with("service:")) break;
      owner = project.FindService(owner_mode.substr(8));
    }
    if (owner == nullptr || owner == &s) continue;  // not in the project, or a cycle
    if (owner->network_mode) {
      const std::string_view owner_mode = owner->network_mode->value;
      if (owner_mode == "host") {
        out.host_network.push_back({&s, owner, s.network_mode->span});
        continue;
      }
      // none has nothing to publish, container: is unknown, service: here is a cycle.
      if (owner_mode == "none" || owner_mode.starts_with("container:") ||
          owner_mode.starts_with("service:")) {
        continue;
      }
    }
    if (owner->ports.empty()) continue;
    out.shared.push_back({&s, owner, PortsOf(project, *owner), s.network_mode->span});
  }
  return out;
}

}  // namespace stackc::passes
