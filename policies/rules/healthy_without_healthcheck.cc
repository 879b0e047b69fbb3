// DEP001 healthy-without-healthcheck: `condition: service_healthy` on a service without a check.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kHealthyWithoutHealthcheckDoc = R"(## What it does
Flags `depends_on` entries with `condition: service_healthy` whose service has no healthcheck in
the file (or disables it).

## Why is this bad
Docker Compose (and stackc) refuse to start the dependent: "container has no healthcheck
configured". An image may define one, but nothing in the file says so, and the image can change.

## Example
```yaml
services:
  app:
    depends_on:
      db: {condition: service_healthy}
  db:
    image: postgres:17
```

## Use instead
```yaml
  db:
    image: postgres:17
    healthcheck:
      test: [CMD, pg_isready, -U, postgres]
```

## Fix safety
No automatic fix: the right check depends on the service.
)";

void CheckHealthyWithoutHealthcheck(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Dependency& d : s.depends_on) {
      if (d.condition != ir::Dependency::Condition::kHealthy) continue;
      const ir::Service* dep = ctx.project.FindService(d.service);
      if (dep == nullptr) continue;
      if (dep->healthcheck && !dep->healthcheck->Disabled() && !dep->healthcheck->test.empty()) {
        continue;
      }
      out.Report(d.span, fmt::format("service '{}' waits for '{}' to be healthy, but '{}' has no "
                                     "healthcheck",
                                     s.name.value, d.service, d.service));
    }
  }
}

}  // namespace stackc::policies
