// POL001 policy-deny: a declared `deny` reachability policy that does not hold.
#include <fmt/format.h>

#include "policies/declared.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPolicyDenyDoc = R"(## What it does
Checks the `deny` policies of `x-stackc.policies.reachability`: `from` must not reach `to`
directly (a shared network, the host's namespace, or one namespace), or with `transitive: true`
through any chain of services. A violation names its witness: `web -[appdb]-> db`.

## Why is this bad
The policy is what you meant the segmentation to be; the compose file says otherwise.

## Example
```yaml
x-stackc:
  policies:
    reachability:
      - deny: {from: web, to: db}
services:
  web: {image: nginx:1.27, networks: [webapp, appdb]}
```

## Use instead
Take the network off the path the witness shows (here `appdb` from `web`).

## Fix safety
No automatic fix.
)";

void CheckPolicyDeny(const RuleContext& ctx, Reporter& out) {
  const DeclaredPolicies& declared = ctx.declared();
  for (const DenyPolicy& deny : declared.denies) {
    for (const std::string& from : deny.from) {
      for (const std::string& to : deny.to) {
        if (from == to) continue;
        std::vector<passes::ReachEdge> witness;
        if (deny.transitive) {
          witness = ctx.reachability().Path(from, to);
        } else if (std::optional<passes::ReachEdge> e = ctx.reachability().Edge(from, to)) {
          witness.push_back(std::move(*e));
        }
        if (witness.empty()) continue;
        out.Report(deny.span, fmt::format("policy violated: '{}' must not reach '{}'{}, but {}",
                                          from, to, deny.transitive ? " through any chain" : "",
                                          passes::RenderPath(witness)));
      }
    }
  }
}

}  // namespace stackc::policies
