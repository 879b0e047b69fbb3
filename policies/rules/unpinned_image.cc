// IMG001 unpinned-image: an image without a tag, or with a moving one.
#include <array>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnpinnedImageDoc = R"(## What it does
Flags images with no tag (which means `latest`) or a moving tag (`latest`, `stable`, `edge`,
`nightly`, `dev`, `main`, `master`), unless they are pinned by digest (`@sha256:`).

## Why is this bad
The same file deploys different software on different days: a rebuild or a new machine pulls
whatever the tag points to now, and a rollback has nothing to roll back to.

## Example
```yaml
services:
  app:
    image: centos
```

## Use instead
```yaml
    image: centos:7.9.2009          # or centos@sha256:...
```

## Fix safety
No automatic fix: stackc cannot know which version you run.
)";

void CheckUnpinnedImage(const RuleContext& ctx, Reporter& out) {
  static constexpr std::array<std::string_view, 7> kMoving = {
      "latest", "stable", "edge", "nightly", "dev", "main", "master"};
  for (const ir::Service& s : ctx.project.services) {
    if (!s.image || s.image->value.find("@sha256:") != std::string::npos) continue;
    if (s.image->value.find("${") != std::string::npos) continue;
    const std::string& image = s.image->value;
    const size_t slash = image.rfind('/');
    const size_t colon = image.find(':', slash == std::string::npos ? 0 : slash);
    if (colon == std::string::npos) {
      out.Report(s.image->span,
                 fmt::format("service '{}' uses image '{}' without a tag", s.name.value, image));
      continue;
    }
    const std::string_view tag = std::string_view(image).substr(colon + 1);
    for (std::string_view moving : kMoving) {
      if (tag == moving) {
        out.Report(s.image->span, fmt::format("service '{}' uses the moving tag '{}' of image '{}'",
                                              s.name.value, tag, image.substr(0, colon)));
      }
    }
  }
}

}  // namespace stackc::policies
