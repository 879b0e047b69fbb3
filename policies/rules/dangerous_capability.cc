// CTR005 dangerous-capability: cap_add of a capability that breaks isolation.
#include <array>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kDangerousCapabilityDoc = R"(## What it does
Flags `cap_add` entries that amount to host access: `ALL`, `SYS_ADMIN`, `SYS_MODULE`,
`SYS_PTRACE`, `SYS_RAWIO`, `DAC_READ_SEARCH`, `NET_ADMIN`, `BPF`, `PERFMON`.

## Why is this bad
`SYS_ADMIN` mounts file systems and is most of root; `SYS_MODULE` loads kernel code; `SYS_PTRACE`
reads other processes' memory; `DAC_READ_SEARCH` opens host files by handle (the "shocker"
escape); `NET_ADMIN` rewrites the container's routes and firewall, so segmentation no longer holds.

## Example
```yaml
services:
  backup:
    image: example/backup:1
    cap_add: [SYS_ADMIN]
```

## Use instead
The narrowest capability that does the job (often none), with `cap_drop: [ALL]` first.

## Fix safety
No automatic fix.
)";

void CheckDangerousCapability(const RuleContext& ctx, Reporter& out) {
  static constexpr std::array<std::string_view, 9> kDangerous = {
      "ALL",       "SYS_ADMIN",       "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
      "NET_ADMIN", "DAC_READ_SEARCH", "BPF",        "PERFMON"};
  for (const ir::Service& s : ctx.project.services) {
    for (const auto& cap : s.cap_add) {
      std::string_view name = cap.value;
      if (name.starts_with("CAP_")) name.remove_prefix(4);
      for (std::string_view d : kDangerous) {
        if (name == d) {
          out.Report(cap.span,
                     fmt::format("service '{}' adds the capability '{}'", s.name.value, cap.value));
        }
      }
    }
  }
}

}  // namespace stackc::policies
