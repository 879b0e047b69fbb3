#include "passes/reachability.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include <fmt/format.h>

namespace stackc::passes {
namespace {

enum class Mode { kNetworks, kHost, kNone, kUnknown };

// Where one service's containers sit.
struct Place {
  Mode mode = Mode::kNetworks;
  const ir::Service* owner = nullptr;  // whose namespace: itself, or x of `service:x`
};

Place PlaceOf(const ir::Project& project, const ir::Service& s) {
  Place place{Mode::kNetworks, &s};
  for (int depth = 0; depth < 64; ++depth) {
    if (!place.owner->network_mode) return place;
    const std::string& mode = place.owner->network_mode->value;
    if (mode == "host") return {Mode::kHost, place.owner};
    if (mode == "none") return {Mode::kNone, place.owner};
    if (mode.starts_with("service:")) {
      const ir::Service* next = project.FindService(std::string_view(mode).substr(8));
      if (next == nullptr) return {Mode::kUnknown, place.owner};
      place.owner = next;
      continue;
    }
    if (mode == "bridge" || mode == "default") return place;
    return {Mode::kUnknown, place.owner};  // container:x, or a network by name
  }
  return {Mode::kUnknown, place.owner};
}

bool CarriesTraffic(const ir::Network* n) {
  if (n == nullptr) return false;
  if (n->driver == "none" || n->driver == "null" || n->driver == "host") return false;
  for (const ir::KeyValue& kv : n->driver_opts) {
    if (kv.key == "com.docker.network.bridge.enable_icc" && kv.value && *kv.value == "false") {
      return false;
    }
  }
  return true;
}

// Whether a container on the service's networks has a gateway to the host (a non-internal one).
bool HasGateway(const ir::Project& project, const ir::Service& owner) {
  for (const ir::NetworkAttachment& a : owner.networks) {
    const ir::Network* n = project.FindNetwork(a.network);
    if (n != nullptr && !n->internal && CarriesTraffic(n)) return true;
  }
  return false;
}

std::vector<std::string> ContainerNames(const ir::Project& project, const ir::Service& s) {
  if (s.container_name) return {s.container_name->value};
  std::vector<std::string> out;
  // Each replica's name; a scale in the thousands is named by its first hundred.
  for (int64_t i = 1; i <= std::min<int64_t>(std::max<int64_t>(s.Replicas(), 1), 100); ++i) {
    out.push_back(fmt::format("{}-{}-{}", project.name, s.name.value, i));
  }
  return out;
}

std::vector<std::string> PortsOf(const ir::Service& s) {
  std::set<std::string> out;
  for (const ir::Port& p : s.ports) {
    out.insert(fmt::format("{}/{}", p.target, p.protocol.empty() ? "tcp" : p.protocol));
  }
  for (const auto& e : s.expose) {
    out.insert(e.value.find('/') == std::string::npos ? e.value + "/tcp" : e.value);
  }
  return {out.begin(), out.end()};
}

}  // namespace

const ReachEdge* Reachability::Find(std::string_view from, std::string_view to) const {
  auto it = std::lower_bound(
      edges.begin(), edges.end(), std::pair(from, to), [](const ReachEdge& e, const auto& key) {
        return std::pair<std::string_view, std::string_view>(e.from, e.to) < key;
      });
  return it != edges.end() && it->from == from && it->to == to ? &*it : nullptr;
}

std::vector<const ReachEdge*> Reachability::Path(std::string_view from, std::string_view to) const {
  // Breadth first over the sorted edges: the first path found has the fewest hops and, among
  // those, the smallest names.
  std::map<std::string, const ReachEdge*, std::less<>> came_by;
  std::deque<std::string> queue{std::string(from)};
  came_by[std::string(from)] = nullptr;
  while (!queue.empty()) {
    const std::string at = queue.front();
    queue.pop_front();
    if (at == to) break;
    auto it =
        std::lower_bound(edges.begin(), edges.end(), at,
                         [](const ReachEdge& e, const std::string& key) { return e.from < key; });
    for (; it != edges.end() && it->from == at; ++it) {
      if (came_by.count(it->to)) continue;
      came_by[it->to] = &*it;
      queue.push_back(it->to);
    }
  }
  std::vector<const ReachEdge*> path;
  auto it = came_by.find(to);
  if (it == came_by.end() || from == to) return path;
  for (const ReachEdge* e = it->second; e != nullptr; e = came_by[e->from]) path.push_back(e);
  std::reverse(path.begin(), path.end());
  return path;
}

std::string RenderPath(const std::vector<const ReachEdge*>& path) {
  std::string out;
  for (const ReachEdge* e : path) {
    if (out.empty()) out = e->from;
    std::string nets;
    for (const std::string& n : e->networks) nets += (nets.empty() ? "" : ",") + n;
    out += fmt::format(" -[{}]-> {}", nets, e->to);
  }
  return out;
}

Reachability ComputeReachability(const ir::Project& project) {
  Reachability r;
  std::map<std::string, Place> places;
  std::map<const ir::Service*, std::vector<std::string>> container_names;
  for (const ir::Service& s : project.services) {
    places[s.name.value] = PlaceOf(project, s);
    container_names[&s] = ContainerNames(project, s);
  }

  for (const ir::Service& s : project.services) {
    const Place& p = places[s.name.value];
    bool unknown = p.mode == Mode::kUnknown;
    if (p.mode == Mode::kNetworks) {
      for (const ir::NetworkAttachment& a : p.owner->networks) {
        const ir::Network* n = project.FindNetwork(a.network);
        if (n != nullptr && n->external) unknown = true;
      }
    }
    if (unknown) r.unknown_peers.push_back(s.name.value);
  }

  for (const ir::Service& from : project.services) {
    const Place& pf = places[from.name.value];
    if (pf.mode == Mode::kNone || pf.mode == Mode::kUnknown) continue;
    for (const ir::Service& to : project.services) {
      if (&from == &to) continue;
      const Place& pt = places[to.name.value];
      if (pt.mode == Mode::kNone || pt.mode == Mode::kUnknown) continue;
      ReachEdge e{from.name.value, to.name.value, {}, {}, PortsOf(*pt.owner)};
      if (pf.owner == pt.owner || (pf.mode == Mode::kHost && pt.mode == Mode::kHost)) {
        e.networks = {pf.mode == Mode::kHost ? "host" : "namespace"};  // one namespace: localhost
        e.names = {"localhost"};
      } else if (pf.mode == Mode::kHost || pt.mode == Mode::kHost) {
        // From the host every container address is routed; a container reaches the host through
        // its network's gateway.
        const bool ok = pf.mode == Mode::kHost ? true : HasGateway(project, *pf.owner);
        if (!ok) continue;
        e.networks = {"host"};
      } else {
        std::set<std::string> names;
        for (const ir::NetworkAttachment& a : pf.owner->networks) {
          const ir::NetworkAttachment* b = pt.owner->FindNetwork(a.network);
          if (b == nullptr || !CarriesTraffic(project.FindNetwork(a.network))) continue;
          e.networks.push_back(a.network);
          names.insert(pt.owner->name.value);
          for (const auto& alias : b->aliases) names.insert(alias.value);
          for (const std::string& c : container_names[pt.owner]) names.insert(c);
        }
        if (e.networks.empty()) continue;
        for (const auto& link : from.links) {  // "db" or "db:alias"
          const size_t colon = link.value.find(':');
          if (link.value.substr(0, colon) != pt.owner->name.value) continue;
          if (colon != std::string::npos) names.insert(link.value.substr(colon + 1));
        }
        e.names.assign(names.begin(), names.end());
      }
      r.edges.push_back(std::move(e));
    }
  }
  std::sort(r.edges.begin(), r.edges.end(), [](const ReachEdge& a, const ReachEdge& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return r;
}

}  // namespace stackc::passes
