// OPS001 logging-disabled: a service whose logging driver is `none`.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kLoggingDisabledDoc = R"(## What it does
Flags services with `logging: {driver: none}`.

## Why is this bad
The service's output is thrown away: `docker logs` shows nothing, and after an incident there is
no record of what the service did, which requests it served or which errors it hit. Attackers
like services that leave no trace.

## Example
```yaml
services:
  api:
    image: example/api:3.1
    logging:
      driver: none
```

## Use instead
Keep the default driver with rotation, or ship the logs elsewhere:
```yaml
    logging:
      driver: local
      options: {max-size: 10m, max-file: "3"}
```

## Fix safety
No automatic fix: the driver may have been turned off on purpose (a chatty service, logs shipped
by the application itself).
)";

void CheckLoggingDisabled(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    const auto& driver = s.logging_driver;
    if (!driver || driver->value != "none" || !driver->span.valid()) continue;
    out.Report(driver->span,
               fmt::format("service '{}' turns logging off (driver: none)", s.name.value));
  }
}

}  // namespace stackc::policies
