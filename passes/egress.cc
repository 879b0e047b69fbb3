#include "passes/egress.h"

namespace stackc::passes {
namespace {

bool Forwards(const ir::Network& n) {
  if (n.internal) return false;
  return n.driver.empty() || n.driver == "bridge" || n.driver == "overlay" ||
         n.driver == "macvlan" || n.driver == "ipvlan" || n.external;
}

}  // namespace

std::vector<EgressRoute> ComputeEgress(const ir::Project& project) {
  std::vector<EgressRoute> out;
  for (const ir::Service& s : project.services) {
    EgressRoute route{s.name.value, {}, false, s.name.span};
    const ir::Service* owner = &s;
    for (int depth = 0;
         depth < 64 && owner->network_mode && owner->network_mode->value.starts_with("service:");
         ++depth) {
      const ir::Service* next =
          project.FindService(std::string_view(owner->network_mode->value).substr(8));
      if (next == nullptr) break;
      owner = next;
    }
    if (owner->network_mode) {
      const std::string& mode = owner->network_mode->value;
      if (mode == "none") continue;
      if (mode == "host") {
        route.networks = {"host"};
        route.span = s.network_mode ? s.network_mode->span : s.name.span;
        out.push_back(std::move(route));
        continue;
      }
      if (mode != "bridge" && mode != "default" && !mode.starts_with("service:")) {
        route.unknown = true;  // container:x, or a network by name
        route.span = s.network_mode ? s.network_mode->span : s.name.span;
        out.push_back(std::move(route));
        continue;
      }
    }
    bool first = true;
    for (const ir::NetworkAttachment& a : owner->networks) {
      const ir::Network* n = project.FindNetwork(a.network);
      if (n == nullptr || !Forwards(*n)) continue;
      route.networks.push_back(a.network);
      if (n->external) route.unknown = true;
      if (first && owner == &s && a.span.valid()) route.span = a.span;
      first = false;
    }
    if (!route.networks.empty()) out.push_back(std::move(route));
  }
  return out;
}

}  // namespace stackc::passes
