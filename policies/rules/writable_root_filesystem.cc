// CTR008 writable-root-filesystem: a service whose root file system is not read-only.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kWritableRootFilesystemDoc = R"(## What it does
Flags services without `read_only: true`: their container's root file system is writable.

Off by default: enable it with `--select CTR008` or in `.stackc.yaml`.

## Why is this bad
An attacker who gets code execution in a writable container can drop tools, replace the
service's binaries or configuration, and persist until the container is recreated. A read-only
root file system confines writes to the volumes and `tmpfs` mounts the service declares.

## Example
```yaml
services:
  api:
    image: example/api:3.1
```

## Use instead
Make the root read-only and give the service the scratch space it needs:
```yaml
services:
  api:
    image: example/api:3.1
    read_only: true
    tmpfs: [/tmp]
```

## Fix safety
No automatic fix: most images write somewhere (`/tmp`, `/var/run`, a cache directory), and which
paths need a `tmpfs` or a volume is found by running the service.
)";

void CheckWritableRootFilesystem(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (s.read_only.value) continue;
    if (s.read_only.span.valid()) {  // written, and false
      out.Report(s.read_only.span,
                 fmt::format("service '{}' sets read_only to false: its root file system is "
                             "writable",
                             s.name.value));
    } else if (s.name.span.valid()) {
      out.Report(s.name.span,
                 fmt::format("service '{}' has a writable root file system", s.name.value));
    }
  }
}

}  // namespace stackc::policies
