// NET002 published-reaches-datastore: a service open to the outside with a direct path to a
// datastore.
#include <fmt/format.h>

#include "policies/datastore.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPublishedReachesDatastoreDoc = R"(## What it does
Flags a service that publishes ports on every host address and shares a network with a datastore
(a flat network): the first thing an attacker lands on can talk to the database directly.

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
  // Only ask for reachability when the project has
  // both a datastore and a service published on every address.
  bool datastore = false, published = false;
  for (const ir::Service& s : ctx.project.services) {
    datastore |= IsDatastore(s);
    for (const ir::Port& p : s.ports) published |= p.OnAllAddresses();
  }
  if (!datastore || !published) return;
  for (const ir::Service& s : ctx.project.services) {
    const ir::Port* open = nullptr;
    for (const ir::Port& p : s.ports) {
      if (p.OnAllAddresses()) open = &p;
    }
    if (open == nullptr || IsDatastore(s)) continue;
    for (const ir::Service& to : ctx.project.services) {
      if (!IsDatastore(to)) continue;
      const std::optional<passes::ReachEdge> edge =
          ctx.reachability().Edge(s.name.value, to.name.value);
      if (!edge) continue;
      const passes::ReachEdge& e = *edge;
      std::string nets;
      for (const std::string& n : e.networks) nets += (nets.empty() ? "" : ",") + n;
      out.Report(open->span, fmt::format("service '{}' is published on every address and reaches "
                                         "datastore '{}' directly: {} -[{}]-> {}",
                                         s.name.value, e.to, e.from, nets, e.to));
    }
  }
}

}  // namespace stackc::policies
