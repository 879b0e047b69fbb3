// POL003 policy-only: a service outside a policy's `from` list reaches its `to` service.
#include <algorithm>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPolicyOnlyDoc = R"(## What it does
Checks the `only` reachability policies of `x-stackc.policies` (or `.stackc.yaml`): no service
but those listed in `from` may reach the `to` services directly. Each violation names the service
and the network that lets it in.

## Why is this bad
An allow-list states who may talk to a datastore or an internal API. A service that joins the
network later (a debugging sidecar, a new worker) silently widens it; this rule makes the change
visible in review.

## Example
```yaml
services:
  app: {image: example/app:2.0, networks: [backend]}
  worker: {image: example/worker:2.0, networks: [backend]}
  db: {image: postgres:17, networks: [backend]}
networks: {backend: {}}
x-stackc:
  policies:
    reachability:
      - only: {to: db, from: [app]}
```
Reported: `policy violated: only 'app' may reach 'db', but worker -[backend]-> db`.

## Use instead
Put `worker` and `db` on different networks, or list `worker` in `from` if it needs the database.

## Fix safety
No automatic fix: either the topology or the policy is wrong, and only the user knows which.
)";

void CheckPolicyOnly(const RuleContext& ctx, Reporter& out) {
  for (const OnlyPolicy& only : ctx.declared().onlies) {
    std::string allowed;
    for (const std::string& f : only.from) allowed += (allowed.empty() ? "'" : ", '") + f + "'";
    if (allowed.empty()) allowed = "no service";
    for (const std::string& to : only.to) {
      for (const ir::Service& s : ctx.project.services) {
        const std::string& from = s.name.value;
        if (from == to || std::find(only.from.begin(), only.from.end(), from) != only.from.end()) {
          continue;
        }
        std::optional<passes::ReachEdge> e = ctx.reachability().Edge(from, to);
        if (!e) continue;
        out.Report(only.span, fmt::format("policy violated: only {} may reach '{}', but {}",
                                          allowed, to, passes::RenderPath({&*e})));
      }
    }
  }
}

}  // namespace stackc::policies
