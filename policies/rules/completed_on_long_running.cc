// DEP002 completed-on-long-running: waiting for a long-running service to complete.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kCompletedOnLongRunningDoc = R"(## What it does
Flags `depends_on` entries with `condition: service_completed_successfully` whose service looks
long-running rather than a one-shot job: it has `restart: always` or `restart: unless-stopped`
(or `deploy.restart_policy.condition: any`), it defines a healthcheck, or it publishes ports.

## Why is this bad
Compose starts the dependent only after the dependency's container has exited with code 0. A
server never exits, so the dependent waits until Compose gives up. A restart policy of `always` or
`unless-stopped` restarts a container that did exit, so Compose may never see it stopped; and a
healthcheck or a published port says the service is meant to keep serving. Either the condition
is wrong (`service_started` or `service_healthy` was meant) or the job is configured as a server.

## Example
```yaml
services:
  app:
    image: example/app:1.2
    depends_on:
      migrate: {condition: service_completed_successfully}
  migrate:
    image: example/app:1.2
    command: [migrate]
    restart: always
```

## Use instead
Let the one-shot job exit and stay exited:
```yaml
  migrate:
    image: example/app:1.2
    command: [migrate]
    restart: "no"
```
or wait for a server with `condition: service_healthy`.

## Fix safety
No automatic fix: whether the dependency is a job or a server is the author's call.
)";

void CheckCompletedOnLongRunning(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Dependency& d : s.depends_on) {
      if (d.condition != ir::Dependency::Condition::kCompletedSuccessfully) continue;
      if (!d.span.valid()) continue;  // an implicit dependency (links, network_mode, volumes_from)
      const ir::Service* dep = ctx.project.FindService(d.service);
      if (dep == nullptr) continue;
      std::vector<std::string> why;
      if (dep->restart &&
          (dep->restart->value == "always" || dep->restart->value == "unless-stopped")) {
        why.push_back(fmt::format("it has restart: {}", dep->restart->value));
      } else {
        if (dep->restart_policy_condition && dep->restart_policy_condition->value == "any") {
          why.push_back("it has deploy.restart_policy.condition: any");
        }
      }
      if (dep->healthcheck && !dep->healthcheck->Disabled() && !dep->healthcheck->test.empty()) {
        why.push_back("it has a healthcheck");
      }
      if (!dep->ports.empty()) why.push_back("it publishes ports");
      if (why.empty()) continue;
      std::string reasons;
      for (size_t i = 0; i < why.size(); ++i) {
        reasons += (i == 0 ? "" : (i + 1 == why.size() ? " and " : ", ")) + why[i];
      }
      out.Report(d.span, fmt::format("service '{}' waits for '{}' to complete successfully, but "
                                     "'{}' looks long-running: {}",
                                     s.name.value, d.service, d.service, reasons));
    }
  }
}

}  // namespace stackc::policies
