// IMG001 unpinned-image: an image without a tag, or with a moving one.
#include <algorithm>
#include <array>
#include <span>
#include <string>

#include <fmt/format.h>
#include <fnmatch.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnpinnedImageDoc = R"(## What it does
Flags images with no tag (which means `latest`), a moving tag (`latest`, `stable`, `edge`,
`nightly`, `dev`, `main`, `master`) or a tag that names a variant but no version (`alpine`,
`apache`, `bookworm`: no digit at all), unless they are pinned by digest (`@sha256:`). A service
that builds its image (`build:`) is skipped: the name is given to what the build makes here.

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

## Options
`allow`: images (shell globs on the name, or on the name and tag; `*` also matches `/`) that may go
unpinned, such as those the project builds itself:
```yaml
rules:
  IMG001:
    options: {allow: [web-server, "registry.local/*"]}
```
)";

namespace {
constexpr RuleOption kOptionList[] = {{.name = "allow", .paths = false}};

bool Allowed(std::span<const std::string> globs, const std::string& image, size_t colon) {
  const std::string name = image.substr(0, colon);
  for (const std::string& glob : globs) {
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0 ||
        fnmatch(glob.c_str(), image.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace
const std::span<const RuleOption> kUnpinnedImageOptions = kOptionList;

void CheckUnpinnedImage(const RuleContext& ctx, Reporter& out) {
  static constexpr std::array<std::string_view, 7> kMoving = {
      "latest", "stable", "edge", "nightly", "dev", "main", "master"};
  const std::span<const std::string> allow = ctx.Option("IMG001", "allow");
  for (const ir::Service& s : ctx.project.services) {
    if (!s.image || s.build || s.image->value.find("@sha256:") != std::string::npos) continue;
    if (s.image->value.find("${") != std::string::npos) continue;
    const std::string& image = s.image->value;
    const size_t slash = image.rfind('/');
    const size_t colon = image.find(':', slash == std::string::npos ? 0 : slash);
    if (Allowed(allow, image, colon)) continue;
    if (colon == std::string::npos) {
      out.Report(s.image->span,
                 fmt::format("service '{}' uses image '{}' without a tag", s.name.value, image));
      continue;
    }
    const std::string_view tag = std::string_view(image).substr(colon + 1);
    const bool moving =
        std::find(kMoving.begin(), kMoving.end(), tag) != kMoving.end() ||
        std::none_of(tag.begin(), tag.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (moving) {
      out.Report(s.image->span, fmt::format("service '{}' uses the moving tag '{}' of image '{}'",
                                            s.name.value, tag, image.substr(0, colon)));
    }
  }
}

}  // namespace stackc::policies
