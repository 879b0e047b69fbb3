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

std::string RenderPath(const std::vector<ReachEdge>& path) {
  std::vector<const ReachEdge*> edges;
  for (const ReachEdge& e : path) edges.push_back(&e);
  return RenderPath(edges);
}

ReachQuery::ReachQuery(const ir::Project& project) : project_(project) {
  const std::vector<ir::Service>& services = project.services;
  same_owner_.resize(services.size());
  for (size_t i = 0; i < services.size(); ++i) {
    const Place p = PlaceOf(project, services[i]);
    const size_t owner = static_cast<size_t>(p.owner - services.data());
    places_.push_back({static_cast<int>(p.mode), owner});
    gateway_.push_back(p.mode == Mode::kNetworks && HasGateway(project, *p.owner));
    bool unknown = p.mode == Mode::kUnknown;
    if (p.mode == Mode::kNetworks) {
      for (const ir::NetworkAttachment& a : p.owner->networks) {
        const ir::Network* n = project.FindNetwork(a.network);
        if (n != nullptr && n->external) unknown = true;
        auto [it, fresh] = carries_.try_emplace(a.network, false);
        if (fresh) it->second = CarriesTraffic(n);
        if (it->second) members_[a.network].push_back(i);
      }
      same_owner_[owner].push_back(i);
      routed_.push_back(i);
    } else if (p.mode == Mode::kHost) {
      host_mode_.push_back(i);
      routed_.push_back(i);
    }
    if (unknown) unknown_peers_.push_back(services[i].name.value);
  }
}

size_t ReachQuery::Index(std::string_view name) const {
  const ir::Service* s = project_.FindService(name);
  return s == nullptr ? project_.services.size()
                      : static_cast<size_t>(s - project_.services.data());
}

bool ReachQuery::IsUnknownPeer(std::string_view service) const {
  return std::find(unknown_peers_.begin(), unknown_peers_.end(), service) != unknown_peers_.end();
}

bool ReachQuery::Reaches(std::string_view from, std::string_view to) const {
  const size_t f = Index(from), t = Index(to);
  return f < places_.size() && t < places_.size() && Reaches(f, t);
}

bool ReachQuery::Reaches(size_t from, size_t to) const {
  if (from == to) return false;
  const Slot& pf = places_[from];
  const Slot& pt = places_[to];
  const auto mf = static_cast<Mode>(pf.mode), mt = static_cast<Mode>(pt.mode);
  if (mf == Mode::kNone || mf == Mode::kUnknown || mt == Mode::kNone || mt == Mode::kUnknown) {
    return false;
  }
  if (mf == Mode::kHost && mt == Mode::kHost) return true;
  if (mf == Mode::kHost) return true;  // the host routes to every container address
  if (mt == Mode::kHost) return gateway_[from];
  if (pf.owner == pt.owner) return true;
  const ir::Service& a = project_.services[pf.owner];
  const ir::Service& b = project_.services[pt.owner];
  for (const ir::NetworkAttachment& n : a.networks) {
    const auto c = carries_.find(n.network);
    if (c != carries_.end() && c->second && b.FindNetwork(n.network) != nullptr) return true;
  }
  return false;
}

std::optional<ReachEdge> ReachQuery::Edge(std::string_view from, std::string_view to) const {
  const size_t f = Index(from), t = Index(to);
  if (f >= places_.size() || t >= places_.size() || !Reaches(f, t)) return std::nullopt;
  return Edge(f, t);
}

ReachEdge ReachQuery::Edge(size_t from_index, size_t to_index) const {
  const ir::Service& from = project_.services[from_index];
  const ir::Service& to = project_.services[to_index];
  const Slot& pf = places_[from_index];
  const Slot& pt = places_[to_index];
  const auto mf = static_cast<Mode>(pf.mode), mt = static_cast<Mode>(pt.mode);
  const ir::Service& owner_to = project_.services[pt.owner];
  ReachEdge e{from.name.value, to.name.value, {}, {}, PortsOf(owner_to)};
  if (pf.owner == pt.owner || (mf == Mode::kHost && mt == Mode::kHost)) {
    e.networks = {mf == Mode::kHost ? "host" : "namespace"};  // one namespace: localhost
    std::set<std::string> names = {"localhost"};
    if (mf != Mode::kHost) {
      // The namespace's own names resolve inside it too, to its own addresses: the owner's
      // name, container names and aliases on each of its networks (enable_icc does not matter:
      // nothing crosses to another container).
      const std::vector<std::string> containers = ContainerNames(project_, owner_to);
      for (const ir::NetworkAttachment& a : owner_to.networks) {
        names.insert(owner_to.name.value);
        for (const auto& alias : a.aliases) names.insert(alias.value);
        names.insert(containers.begin(), containers.end());
      }
    }
    e.names.assign(names.begin(), names.end());
    return e;
  }
  if (mf == Mode::kHost || mt == Mode::kHost) {
    e.networks = {"host"};
    return e;
  }
  const ir::Service& owner_from = project_.services[pf.owner];
  std::set<std::string> names;
  const std::vector<std::string> containers = ContainerNames(project_, owner_to);
  for (const ir::NetworkAttachment& a : owner_from.networks) {
    const ir::NetworkAttachment* b = owner_to.FindNetwork(a.network);
    const auto c = carries_.find(a.network);
    if (b == nullptr || c == carries_.end() || !c->second) continue;
    e.networks.push_back(a.network);
    names.insert(owner_to.name.value);
    for (const auto& alias : b->aliases) names.insert(alias.value);
    names.insert(containers.begin(), containers.end());
  }
  for (const auto& link : from.links) {  // "db" or "db:alias"
    const size_t colon = link.value.find(':');
    if (link.value.substr(0, colon) != owner_to.name.value) continue;
    if (colon != std::string::npos) names.insert(link.value.substr(colon + 1));
  }
  e.names.assign(names.begin(), names.end());
  return e;
}

std::vector<ReachEdge> ReachQuery::Path(std::string_view from, std::string_view to) const {
  const size_t source = Index(from), target = Index(to);
  std::vector<ReachEdge> path;
  if (source >= places_.size() || target >= places_.size() || source == target) return path;
  // Breadth first; a node's new neighbours are queued in name order, as over the sorted edge list.
  // A network's members, a namespace, and what the host routes to are each queued once: every
  // member is reached by the first node that expands them.
  constexpr size_t kUnseen = SIZE_MAX;
  std::vector<size_t> came_from(places_.size(), kUnseen);
  std::set<std::string_view> networks_done;
  std::vector<bool> owner_done(places_.size(), false);
  bool routed_done = false, host_done = false;
  std::deque<size_t> queue{source};
  came_from[source] = source;
  while (!queue.empty() && came_from[target] == kUnseen) {
    const size_t at = queue.front();
    queue.pop_front();
    const auto mode = static_cast<Mode>(places_[at].mode);
    if (mode == Mode::kNone || mode == Mode::kUnknown) continue;
    std::vector<size_t> next;
    auto add = [&](const std::vector<size_t>& group) {
      for (size_t n : group) {
        if (came_from[n] == kUnseen && n != at && Reaches(at, n)) next.push_back(n);
      }
    };
    if (mode == Mode::kHost) {
      if (!routed_done) add(routed_);
      routed_done = true;
    } else {
      const size_t owner = places_[at].owner;
      if (!owner_done[owner]) add(same_owner_[owner]);
      owner_done[owner] = true;
      for (const ir::NetworkAttachment& a : project_.services[owner].networks) {
        const auto m = members_.find(a.network);
        if (m == members_.end() || !networks_done.insert(m->first).second) continue;
        add(m->second);
      }
      if (gateway_[at] && !host_done) {
        add(host_mode_);
        host_done = true;
      }
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    for (size_t n : next) {
      came_from[n] = at;
      queue.push_back(n);
    }
  }
  if (came_from[target] == kUnseen) return path;
  for (size_t at = target; at != source; at = came_from[at]) {
    path.push_back(Edge(came_from[at], at));
  }
  std::reverse(path.begin(), path.end());
  return path;
}

Reachability ComputeReachability(const ir::Project& project) {
  const ReachQuery q(project);
  Reachability r;
  r.unknown_peers = q.unknown_peers();
  for (const ir::Service& from : project.services) {
    for (const ir::Service& to : project.services) {
      if (std::optional<ReachEdge> e = q.Edge(from.name.value, to.name.value)) {
        r.edges.push_back(std::move(*e));
      }
    }
  }
  return r;  // services are sorted by name: so are the edges
}

}  // namespace stackc::passes
