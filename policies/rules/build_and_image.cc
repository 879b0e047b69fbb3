// IMG002 build-and-image: `build` and `image` together, with no `pull_policy`.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kBuildAndImageDoc = R"(## What it does
Flags services that have both `build` and `image` and no `pull_policy`.

## Why is this bad
With both keys and no `pull_policy`, Compose applies its default policy (`missing`): when no image
of that name is on the machine, it pulls `image` from the registry first and builds only if the
pull fails. If a registry has an image of that name (yours from an older push, or someone
else's), that image runs instead of the code in the build context, and nothing says so.
`docker compose pull` also tries to pull it.

## Example
```yaml
services:
  app:
    build: .
    image: example/app:1.2
```

## Use instead
Say which one wins: build it here, or pull it and drop `build`:
```yaml
    build: .
    image: example/app:1.2
    pull_policy: build
```

## Fix safety
No automatic fix: whether the image should be built or pulled is the project's decision.
)";

void CheckBuildAndImage(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (!s.build || !s.image || s.image->value.empty() || !s.image->span.valid()) continue;
    if (s.pull_policy) continue;  // any policy means the user decided
    out.Report(s.image->span,
               fmt::format("service '{}' has both build and image '{}' but no pull_policy: a "
                           "pulled image of that name runs instead of the build",
                           s.name.value, s.image->value));
  }
}

}  // namespace stackc::policies
