// PORT006 datastore-published: a datastore reachable on every address of the host.
#include <string_view>

#include <fmt/format.h>

#include "policies/datastore.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kDatastorePublishedDoc = R"(## What it does
Flags datastores (databases, caches, queues, search engines, judged by the image) that publish a
port on every host address (no host IP, `0.0.0.0` or `::`), and datastores in the host's network
(`network_mode: host`, or the `service:` namespace of a service in it), where every port they
listen on is a port of the host. Ports the Engine does not publish (those PORT005 and PORT007
report) are left out.

## Why is this bad
A database port open on every interface is open to the network the host sits on, and Docker's
rules come before the host firewall's: the database's own authentication is then all that stands
between it and anyone who can route to the host. Default or weak credentials, unauthenticated
Redis and Elasticsearch are among the most scanned-for services on the internet. The application
reaches the datastore over the project's network and does not need a published port.

## Example
```yaml
services:
  db:
    image: postgres:17
    ports: ["5432:5432"]
```

## Use instead
Drop the port, or publish it on loopback for local tools:
```yaml
    ports: ["127.0.0.1:5432:5432"]
```

## Fix safety
No automatic fix: a client outside the host may rely on the port.
)";

void CheckDatastorePublished(const RuleContext& ctx, Reporter& out) {
  const passes::Exposure& exposure = ctx.exposure();
  // Every listening port is the host's; `ports` are discarded.
  for (const passes::HostNetworkService& h : exposure.host_network) {
    if (!h.span.valid() || !IsDatastore(*h.service)) continue;
    out.Report(h.span, fmt::format("service '{}' (a datastore) runs in the host's network: every "
                                   "port it listens on is open on the host's addresses",
                                   h.service->name.value));
  }
  for (const passes::PublishedPort& p : exposure.ports) {
    // Internal networks only, no network, or another container's namespace: `ports` are not
    // published (PORT005, PORT007).
    if (p.fate != passes::PortFate::kPublished) continue;
    if (p.scope != passes::HostScope::kAllInterfaces || !p.span.valid()) continue;
    if (!IsDatastore(*p.service)) continue;
    out.Report(p.span, fmt::format("service '{}' (a datastore) publishes {} on {}",
                                   p.service->name.value, p.PublishedName(), p.address));
  }
}

}  // namespace stackc::policies
