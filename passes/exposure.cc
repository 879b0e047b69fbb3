#include "passes/exposure.h"

#include <utility>

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
    e.scope = p.OnAllAddresses()      ? HostScope::kAllInterfaces
              : IsLoopback(e.address) ? HostScope::kLoopback
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

bool IsLoopback(std::string_view address) {
  address = WithoutBrackets(address);
  return address.starts_with("127.") || address == "::1" || address == "0:0:0:0:0:0:0:1" ||
         address.starts_with("::ffff:127.");
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
