// NET003 dependency-unreachable: a service depends on another it has no network path to.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kDependencyUnreachableDoc = R"(## What it does
Flags a service that declares `depends_on` another (condition `service_started` or
`service_healthy`) but cannot open a connection to it: the two share no network, or every network
they share carries no traffic between containers
(`com.docker.network.bridge.enable_icc: "false"`, the `null` driver).

Left alone: `service_completed_successfully` (a one-shot job is rarely talked to); services that
share a named volume or host path, or where the dependent uses `volumes_from` the dependency (the
dependency is about data); services whose `network_mode` is `host`, `none`, `container:` or
anything but `service:` (they do not talk over the project's networks, or stackc cannot tell); and
services on an external network, whose peers are unknown.

## Why is this bad
A dependency usually means "I talk to it". Compose orders the start-up and then the dependent's
first connection fails with a DNS error (`getaddrinfo ENOTFOUND db`): the name only resolves on a
network both containers joined. This is typical after splitting a flat stack into tiers and
forgetting to attach one service to the tier it needs.

## Example
```yaml
services:
  app:
    image: example/app:1.2
    networks: [front]
    depends_on: [db]
  db:
    image: postgres:17
    networks: [back]
networks:
  front: {}
  back: {}
```

## Use instead
```yaml
  app:
    networks: [front, back]
```

## Fix safety
No automatic fix: which network the services should share is a design decision.
)";

namespace {

// The service whose network namespace `s` runs in (itself, or x of `network_mode: service:x`,
// followed); nullptr when that is not a service of the project (`container:`, a cycle).
const ir::Service* NamespaceOwner(const ir::Project& project, const ir::Service& s) {
  const ir::Service* owner = &s;
  for (int depth = 0; depth < 64; ++depth) {
    if (!owner->network_mode) return owner;
    std::string_view mode = owner->network_mode->value;
    if (!mode.starts_with("service:")) return mode.starts_with("container:") ? nullptr : owner;
    owner = project.FindService(mode.substr(8));
    if (owner == nullptr) return nullptr;
  }
  return nullptr;
}

bool SharesData(const ir::Service& a, const ir::Service& b) {
  for (const ir::Mount& m : a.volumes) {
    if (m.source.empty() || (m.type != ir::MountType::kVolume && m.type != ir::MountType::kBind)) {
      continue;
    }
    for (const ir::Mount& n : b.volumes) {
      if (n.type == m.type && n.source == m.source) return true;
    }
  }
  for (const auto& from : a.volumes_from) {  // "b", "b:ro", "container:x[:ro]"
    if (std::string_view(from.value).substr(0, from.value.find(':')) == b.name.value) return true;
  }
  return false;
}

// Why networks that both services join carry no traffic between them.
std::string NoTrafficReason(const ir::Project& project, const std::vector<std::string>& shared) {
  std::string names;
  for (const std::string& n : shared) names += fmt::format("{}'{}'", names.empty() ? "" : ", ", n);
  if (shared.size() > 1) {
    return fmt::format("they share only networks {}, which carry no traffic between containers",
                       names);
  }
  const ir::Network* n = project.FindNetwork(shared[0]);
  std::string why = "which carries no traffic between containers";
  if (n != nullptr && (n->driver == "none" || n->driver == "null")) {
    why = "which has the null driver";
  } else if (n != nullptr) {
    for (const ir::KeyValue& kv : n->driver_opts) {
      if (kv.key == "com.docker.network.bridge.enable_icc" && kv.value && *kv.value == "false") {
        why = "which disables traffic between containers (enable_icc false)";
      }
    }
  }
  return fmt::format("they share only network {}, {}", names, why);
}

}  // namespace

void CheckDependencyUnreachable(const RuleContext& ctx, Reporter& out) {
  const ir::Project& project = ctx.project;
  for (const ir::Service& a : project.services) {
    for (const ir::Dependency& d : a.depends_on) {
      if (!d.span.valid()) continue;  // an implicit dependency (links, network_mode, volumes_from)
      if (d.condition == ir::Dependency::Condition::kCompletedSuccessfully) continue;
      const ir::Service* b = project.FindService(d.service);
      if (b == nullptr || b == &a) continue;
      const ir::Service* owner_a = NamespaceOwner(project, a);
      const ir::Service* owner_b = NamespaceOwner(project, *b);
      if (owner_a == nullptr || owner_b == nullptr) continue;
      // host, none, bridge: not on the project's networks (what joins a service is followed).
      if (owner_a->network_mode || owner_b->network_mode) continue;
      if (SharesData(a, *b)) continue;
      const passes::ReachQuery& r = ctx.reachability();
      if (r.IsUnknownPeer(a.name.value) || r.IsUnknownPeer(b->name.value)) continue;
      if (r.Reaches(a.name.value, b->name.value)) continue;
      std::vector<std::string> shared;
      for (const ir::NetworkAttachment& n : owner_a->networks) {
        if (owner_b->FindNetwork(n.network) != nullptr) shared.push_back(n.network);
      }
      out.Report(d.span, fmt::format("service '{}' depends on '{}' but cannot reach it: {}",
                                     a.name.value, b->name.value,
                                     shared.empty() ? std::string("they share no network")
                                                    : NoTrafficReason(project, shared)));
    }
  }
}

}  // namespace stackc::policies
