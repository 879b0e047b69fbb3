// PORT005 published-on-internal: ports published by a service whose every network is internal.
#include <string>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPublishedOnInternalDoc = R"(## What it does
Flags each published port of a service whose networks are all `internal: true` (and that has no
`network_mode`).

## Why is this bad
The Engine maps published ports only through the endpoint that gives a container its default
gateway, and an internal network gives none: the bridge driver sets no gateway on an internal
network's endpoints, libnetwork adds no `docker_gwbridge` endpoint for one, and it programs
external connectivity (where the port mappings are made) only for a gateway endpoint on a
non-internal network (moby `libnetwork/endpoint.go`, `libnetwork/default_gateway.go`; see
moby/moby#36174). So no host port is opened at all: nothing on the host listens on the published port. The container stays reachable only from other
containers on its networks (and from the host at its own address, unless the network's gateway
mode is `isolated`). Whoever wrote `ports:` expected clients from outside, and they get
"connection refused".

## Example
```yaml
services:
  admin:
    image: example/admin:1.2
    ports: ["127.0.0.1:8081:8080"]
    networks: [back]
networks:
  back:
    internal: true
```

## Use instead
Attach the service to a non-internal network as well (egress is then possible through it), or put
a published reverse proxy on both networks:
```yaml
    networks: [back, front]
networks:
  back:
    internal: true
  front: {}
```

## Fix safety
No automatic fix: adding a network with a gateway also gives the service egress.
)";

void CheckPublishedOnInternal(const RuleContext& ctx, Reporter& out) {
  for (const passes::PublishedPort& p : ctx.exposure().ports) {
    if (p.fate != passes::PortFate::kInternal || !p.span.valid()) continue;
    const ir::Service& s = *p.service;
    std::string names;
    for (const ir::NetworkAttachment& a : s.networks) {
      names += fmt::format("{}'{}'", names.empty() ? "" : ", ", a.network);
    }
    out.Report(p.span,
               fmt::format("service '{}' publishes {}, but its only network{} {} internal: "
                           "the Engine maps no host port for it",
                           s.name.value, p.PublishedName(), s.networks.size() == 1 ? "" : "s",
                           s.networks.size() == 1 ? names + " is" : names + " are"));
  }
}

}  // namespace stackc::policies
