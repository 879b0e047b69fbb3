// PORT004 ssh-port: the SSH port (22) is published, as the container's port or the host's.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "passes/exposure.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kSshPortDoc = R"(## What it does
Flags published ports whose container port is 22 or whose host port is 22. Only ports the Engine
publishes count: not those of a service in `network_mode: host`, `none`, `service:` or
`container:`, or on internal networks only (PORT005, PORT007 report those).

## Why is this bad
An SSH server in a container is a second way in, beside `docker exec`, with its own long-lived
credentials (keys or passwords baked into the image or a volume) and a port that every scanner
on the network tries to brute-force. Publishing host port 22 also takes, or fights with, the
host's own `sshd`. Git servers (Gitea, GitLab) that serve Git over SSH are the legitimate case:
publish them on another host port and suppress the finding with a reason.

## Example
```yaml
services:
  app:
    image: example/app:1.2
    ports: ["2222:22"]
```

## Use instead
Drop the SSH server and use `docker exec` (or `docker compose exec`) to get a shell:
```yaml
    ports: ["127.0.0.1:8080:8080"]
```

## Fix safety
No automatic fix: removing the port cuts off whoever uses it.
)";

void CheckSshPort(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    // Only what the Engine publishes binds a host port.
    if (passes::PortsFate(ctx.project, s) != passes::PortFate::kPublished) continue;
    std::vector<ir::Span> reported;  // a short-form range is one entry but several Ports
    for (const ir::Port& p : s.ports) {
      if (!p.span.valid() || (p.target != 22 && p.published != "22")) continue;
      if (std::find(reported.begin(), reported.end(), p.span) != reported.end()) continue;
      reported.push_back(p.span);
      if (p.target != 22) {
        out.Report(p.span, fmt::format("service '{}' publishes the SSH port 22 of the host "
                                       "(container port {})",
                                       s.name.value, p.target));
      } else if (p.published.empty()) {
        out.Report(p.span, fmt::format("service '{}' publishes its SSH port 22 on an ephemeral "
                                       "host port",
                                       s.name.value));
      } else {
        out.Report(p.span, fmt::format("service '{}' publishes its SSH port 22 on host port {}",
                                       s.name.value, p.published));
      }
    }
  }
}

}  // namespace stackc::policies
