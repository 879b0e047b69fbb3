// POL002 policy-egress: a service with internet egress that the egress policy does not allow.
#include <algorithm>

#include <fmt/format.h>

#include "policies/declared.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPolicyEgressDoc = R"(## What it does
Checks `x-stackc.policies.egress.allow`: only the services listed may reach the internet. Every
other service with a route out is reported, with the network that gives it the route.

## Why is this bad
Egress is how a compromised service exfiltrates data and fetches tools. The allow-list is the
set you decided needs it.

## Example
```yaml
x-stackc:
  policies:
    egress: {allow: [web]}
services:
  db: {image: postgres:17, networks: [back]}
networks:
  back: {}
```

## Use instead
`internal: true` on the networks of services that must stay inside.

## Fix safety
No automatic fix.
)";

void CheckPolicyEgress(const RuleContext& ctx, Reporter& out) {
  const DeclaredPolicies& declared = ctx.declared();
  if (!declared.egress) return;
  const std::vector<std::string>& allow = declared.egress->allow;
  for (const passes::EgressRoute& route : ctx.egress()) {
    if (std::find(allow.begin(), allow.end(), route.service) != allow.end()) continue;
    std::string nets;
    for (const std::string& n : route.networks) nets += (nets.empty() ? "" : ",") + n;
    ir::Diagnostic& d = out.Report(
        route.span, fmt::format("policy violated: '{}' may not reach the internet, but it can "
                                "through '{}'",
                                route.service, nets));
    d.notes.push_back({declared.egress->span, "the egress policy is declared here"});
  }
}

}  // namespace stackc::policies
