// NET006 shared-namespace-exposure: in the namespace of a service that publishes ports.
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kSharedNamespaceExposureDoc = R"(## What it does
Flags a service with `network_mode: service:x` when `x` (or the service whose namespace `x` itself
joins) publishes ports. `container:` modes are left alone: the container is not part of the
project. An owner whose networks are all internal publishes nothing (PORT005).

## Why is this bad
Services that share a network namespace share its ports: a published port forwards to a container
port of the namespace, and whichever process listens there answers, whichever service it belongs
to. A VPN gateway that publishes a web UI for one tenant exposes any other tenant that binds the
same port, and a debug endpoint a sidecar opens on a published port is open to the same clients as
the main service. Nothing in the sidecar's own definition shows it.

## Example
```yaml
services:
  vpn:
    image: example/vpn:1.2
    ports: ["8080:8080"]
  torrent:
    image: example/torrent:4
    network_mode: service:vpn
```

## Use instead
Publish only what the tenants are meant to serve, on loopback where a local reverse proxy is the
client, and check which tenant binds each published container port:
```yaml
    ports: ["127.0.0.1:8080:8080"]
```

## Fix safety
No automatic fix: the shared namespace is usually the point.
)";

void CheckSharedNamespaceExposure(const RuleContext& ctx, Reporter& out) {
  for (const passes::SharedNamespace& shared : ctx.exposure().shared) {
    if (!shared.span.valid()) continue;
    const ir::Service& s = *shared.service;
    const ir::Service* owner = shared.owner;
    std::string published;
    std::set<std::string> targets;
    for (const passes::PublishedPort& p : shared.ports) {
      if (p.fate != passes::PortFate::kPublished) continue;  // the owner's networks are internal
      published +=
          fmt::format("{}{} on {}", published.empty() ? "" : ", ", p.PublishedName(), p.address);
      targets.insert(fmt::format("{}", p.target));
    }
    if (targets.empty()) continue;
    std::string container_ports;
    for (const std::string& t : targets) {
      container_ports += (container_ports.empty() ? "" : ", ") + t;
    }
    out.Report(shared.span,
               fmt::format("service '{}' shares the network namespace of '{}', which publishes "
                           "{}: anything '{}' listens on at container port{} {} is reachable "
                           "through it",
                           s.name.value, owner->name.value, published, s.name.value,
                           targets.size() == 1 ? "" : "s", container_ports));
  }
}

}  // namespace stackc::policies
