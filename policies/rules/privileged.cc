// CTR001 privileged: `privileged: true`.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPrivilegedDoc = R"(## What it does
Flags services with `privileged: true`.

## Why is this bad
A privileged container gets every capability, every host device and no seccomp or AppArmor
profile: a process that escapes it is root on the host.

## Example
```yaml
services:
  vpn:
    image: example/vpn:1.2
    privileged: true
```

## Use instead
Add only the capabilities and devices the service needs:
```yaml
    cap_add: [NET_ADMIN]
    devices: [/dev/net/tun]
```

## Fix safety
No automatic fix: which capabilities are needed is the service's business.
)";

void CheckPrivileged(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (s.privileged.value) {
      out.Report(s.privileged.span, fmt::format("service '{}' runs privileged", s.name.value));
    }
  }
}

}  // namespace stackc::policies
