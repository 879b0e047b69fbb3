// CTR006 no-new-privileges: a service whose processes can gain privileges through setuid binaries.
#include <optional>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kNoNewPrivilegesDoc = R"(## What it does
Flags services whose `security_opt` does not set `no-new-privileges:true` (also written
`no-new-privileges=true` or bare `no-new-privileges`). An explicit `no-new-privileges:false` is
reported at that entry. Privileged services are left to CTR001.

Off by default: enable it with `--select CTR006` or in `.stackc.yaml`.

## Why is this bad
Without the flag, a process in the container can gain privileges by running a setuid or
file-capability binary (`su`, `sudo`, a planted setuid shell): a foothold as an unprivileged user
becomes root in the container, one step from the host. With it, the kernel refuses every gain at
`execve`.

## Example
```yaml
services:
  web:
    image: example/web:2
```

## Use instead
```yaml
services:
  web:
    image: example/web:2
    security_opt: ["no-new-privileges:true"]
```

## Fix safety
Unsafe fix (`--unsafe-fixes`): adds `no-new-privileges:true` to the service's `security_opt`
(creating the list, or replacing a `no-new-privileges:false` entry). Unsafe because setuid
programs stop gaining privileges: `sudo` and `su` fail, and so does `ping` on old images that
ship it setuid root.
)";

namespace {

// Go's strconv.ParseBool, which the Engine uses for the option's value.
std::optional<bool> ParseGoBool(std::string_view v) {
  if (v == "1" || v == "t" || v == "T" || v == "true" || v == "TRUE" || v == "True") return true;
  if (v == "0" || v == "f" || v == "F" || v == "false" || v == "FALSE" || v == "False") {
    return false;
  }
  return std::nullopt;
}

// The value of a `no-new-privileges` entry, or nullopt when the entry is about something else.
// The Engine splits an option at its first '=' (or, the older form, at its first ':').
std::optional<bool> NoNewPrivileges(std::string_view opt) {
  constexpr std::string_view kKey = "no-new-privileges";
  if (opt == kKey) return true;
  if (!opt.starts_with(kKey) || opt.size() == kKey.size()) return std::nullopt;
  const char sep = opt[kKey.size()];
  if (sep != '=' && sep != ':') return std::nullopt;
  return ParseGoBool(opt.substr(kKey.size() + 1));
}

}  // namespace

void CheckNoNewPrivileges(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    if (s.privileged.value) continue;  // CTR001
    // The Engine reads the entries in order: the last one wins.
    const ir::Spanned<std::string>* last = nullptr;
    bool enabled = false;
    for (const auto& opt : s.security_opt) {
      if (const std::optional<bool> v = NoNewPrivileges(opt.value)) {
        last = &opt;
        enabled = *v;
      }
    }
    if (enabled) continue;
    if (last != nullptr && last->span.valid()) {
      out.Report(last->span, fmt::format("service '{}' turns no-new-privileges off ({})",
                                         s.name.value, last->value));
    } else if (s.name.span.valid()) {
      out.Report(s.name.span,
                 fmt::format("service '{}' does not set no-new-privileges", s.name.value));
    }
  }
}

}  // namespace stackc::policies
