// PORT002 privileged-host-port: a host port below 1024 (other than 80 and 443) is published.
#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "passes/exposure.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPrivilegedHostPortDoc = R"(## What it does
Flags published host ports below 1024 (a published range is flagged when any of its ports is),
except 80 and 443. Only ports the Engine publishes count: not those of a service in
`network_mode: host`, `none`, `service:` or `container:`, or on internal networks only (PORT005,
PORT007 report those).

## Why is this bad
Ports below 1024 are privileged on Linux: rootless Docker and Podman cannot bind them unless the
host lowers `net.ipv4.ip_unprivileged_port_start`, so the stack fails to start there. They are
also the well-known ports of host daemons (SSH on 22, SMTP on 25, DNS on 53, which
`systemd-resolved` often holds) and the first ones scanners probe: publishing one is either a
clash with the host or a service meant for the whole network, and should be deliberate. 80 and
443 are the usual front door of a web stack and are not flagged.

## Example
```yaml
services:
  dns:
    image: example/dns:1.2
    ports: ["53:53/udp"]
```

## Use instead
Publish on a high port (and redirect on the host if the well-known port is really needed):
```yaml
    ports: ["127.0.0.1:5353:53/udp"]
```

## Fix safety
No automatic fix: clients connect to the published port, so changing it is a deployment decision.
)";

namespace {

// The host port or range of `published` ("53" or "1000-1030"); nullopt when it is not numeric.
std::optional<std::pair<uint32_t, uint32_t>> PrivilegedPortRange(std::string_view published) {
  const size_t dash = published.find('-');
  auto number = [](std::string_view text) -> std::optional<uint32_t> {
    uint32_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
  };
  const auto lo = number(published.substr(0, dash));
  const auto hi = dash == std::string_view::npos ? lo : number(published.substr(dash + 1));
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return std::pair{*lo, *hi};
}

// The first port of [lo, hi] below 1024 other than 80 and 443; nullopt when none.
std::optional<uint32_t> FirstPrivileged(uint32_t lo, uint32_t hi) {
  for (uint32_t p = lo; p <= hi && p < 1024; ++p) {
    if (p != 80 && p != 443) return p;
  }
  return std::nullopt;
}

}  // namespace

void CheckPrivilegedHostPort(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    // Only what the Engine publishes binds a host port.
    if (passes::PortsFate(ctx.project, s) != passes::PortFate::kPublished) continue;
    std::vector<ir::Span> reported;  // a short-form range is one entry but several Ports
    for (const ir::Port& p : s.ports) {
      if (p.published.empty() || !p.span.valid()) continue;
      const auto range = PrivilegedPortRange(p.published);
      if (!range) continue;
      const auto port = FirstPrivileged(range->first, range->second);
      if (!port) continue;
      if (std::find(reported.begin(), reported.end(), p.span) != reported.end()) continue;
      reported.push_back(p.span);
      if (range->first == range->second) {
        out.Report(p.span, fmt::format("service '{}' publishes the privileged host port {}",
                                       s.name.value, *port));
      } else {
        out.Report(p.span,
                   fmt::format("service '{}' publishes the host port range {}, which includes the "
                               "privileged port {}",
                               s.name.value, p.published, *port));
      }
    }
  }
}

}  // namespace stackc::policies
