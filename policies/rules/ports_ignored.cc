// PORT007 ports-ignored: `ports` on a service whose network mode cannot publish them.
#include <string_view>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPortsIgnoredDoc = R"(## What it does
Flags each `ports` entry of a service whose `network_mode` leaves nothing to publish from:
- `service:x` or `container:x` (an error): the Engine refuses to create the container,
  "conflicting options: port publishing and the container type network mode";
- `host` (a warning): the Engine creates it and discards the ports, with the warning "Published
  ports are discarded when using host network mode";
- `none` (a warning): the container has no network endpoint, so the Engine has nothing to map
  the ports to and silently publishes none.

## Why is this bad
In the first case `docker compose up` fails for that service. In the others the entry does
nothing: with `host`, the service listens directly on the host's addresses, on the port it binds
(not the published one, and not restricted to the host IP the entry names); with `none`, nothing
can reach it. Either way the file says something the Engine does not do.

## Example
```yaml
services:
  vpn:
    image: example/vpn:1.2
  torrent:
    image: example/torrent:4
    network_mode: service:vpn
    ports: ["8080:8080"]
```

## Use instead
Publish the port on the service that owns the namespace:
```yaml
  vpn:
    image: example/vpn:1.2
    ports: ["8080:8080"]
```
and, in host mode, drop `ports` and configure the address the service binds.

## Fix safety
No automatic fix: moving or dropping the port changes what is reachable.
)";

void CheckPortsIgnored(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (!s.network_mode || s.ports.empty()) continue;
    const std::string_view mode = s.network_mode->value;
    const bool joined = mode.starts_with("service:") || mode.starts_with("container:");
    if (!joined && mode != "host" && mode != "none") continue;
    for (const ir::Port& p : s.ports) {
      if (!p.span.valid()) continue;
      const std::string published = p.published.empty() ? "an ephemeral port" : p.published;
      if (joined) {
        out.Report(p.span, fmt::format("service '{}' publishes {}, but with network_mode '{}' the "
                                       "Engine refuses to create it: conflicting options: port "
                                       "publishing and the container type network mode",
                                       s.name.value, published, mode));
      } else {
        out.Report(p.span, fmt::format("service '{}' publishes {}, but with network_mode '{}' {}",
                                       s.name.value, published, mode,
                                       mode == "host" ? "the Engine discards published ports"
                                                      : "there is no network to publish it from"))
            .severity = ir::Severity::kWarning;
      }
    }
  }
}

}  // namespace stackc::policies
