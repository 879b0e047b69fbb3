// IMG003 image-not-digest-pinned: an image pulled by tag, not by digest.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kImageNotDigestPinnedDoc = R"(## What it does
Flags images referenced without a digest (`@sha256:...`). Services that `build` their image are
skipped: the image is made here. Off by default: enable it with `--select IMG003` or in
`.stackc.yaml`.

## Why is this bad
A tag is a name the registry's owner can point at other content at any time: even a precise tag
like `postgres:17.2` can be re-pushed (a rebuild on a new base, or a compromised account). Only a
digest names exactly the bytes you tested, so a deployment is reproducible and a tampered image
fails to pull.

## Example
```yaml
services:
  db:
    image: postgres:17.2
```

## Use instead
Keep the tag for readers, and pin the digest:
```yaml
    image: postgres:17.2@sha256:<digest>
```

## Fix safety
No automatic fix: stackc does not contact registries to resolve digests.
)";

void CheckImageNotDigestPinned(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (s.build || !s.image || s.image->value.empty() || !s.image->span.valid()) continue;
    if (s.image->value.find("@sha256:") != std::string::npos) continue;
    out.Report(s.image->span, fmt::format("service '{}' uses image '{}' without a digest",
                                          s.name.value, s.image->value));
  }
}

}  // namespace stackc::policies
