// RES001 no-memory-limit: a service without a memory limit.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kNoMemoryLimitDoc = R"(## What it does
Flags services without a memory limit: neither `mem_limit` nor `deploy.resources.limits.memory`,
or a limit of `0` (which the Engine reads as none).

Off by default: enable it with `--select RES001` or in `.stackc.yaml`.

## Why is this bad
A service without a limit can use all of the host's memory: a leak, a large request or a
deliberate attack on one service makes the kernel's OOM killer pick victims across the whole
host, other services and the Docker daemon included.

## Example
```yaml
services:
  api:
    image: example/api:3.1
```

## Use instead
```yaml
services:
  api:
    image: example/api:3.1
    deploy:
      resources:
        limits: {memory: 512M}
```

## Fix safety
No automatic fix: the right limit depends on the service's load.
)";

void CheckNoMemoryLimit(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    const auto& memory = s.limits.memory_bytes;
    if (memory && *memory > 0) continue;
    const ir::Span span = memory ? LimitSpan(s, s.limits.memory_span) : s.name.span;
    if (!span.valid()) continue;
    out.Report(span, memory ? fmt::format("service '{}' sets a memory limit of 0, which is none",
                                          s.name.value)
                            : fmt::format("service '{}' has no memory limit", s.name.value));
  }
}

}  // namespace stackc::policies
