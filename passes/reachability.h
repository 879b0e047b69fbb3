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

#include <map>
#include <optional>
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

// The sparse form, for the linter: one pair, or the shortest chain between two services, answered
// from the networks' member lists without the quadratic edge list (a project of 2,000 services on
// one network has four million edges). It refers to the project, which must outlive it.
//
// Example:
//   const ReachQuery q(project);
//   q.Reaches("web", "db");           // false
//   q.Path("web", "db")               // the two edges of web -[webapp]-> app -[appdb]-> db
class ReachQuery {
 public:
  explicit ReachQuery(const ir::Project& project);

  bool Reaches(std::string_view from, std::string_view to) const;
  // The edge with its networks, names and ports; nullopt when `from` cannot reach `to`.
  std::optional<ReachEdge> Edge(std::string_view from, std::string_view to) const;
  // As Reachability::Path: fewest hops, then the smallest names.
  std::vector<ReachEdge> Path(std::string_view from, std::string_view to) const;
  const std::vector<std::string>& unknown_peers() const { return unknown_peers_; }
  bool IsUnknownPeer(std::string_view service) const;

 private:
  struct Slot {
    int mode = 0;      // Mode in reachability.cc
    size_t owner = 0;  // the service whose namespace it is in (itself, or x of service:x)
  };
  size_t Index(std::string_view name) const;  // services.size() when absent
  bool Reaches(size_t from, size_t to) const;
  ReachEdge Edge(size_t from, size_t to) const;

  const ir::Project& project_;
  std::vector<Slot> places_;                          // per service, in project order
  std::vector<bool> gateway_;                         // per service: its owner has a gateway
  std::map<std::string, bool, std::less<>> carries_;  // network key -> carries traffic
  std::map<std::string, std::vector<size_t>, std::less<>> members_;  // network key -> services
  std::vector<std::vector<size_t>> same_owner_;  // per owner: the services in its namespace
  std::vector<size_t> host_mode_;                // services in the host's namespace
  std::vector<size_t> routed_;                   // services the host reaches (networks, host)
  std::vector<std::string> unknown_peers_;
};

// Every edge (quadratic): for `stackc graph` and the Engine truth test.
Reachability ComputeReachability(const ir::Project& project);

// "web -[webapp]-> app -[appdb]-> db"
std::string RenderPath(const std::vector<const ReachEdge*>& path);
std::string RenderPath(const std::vector<ReachEdge>& path);

}  // namespace stackc::passes
