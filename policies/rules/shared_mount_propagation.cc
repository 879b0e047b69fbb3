// CTR011 shared-mount-propagation: a bind mount whose mount events propagate to and from the host.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kSharedMountPropagationDoc = R"(## What it does
Flags bind mounts with `shared` or `rshared` propagation (`/mnt/media:/media:rshared`, or
`bind: {propagation: rshared}` in the long syntax).

## Why is this bad
With shared propagation, mounts made inside the container under that path appear on the host,
and the host's appear in the container. A service that can mount (one with `SYS_ADMIN`, or root
after an escape of its confinement) can then place file systems on the host's side, over paths
the host trusts. Slave propagation (`rslave`) is one-way, from the host into the container, and is
what most services that need to see new host mounts want.

## Example
```yaml
services:
  media:
    image: example/media:4
    volumes: ["/mnt/media:/media:rshared"]
```

## Use instead
```yaml
    volumes: ["/mnt/media:/media:rslave"]
```

## Fix safety
No automatic fix: a storage plugin or a mount helper may rely on publishing its mounts to the host.
)";

void CheckSharedMountPropagation(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Mount& m : s.volumes) {
      if (m.type != ir::MountType::kBind || !m.span.valid()) continue;
      if (m.propagation != "shared" && m.propagation != "rshared") continue;
      out.Report(m.span, fmt::format("service '{}' mounts '{}' with {} propagation", s.name.value,
                                     m.source, m.propagation));
    }
  }
}

}  // namespace stackc::policies
