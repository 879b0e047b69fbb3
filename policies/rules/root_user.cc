// CTR009 root-user: a service that explicitly runs as root.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kRootUserDoc = R"(## What it does
Flags services whose `user` is `root` or `0`, with or without a group (`root:root`, `0:0`,
`0:1000`). A service without `user` runs as the image's user, which stackc cannot see, and is not
reported.

## Why is this bad
Root in the container is root on the host as far as the kernel is concerned (without user
namespace remapping): it owns every file of a bind mount, and any escape, kernel bug or
misconfigured capability lands with UID 0. Setting `user: root` also overrides an image that was
built to run unprivileged.

## Example
```yaml
services:
  worker:
    image: example/worker:2.4
    user: root
```

## Use instead
An unprivileged user, created in the image or given by number:
```yaml
    user: "1000:1000"
```

## Fix safety
No automatic fix: the files the service writes (volumes, bind mounts) must be owned by the new
user first.
)";

namespace {

bool IsRoot(std::string_view user) {
  const std::string_view name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

}  // namespace

void CheckRootUser(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (!s.user || !s.user->span.valid() || !IsRoot(s.user->value)) continue;
    out.Report(s.user->span,
               fmt::format("service '{}' runs as root (user: {})", s.name.value, s.user->value));
  }
}

}  // namespace stackc::policies
