// NET004 external-network-peers: a service joins a network the project does not own.
#include <string>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kExternalNetworkPeersDoc = R"(## What it does
Flags each attachment of a service to a network declared `external: true`.

## Why is this bad
An external network is created and shared outside this project: a reverse proxy's network, another
stack's backend. Every container on it reaches the service on every port, and stackc cannot see
who they are, so its reachability and policy checks treat the service as open to unknown peers.
That is often intended (a shared Traefik network); the note makes the boundary visible so that a
datastore or an admin port does not end up on it by accident.

## Example
```yaml
services:
  app:
    image: example/app:1.2
    networks: [proxy]
networks:
  proxy:
    external: true
```

## Use instead
Join external networks only with the services that must be reached from them (the edge service),
and keep the rest on networks the project defines:
```yaml
services:
  web:
    networks: [proxy, internal]
  app:
    networks: [internal]
```

## Fix safety
No automatic fix: the external network is usually there on purpose.
)";

void CheckExternalNetworkPeers(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::NetworkAttachment& a : s.networks) {
      const ir::Network* n = ctx.project.FindNetwork(a.network);
      if (n == nullptr || !n->external) continue;
      const ir::Span span = a.span.valid() ? a.span : s.name.span;
      if (!span.valid()) continue;
      const std::string engine_name =
          n->name.empty() || n->name == a.network ? "" : fmt::format(" ('{}')", n->name);
      out.Report(span, fmt::format("service '{}' joins external network '{}'{}: its peers there "
                                   "are outside this project and unknown",
                                   s.name.value, a.network, engine_name));
    }
  }
}

}  // namespace stackc::policies
