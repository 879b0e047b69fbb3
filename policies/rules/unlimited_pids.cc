// RES002 unlimited-pids: a service without a limit on its number of processes.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnlimitedPidsDoc = R"(## What it does
Flags services without a process limit: neither `pids_limit` nor
`deploy.resources.limits.pids`, or a limit of `-1` or `0` (both mean unlimited to the Engine).

Off by default: enable it with `--select RES002` or in `.stackc.yaml`.

## Why is this bad
A fork bomb, or a service that leaks threads or child processes, exhausts the host's process
table: every other container and the host itself can no longer start a process.

## Example
```yaml
services:
  worker:
    image: example/worker:2.4
    pids_limit: -1
```

## Use instead
```yaml
    pids_limit: 200
```

## Fix safety
No automatic fix: the right limit depends on how many processes and threads the service runs.
)";

void CheckUnlimitedPids(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    const auto& pids = s.limits.pids;
    if (pids && *pids > 0) continue;
    const ir::Span span = pids ? LimitSpan(s, s.limits.pids_span) : s.name.span;
    if (!span.valid()) continue;
    out.Report(span, pids ? fmt::format("service '{}' sets an unlimited process limit ({})",
                                        s.name.value, *pids)
                          : fmt::format("service '{}' has no process (pids) limit", s.name.value));
  }
}

}  // namespace stackc::policies
