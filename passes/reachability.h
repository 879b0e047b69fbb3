// Reachability: which service can open a connection to which, directly, over which networks, by
// which names and to which ports. It is what a Docker Engine lets through, not what the services
// happen to do: two containers on one bridge network reach each other on every port.
//
// The model: each service's containers sit on its networks (the loader has added the implicit
// `default`); `network_mode: service:x` puts them in x's namespace (they are reached by x's names),
// `host` in the host's (it reaches every container's address, and containers on a network with a
// gateway reach it through the host), `none` nowhere, `container:x` somewhere unknown. A network
// with `com.docker.network.bridge.enable_icc: "false"` carries nothing between containers.
// `internal: true` stops egress and publishing, not traffic inside the network. Services on an
// external network, or in `container:` mode, meet peers the project does not define: they are
// listed as open to unknown peers, never assumed safe.
//
// Example (the brief's three-tier stack):
//   const Reachability r = ComputeReachability(project);
//   r.Find("web", "app")->networks  // {"webapp"}
//   r.Find("web", "db")             // nullptr
//   r.Path("web", "db")             // web -[webapp]-> app -[appdb]-> db (two edges)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/project.h"

namespace stackc::passes {

struct ReachEdge {
  std::string from;
  std::string to;
  std::vector<std::string> networks;  // network keys, sorted; {"host"} through the host namespace
  std::vector<std::string> names;     // names `to` resolves by from `from`, sorted; may be empty
  std::vector<std::string> ports;     // "80/tcp", sorted; empty: any port (none declared)
};

struct Reachability {
  std::vector<ReachEdge> edges;            // sorted by (from, to); never from a service to itself
  std::vector<std::string> unknown_peers;  // services that meet containers outside the project

  const ReachEdge* Find(std::string_view from, std::string_view to) const;
  // The shortest chain of edges from `from` to `to` (fewest hops, then by name); empty when there
  // is none.
  std::vector<const ReachEdge*> Path(std::string_view from, std::string_view to) const;
};

Reachability ComputeReachability(const ir::Project& project);

// "web -[webapp]-> app -[appdb]-> db"
std::string RenderPath(const std::vector<const ReachEdge*>& path);

}  // namespace stackc::passes
