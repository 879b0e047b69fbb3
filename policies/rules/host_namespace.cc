// CTR002 host-namespace: the host's network, PID or IPC namespace.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kHostNamespaceDoc = R"(## What it does
Flags services that share a namespace with the host: `network_mode: host`, `pid: host`,
`ipc: host`.

## Why is this bad
In the host's network namespace a service sees every host interface and every port bound on
loopback, and stackc cannot segment it; in the host's PID namespace it sees (and, as root, can
signal or trace) every host process; in the IPC namespace it shares the host's shared memory.

## Example
```yaml
services:
  agent:
    image: example/agent:3
    network_mode: host
```

## Use instead
Publish the ports the service needs, on the address it needs:
```yaml
    ports: ["127.0.0.1:9100:9100"]
```

## Fix safety
No automatic fix: the service may rely on the host's namespace.
)";

void CheckHostNamespace(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (s.network_mode && s.network_mode->value == "host") {
      out.Report(s.network_mode->span,
                 fmt::format("service '{}' uses the host's network namespace", s.name.value));
    }
    if (s.pid && s.pid->value == "host") {
      out.Report(s.pid->span,
                 fmt::format("service '{}' uses the host's PID namespace", s.name.value));
    }
    if (s.ipc && s.ipc->value == "host") {
      out.Report(s.ipc->span,
                 fmt::format("service '{}' uses the host's IPC namespace", s.name.value));
    }
  }
}

}  // namespace stackc::policies
