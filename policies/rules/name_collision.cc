// NET005 name-collision: on one network, a DNS name that resolves to two services.
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kNameCollisionDoc = R"(## What it does
Flags a network alias (`services.*.networks.*.aliases`) of one service that is also, on the same
network, the name of another service: its service name, its `container_name`, or one of its own
aliases there.

## Why is this bad
The Engine's embedded DNS answers a name with the addresses of every container that holds it on
the network, in turn. A client that connects to `db` then reaches the real database some of the
time and the other service the rest of the time: intermittent failures, or worse, credentials and
data sent to the wrong service. An alias on another network, or one equal to the service's own
name, is harmless.

## Example
```yaml
services:
  db:
    image: postgres:17
  db-replica:
    image: postgres:17
    networks:
      default:
        aliases: [db]
```

## Use instead
Give each service names of its own:
```yaml
        aliases: [db-ro]
```

## Fix safety
No automatic fix: clients may depend on the name.
)";

namespace {

// What `name` is to `s` on network `net`, or nothing: "the name", "the container_name", "an alias".
std::optional<std::string_view> Holds(const ir::Service& s, const ir::NetworkAttachment& on,
                                      std::string_view name) {
  if (s.name.value == name) return "the name";
  if (s.container_name && s.container_name->value == name) return "the container_name";
  for (const auto& alias : on.aliases) {
    if (alias.value == name) return "an alias";
  }
  return std::nullopt;
}

}  // namespace

void CheckNameCollision(const RuleContext& ctx, Reporter& out) {
  const auto& services = ctx.project.services;
  for (size_t i = 0; i < services.size(); ++i) {
    const ir::Service& a = services[i];
    for (const ir::NetworkAttachment& on : a.networks) {
      for (size_t k = 0; k < on.aliases.size(); ++k) {
        const auto& alias = on.aliases[k];
        if (!alias.span.valid()) continue;
        bool repeated = false;  // the same alias twice in one list: one finding
        for (size_t j = 0; j < k; ++j) repeated |= on.aliases[j].value == alias.value;
        if (repeated) continue;
        for (size_t j = 0; j < services.size(); ++j) {
          if (j == i) continue;
          const ir::Service& b = services[j];
          const ir::NetworkAttachment* there = b.FindNetwork(on.network);
          if (there == nullptr) continue;
          const std::optional<std::string_view> what = Holds(b, *there, alias.value);
          // Two aliases that collide: one finding, on the later service's.
          if (!what || (*what == "an alias" && j > i)) continue;
          out.Report(alias.span,
                     fmt::format("alias '{}' of service '{}' on network '{}' is also "
                                 "{} of service '{}': the Engine's DNS answers it with "
                                 "both, in turn",
                                 alias.value, a.name.value, on.network, *what, b.name.value));
          break;
        }
      }
    }
  }
}

}  // namespace stackc::policies
