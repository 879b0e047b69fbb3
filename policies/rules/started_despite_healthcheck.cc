// DEP004 started-despite-healthcheck: `service_started` on a service with a healthcheck.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kStartedDespiteHealthcheckDoc = R"(## What it does
Flags `depends_on` entries that wait only for the dependency to start (`condition:
service_started`, which is also what the short form `depends_on: [db]` means) when the dependency
defines a healthcheck in the file.

## Why is this bad
"Started" means the container's process was launched, not that it accepts connections: a
database is typically still initialising for seconds after that, and the dependent's first
connection fails. The dependency already says when it is ready (its healthcheck); the dependent
just does not wait for it.

## Example
```yaml
services:
  app:
    image: example/app:1.2
    depends_on: [db]
  db:
    image: postgres:17
    healthcheck:
      test: [CMD, pg_isready, -U, postgres]
```

## Use instead
```yaml
    depends_on:
      db: {condition: service_healthy}
```

## Fix safety
Unsafe fix (`--unsafe-fixes`): rewrites the entry's condition to `service_healthy`. The dependent
then waits until the dependency is healthy, and Compose fails to start it if the check never
passes, where it used to start regardless.
)";

namespace {

// Rewrites a written `condition: service_started` of the entry whose key is `key` (on the key's
// line, or on the lines below it that are indented deeper). Short syntax has no condition to
// rewrite: no fix.
std::optional<ir::Fix> ToHealthy(const ir::SourceManager& sm, ir::Span key) {
  constexpr std::string_view kStarted = "service_started";
  const std::string_view text = sm.text(key.file);
  const uint32_t indent = sm.Position(key).column - 1;
  size_t line_end = text.find('\n', key.end);
  std::string_view region =
      text.substr(key.end, (line_end == std::string_view::npos ? text.size() : line_end) - key.end);
  size_t found = region.find(kStarted);
  size_t base = key.end;
  while (found == std::string_view::npos && line_end != std::string_view::npos) {
    const size_t begin = line_end + 1;
    line_end = text.find('\n', begin);
    const std::string_view line =
        text.substr(begin, (line_end == std::string_view::npos ? text.size() : line_end) - begin);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    if (first <= indent) break;  // the entry ended
    found = line.find(kStarted);
    if (const size_t hash = line.find('#'); hash != std::string_view::npos && hash < found) {
      found = std::string_view::npos;  // in a comment
    }
    base = begin;
  }
  if (found == std::string_view::npos) return std::nullopt;
  const auto at = static_cast<uint32_t>(base + found);
  return ir::Fix{
      "wait for the dependency to be healthy",
      false,
      {ir::Edit{{key.file, at, at + static_cast<uint32_t>(kStarted.size())}, "service_healthy"}}};
}

}  // namespace

void CheckStartedDespiteHealthcheck(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Dependency& d : s.depends_on) {
      if (d.condition != ir::Dependency::Condition::kStarted) continue;
      if (!d.span.valid()) continue;  // an implicit dependency (links, network_mode, volumes_from)
      const ir::Service* dep = ctx.project.FindService(d.service);
      if (dep == nullptr || !dep->healthcheck) continue;
      if (dep->healthcheck->Disabled() || dep->healthcheck->test.empty()) continue;
      ir::Diagnostic& finding = out.Report(
          d.span, fmt::format("service '{}' waits only for '{}' to start, not to be healthy, "
                              "though '{}' has a healthcheck: use condition: "
                              "service_healthy",
                              s.name.value, d.service, d.service));
      finding.fix = ToHealthy(ctx.sm, d.span);
    }
  }
}

}  // namespace stackc::policies
