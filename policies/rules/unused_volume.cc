// REF002 unused-volume: a volume defined at the top level that no service uses.
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnusedVolumeDoc = R"(## What it does
Flags a top-level `volumes` entry that no service uses, with any profile (a volume that only a
profile's services use is in use).

## Why is this bad
No container mounts it, so the data a reader expects to persist there is not kept: often a service mounts a bind path or a misspelt volume name instead (which Compose then creates as an anonymous volume).

## Example
```yaml
services:
  db:
    image: postgres:17.2
    volumes: [./pgdata:/var/lib/postgresql/data]
volumes:
  pgdata: {}           # the bind mount above is not this volume
```

## Use instead
Mount the named volume, which is what was probably meant:
```yaml
    volumes: [pgdata:/var/lib/postgresql/data]
```
Or delete the definition.

## Fix safety
Safe fix: deletes the definition (and an emptied `volumes:` line). Compose creates only the volumes
its services mount, so what runs does not change; no data is touched. When a mount names its volume
through a variable (`${VOL:-data}:/data`), another value of the variable could use the definition:
the fix is then unsafe (`--unsafe-fixes`).
)";

void CheckUnusedVolume(const RuleContext& ctx, Reporter& out) {
  ReportUnused(ctx, out, ctx.project.volumes, "volume", [](const ir::Service& s, auto add) {
    for (const ir::Mount& m : s.volumes) {
      if (m.type == ir::MountType::kVolume) add(m.source, m.span);
    }
  });
}

}  // namespace stackc::policies
