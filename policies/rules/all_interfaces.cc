// PORT001 all-interfaces: a port published on every host address.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kAllInterfacesDoc = R"(## What it does
Flags published ports without a host address (or with `0.0.0.0` or `::`, however spelt: `[::0]`
and `0:0:0:0:0:0:0:0` are `::` too): they listen on every interface of the host. Ports the Engine does not publish are left to other rules: those of a
service on internal networks only (PORT005) or in `network_mode: host`, `none`, `service:` or
`container:` (PORT007).

## Why is this bad
Docker publishes through its own firewall rules, ahead of the host's: a port meant for a reverse
proxy on the same machine is open to the whole network, whatever `ufw` says.

## Example
```yaml
services:
  web:
    image: example/web:2
    ports: ["80:80"]
```

## Use instead
```yaml
    ports: ["127.0.0.1:80:80"]
```

## Fix safety
No automatic fix yet: binding to loopback changes who can connect.
)";

void CheckAllInterfaces(const RuleContext& ctx, Reporter& out) {
  for (const passes::PublishedPort& p : ctx.exposure().ports) {
    // A port the Engine does not publish is PORT005's (internal networks) or PORT007's.
    if (p.scope != passes::HostScope::kAllInterfaces || p.fate != passes::PortFate::kPublished) {
      continue;
    }
    out.Report(p.span, fmt::format("service '{}' publishes {} on {}", p.service->name.value,
                                   p.PublishedName(), p.address));
  }
}

}  // namespace stackc::policies
