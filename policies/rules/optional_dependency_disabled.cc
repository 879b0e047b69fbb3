// DEP003 optional-dependency-disabled: a `required: false` dependency that profiles disable.
#include <string>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kOptionalDependencyDisabledDoc = R"(## What it does
Flags `depends_on` entries with `required: false` whose service is not part of the project as
loaded: its `profiles` are all inactive. The dependent then starts without it.

## Why is this bad
It may be exactly what was meant (an optional debug or metrics sidecar), but it is easy to miss
that a dependency silently vanished because `COMPOSE_PROFILES` or `--profile` changed: the
dependent starts, and fails at its first call if it needed the other service after all. With
`required: true` (the default) Compose refuses the project instead ("depends on undefined
service"), so this note only concerns dependencies declared optional.

## Example
```yaml
services:
  web:
    image: example/web:2
    depends_on:
      metrics: {condition: service_started, required: false}
  metrics:
    image: example/metrics:1
    profiles: [observability]
```
(loaded without the `observability` profile)

## Use instead
Activate the profile (`--profile observability`) when the dependency is wanted, or drop the
entry when it never is.

## Fix safety
No automatic fix: which profiles should be active is decided at run time.
)";

void CheckOptionalDependencyDisabled(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Dependency& d : s.depends_on) {
      if (d.required || !d.span.valid()) continue;
      if (ctx.project.FindService(d.service) != nullptr) continue;
      const ir::Service* off = ctx.project.FindDisabledService(d.service);
      if (off == nullptr) continue;
      std::string profiles;
      for (const auto& p : off->profiles) {
        profiles += fmt::format("{}'{}'", profiles.empty() ? "" : ", ", p.value);
      }
      out.Report(d.span,
                 fmt::format("service '{}' depends on '{}', which is disabled{}: '{}' starts "
                             "without it",
                             s.name.value, d.service,
                             profiles.empty()
                                 ? ""
                                 : fmt::format(" (profile{} {} not active)",
                                               off->profiles.size() == 1 ? "" : "s", profiles),
                             s.name.value));
    }
  }
}

}  // namespace stackc::policies
