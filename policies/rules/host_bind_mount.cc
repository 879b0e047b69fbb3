// CTR004 host-bind-mount: a host path bound into a service; sensitive paths are warnings.
#include <array>
#include <span>
#include <string>

#include <fmt/format.h>
#include <fnmatch.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kHostBindMountDoc = R"(## What it does
Flags bind mounts of host paths. A path under `/`, `/etc`, `/proc`, `/sys`, `/boot`, `/dev`,
`/root`, `/usr`, `/lib` or `/var/lib/docker` is reported as a warning (writable: the message says
so); any other host path as a note.

## Why is this bad
A bind mount ties the stack to one machine's directory layout and lets the container read (and,
unless `:ro`, write) the host's files with its own user ID. Under a system directory that is a
way out of the container.

## Example
```yaml
services:
  web:
    image: example/web:2
    volumes: [/home/alice/site:/var/www/html]
```

## Use instead
A named volume, or a read-only bind when the host path is the point:
```yaml
    volumes: [site:/var/www/html]      # or /srv/site:/var/www/html:ro
```

## Fix safety
No automatic fix: moving data into a volume is a migration.

## Options
`allow`: host paths (shell globs, relative to `.stackc.yaml`; `*` stops at `/`) that may be bound; a
path under one is not reported, a sensitive one included. A path in the home directory is matched as
written (`~/data`):
```yaml
rules:
  CTR004:
    options: {allow: [./config, /srv/*]}
```
)";

namespace {
constexpr RuleOption kOptionList[] = {{.name = "allow", .paths = true}};
}  // namespace
const std::span<const RuleOption> kHostBindMountOptions = kOptionList;

namespace {

bool Sensitive(std::string_view path) {
  static constexpr std::array<std::string_view, 10> kRoots = {
      "/etc", "/proc", "/sys", "/boot", "/dev", "/root", "/usr", "/lib", "/var/lib/docker", "/bin"};
  if (path == "/") return true;
  for (std::string_view root : kRoots) {
    if (path == root || (path.starts_with(root) && path[root.size()] == '/')) return true;
  }
  return false;
}

// Whether `path` or a directory above it (/srv/data/x, /srv/data, /srv, /) matches one of the
// globs.
bool Allowed(std::span<const std::string> globs, std::string_view path) {
  for (std::string at(path); !at.empty();) {
    for (const std::string& glob : globs) {
      if (fnmatch(glob.c_str(), at.c_str(), FNM_PATHNAME) == 0) return true;
    }
    const size_t slash = at.rfind('/');
    if (at == "/" || slash == std::string::npos) break;
    at.resize(slash == 0 ? 1 : slash);
  }
  return false;
}

}  // namespace

void CheckHostBindMount(const RuleContext& ctx, Reporter& out) {
  const std::span<const std::string> allow = ctx.Option("CTR004", "allow");
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Mount& m : s.volumes) {
      if (m.type != ir::MountType::kBind || m.source.ends_with(".sock")) continue;
      // `~` is the home of whoever runs Compose, not of the linter: judged as written, and never a
      // system path (`~/data` is not /root/data because stackc ran as root).
      const std::string_view written = ctx.sm.Text(m.span);
      const size_t tilde = written.find("~/");
      const bool home =
          tilde != std::string_view::npos &&
          (written.starts_with("~/") || written.starts_with("\"~/") || written.starts_with("'~/") ||
           written.find("source: ~/") != std::string_view::npos);
      // An allowed path: the home's as written (`~/data`), any other as resolved.
      const std::string_view as_written =
          home ? written.substr(tilde, written.find_first_of(":\"'\n", tilde) - tilde) : "";
      if (!allow.empty() && Allowed(allow, home ? as_written : std::string_view(m.source)))
        continue;
      if (home) {
        out.Report(m.span, fmt::format("service '{}' mounts a path of the user's home directory",
                                       s.name.value));
        continue;
      }
      if (Sensitive(m.source)) {
        out.Report(m.span, fmt::format("service '{}' mounts the host's system path '{}'{}",
                                       s.name.value, m.source, m.read_only ? "" : " writable"))
            .severity = ir::Severity::kWarning;
      } else {
        out.Report(m.span,
                   fmt::format("service '{}' mounts the host path '{}'", s.name.value, m.source));
      }
    }
  }
}

}  // namespace stackc::policies
