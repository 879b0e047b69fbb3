// CTR007 security-profile-disabled: seccomp, AppArmor, SELinux labeling or path masking turned off.
#include <array>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kSecurityProfileDisabledDoc = R"(## What it does
Flags `security_opt` entries that turn off one of the Engine's default confinements:
`seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (each also written with `=`) and
`systempaths=unconfined`.

## Why is this bad
The default seccomp profile blocks the system calls most kernel escapes go through (`keyctl`,
`unshare`, `bpf`, `open_by_handle_at`...); the AppArmor profile and the SELinux label keep a
process that breaks out of its namespaces away from the host's files; the masked paths hide
`/proc/kcore`, `/proc/sysrq-trigger` and their like. Each one turned off removes a layer that
stands between a compromised service and the host.

## Example
```yaml
services:
  app:
    image: example/app:1.2
    security_opt: ["seccomp:unconfined"]
```

## Use instead
Keep the default profile, or give the service a custom one that allows only what it needs:
```yaml
    security_opt: ["seccomp:./seccomp/app.json"]
```

## Fix safety
No automatic fix: the service may need the system calls the default profile blocks, and only a
profile written for it can say which.
)";

void CheckSecurityProfileDisabled(const RuleContext& ctx, Reporter& out) {
  struct Disabled {
    std::string_view option;  // as written, with ':' or '='
    std::string_view what;
  };
  static constexpr std::array<Disabled, 7> kDisabled = {{
      {"seccomp:unconfined", "seccomp"},
      {"seccomp=unconfined", "seccomp"},
      {"apparmor:unconfined", "AppArmor"},
      {"apparmor=unconfined", "AppArmor"},
      {"label:disable", "SELinux labeling"},
      {"label=disable", "SELinux labeling"},
      {"systempaths=unconfined", "the masking of /proc and /sys paths"},
  }};
  for (const ir::Service& s : ctx.project.services) {
    for (const auto& opt : s.security_opt) {
      if (!opt.span.valid()) continue;
      for (const Disabled& d : kDisabled) {
        if (opt.value == d.option) {
          out.Report(opt.span, fmt::format("service '{}' turns off {} ({})", s.name.value, d.what,
                                           opt.value));
        }
      }
    }
  }
}

}  // namespace stackc::policies
