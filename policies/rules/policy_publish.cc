// POL004 policy-publish: a port published by a service or on an address the policy does not allow.
#include <algorithm>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kPolicyPublishDoc = R"(## What it does
Checks the `publish` policy of `x-stackc.policies` (or `.stackc.yaml`): only the services in
`allow` may publish ports, and only on the host addresses in `bind`. A port published on every
address counts as `0.0.0.0`; a service in `network_mode: host` (or in the `service:` namespace of
one) publishes everything it listens on, so it counts as publishing on `0.0.0.0`. Ports the Engine
does not publish (on internal networks only, or in `network_mode: none`, `service:` or
`container:`) do not count.

## Why is this bad
What a stack exposes on the host is its attack surface. Declaring it once ("only the proxy, only
on loopback behind the TLS terminator") turns every later change that widens it into a finding.

## Example
```yaml
services:
  proxy: {image: example/proxy:1.0, ports: ["127.0.0.1:8443:443"]}
  admin: {image: example/admin:1.0, ports: ["9000:9000"]}
x-stackc:
  policies:
    publish: {allow: [proxy], bind: [127.0.0.1]}
```
Reported twice for `admin`: it may not publish, and 0.0.0.0 is not an allowed address.

## Use instead
Reach `admin` through the proxy, or bind it to an allowed address and list it in `allow`.

## Fix safety
No automatic fix: the policy states intent; the file has to change by hand.
)";

void CheckPolicyPublish(const RuleContext& ctx, Reporter& out) {
  const std::optional<PublishPolicy>& policy = ctx.declared().publish;
  if (!policy) return;
  auto bind_ok = [&](std::string_view address) {
    return policy->bind.empty() ||
           std::find(policy->bind.begin(), policy->bind.end(), address) != policy->bind.end();
  };
  auto allowed = [&](const ir::Service& s) {
    return !policy->allow || std::find(policy->allow->begin(), policy->allow->end(),
                                       s.name.value) != policy->allow->end();
  };
  const passes::Exposure& exposure = ctx.exposure();
  for (const passes::HostNetworkService& h : exposure.host_network) {
    if (!allowed(*h.service) || !bind_ok("0.0.0.0")) {
      out.Report(h.span, fmt::format("policy violated: service '{}' shares the host's network, "
                                     "which publishes every port it listens on at 0.0.0.0",
                                     h.service->name.value));
    }
  }
  for (const passes::PublishedPort& p : exposure.ports) {
    // Only what the Engine publishes: not in host mode (see above), none, service:, container:,
    // nor on internal networks only.
    if (p.fate != passes::PortFate::kPublished) continue;
    // A port on every address counts as 0.0.0.0 (:: too).
    const std::string_view address =
        p.scope == passes::HostScope::kAllInterfaces ? std::string_view("0.0.0.0") : p.address;
    if (!allowed(*p.service)) {
      out.Report(p.span, fmt::format("policy violated: service '{}' publishes {} but is not in "
                                     "the publish allow-list",
                                     p.service->name.value, p.PublishedName()));
    }
    if (!bind_ok(address)) {
      out.Report(p.span, fmt::format("policy violated: service '{}' publishes {} on {}, not an "
                                     "allowed address",
                                     p.service->name.value, p.PublishedName(), address));
    }
  }
}

}  // namespace stackc::policies
