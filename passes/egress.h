// Egress: which services can open connections to the internet, and through which networks.
//
// A container has a route out when one of its networks has a gateway that NATs to the host's
// uplink: any network that is not `internal: true` and whose driver forwards (bridge, the default,
// overlay, macvlan, ipvlan). `network_mode: host` is the host's own egress; `none` has none;
// `service:x` has x's. An external network, or `container:x`, is not defined by the project: its
// egress is unknown and reported as possible, never assumed absent.
//
// Example (the brief's three-tier stack, no network internal):
//   for (const EgressRoute& e : ComputeEgress(project)) ...
//   // {service "db", networks {"appdb"}}, and likewise app and web
#pragma once

#include <string>
#include <vector>

#include "ir/project.h"
#include "ir/source.h"

namespace stackc::passes {

struct EgressRoute {
  std::string service;
  std::vector<std::string> networks;  // network keys with a gateway, sorted; {"host"} in host mode
  bool unknown = false;               // through a network or namespace the project does not define
  ir::Span span;                      // where the route comes from: the first such attachment
};

// Services with a (possible) route to the internet, sorted by name.
std::vector<EgressRoute> ComputeEgress(const ir::Project& project);

}  // namespace stackc::passes
