// NET001 datastore-egress: a datastore with a route to the internet.
#include <fmt/format.h>

#include "policies/datastore.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kDatastoreEgressDoc = R"(## What it does
Flags datastores (databases, caches, queues, search engines, judged by the image) that can open
connections to the internet: one of their networks is not `internal: true`, or they run in the
host's network.

## Why is this bad
A database never needs to call out. If it is compromised, egress is how data leaves and how a
second stage arrives. Putting it behind the application on its own network is not enough: Docker
NATs every non-internal network to the outside.

## Example
```yaml
services:
  db:
    image: mysql:8.4
    networks: [appdb]
networks:
  appdb: {}
```

## Use instead
```yaml
networks:
  appdb:
    internal: true
```

## Fix safety
No automatic fix: another service on that network may need egress.
)";

void CheckDatastoreEgress(const RuleContext& ctx, Reporter& out) {
  for (const passes::EgressRoute& route : ctx.egress()) {
    const ir::Service* s = ctx.project.FindService(route.service);
    if (s == nullptr || !IsDatastore(*s)) continue;
    std::string through;
    for (const std::string& n : route.networks) {
      through += fmt::format("{}'{}'", through.empty() ? "" : ", ", n);
    }
    out.Report(route.span,
               fmt::format("datastore '{}' can reach the internet through {}{}", route.service,
                           route.networks == std::vector<std::string>{"host"}
                               ? "the host's network"
                               : fmt::format("network {}", through),
                           route.unknown ? " (a network the project does not define)" : ""));
  }
}

}  // namespace stackc::policies
