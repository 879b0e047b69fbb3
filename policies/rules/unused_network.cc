// REF001 unused-network: a network defined at the top level that no service uses.
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnusedNetworkDoc = R"(## What it does
Flags a top-level `networks` entry that no service uses, with any profile (a network that only a
profile's services use is in use).

## Why is this bad
Nothing in the project connects to it, so it segments nothing: readers take it for part of the design (a "backend" network that isolates the database) when no container is on it. It is usually left over from a service that moved to another network, which is worth a look.

## Example
```yaml
services:
  app:
    image: example/app:2.0
    networks: [frontend]
networks:
  frontend: {}
  backend: {}          # nothing joins it
```

## Use instead
Attach the service that was meant to be isolated on it:
```yaml
  db:
    networks: [backend]
```
Or delete the definition.

## Fix safety
Safe fix: deletes the definition (the `networks:` line too when nothing else is under it). Compose
creates only the networks its services join, so the project it runs does not change.
)";

void CheckUnusedNetwork(const RuleContext& ctx, Reporter& out) {
  ReportUnused(ctx, out, ctx.project.networks, "network", [](const ir::Service& s, auto add) {
    for (const ir::NetworkAttachment& a : s.networks) add(a.network);
  });
}

}  // namespace stackc::policies
