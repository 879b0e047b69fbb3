// NET002 published-reaches-datastore: a service open to the outside with a direct path to a
// datastore.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "policies/datastore.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPublishedReachesDatastoreDoc = R"(## What it does
Flags a service that publishes ports on every host address and shares a network with a datastore
(a flat network): the first thing an attacker lands on can talk to the database directly. Only
ports the Engine publishes count (not those of a service on internal networks only, or in
`network_mode: host`, `none`, `service:` or `container:`).

## Why is this bad
Tiers exist so that the edge service reaches only the application, and only the application
reaches the data. On one flat network (often the implicit `default`) every service reaches every
other on every port.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
  db:
    image: postgres:17
```

## Use instead
Two networks: `web` and `app` on one, `app` and `db` on the other (see the three-tier example).

## Fix safety
No automatic fix.
)";

void CheckPublishedReachesDatastore(const RuleContext& ctx, Reporter& out) {
  // Each service's last port published on every address (ports are by service).
  std::vector<const passes::PublishedPort*> open;
  for (const passes::PublishedPort& p : ctx.exposure().ports) {
    if (p.scope != passes::HostScope::kAllInterfaces || p.fate != passes::PortFate::kPublished) {
      continue;
    }
    if (!open.empty() && open.back()->service == p.service) {
      open.back() = &p;
    } else {
      open.push_back(&p);
    }
  }
  // Only ask for reachability when the project has
  // both a datastore and a service published on every address.
  if (open.empty() || std::none_of(ctx.project.services.begin(), ctx.project.services.end(),
                                   [](const ir::Service& s) { return IsDatastore(s); })) {
    return;
  }
  for (const passes::PublishedPort* p : open) {
    const ir::Service& s = *p->service;
    if (IsDatastore(s)) continue;
    for (const ir::Service& to : ctx.project.services) {
      if (!IsDatastore(to)) continue;
      const std::optional<passes::ReachEdge> edge =
          ctx.reachability().Edge(s.name.value, to.name.value);
      if (!edge) continue;
      const passes::ReachEdge& e = *edge;
      std::string nets;
      for (const std::string& n : e.networks) nets += (nets.empty() ? "" : ",") + n;
      out.Report(p->span, fmt::format("service '{}' is published on every address and reaches "
                                      "datastore '{}' directly: {} -[{}]-> {}",
                                      s.name.value, e.to, e.from, nets, e.to));
    }
  }
}

}  // namespace stackc::policies
