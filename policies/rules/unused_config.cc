// REF004 unused-config: a config defined at the top level that no service uses.
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnusedConfigDoc = R"(## What it does
Flags a top-level `configs` entry that no service uses, with any profile (a config that only a
profile's services use is in use).

## Why is this bad
No container receives it, so the file it names is not the configuration anything runs with: edits to it change nothing, which misleads whoever edits it.

## Example
```yaml
services:
  proxy:
    image: example/proxy:2.0
configs:
  proxy_conf: {file: ./proxy.conf}   # the proxy never gets it
```

## Use instead
Give it to the service:
```yaml
    configs: [{source: proxy_conf, target: /etc/proxy.conf}]
```
Or delete the definition.

## Fix safety
Safe fix: deletes the definition (and an emptied `configs:` line), not the file it names. Compose
gives containers only the configs their services ask for.
)";

void CheckUnusedConfig(const RuleContext& ctx, Reporter& out) {
  ReportUnused(ctx, out, ctx.project.configs, "config", [](const ir::Service& s, auto add) {
    for (const ir::FileReference& r : s.configs) add(r.source);
  });
}

}  // namespace stackc::policies
