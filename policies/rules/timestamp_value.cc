// STY005 timestamp-value: a label, environment variable, sysctl or build argument set to an
// unquoted date, which Docker Compose passes on as Go prints a time.
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "frontend/go_time.h"
#include "passes/secrets.h"
#include "passes/value_span.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kTimestampValueDoc = R"(## What it does
Flags a value that is an unquoted YAML timestamp (`2024-01-05`, `2024-01-05 10:30:00`,
`2024-01-05T10:30:00Z`) in the mapping form of a service's `labels`, `environment`, `sysctls`
and build `args`. It reads the value on the key's own line of a block mapping; it does not look
at flow mappings (`{KEY: value}`), at values on the next line or behind an alias, or at the other
maps Docker Compose converts the same way (annotations, deploy and build labels, logging and
driver options).

## Why is this bad
Docker Compose reads its files with go-yaml, which decodes an unquoted date into a time, and then
prints that time where it needs text. So `BUILD_DATE: 2024-01-05` sets the variable to
`2024-01-05 00:00:00 +0000 UTC`, and `org.opencontainers.image.created: 2024-01-05T10:30:00Z`
sets the label to `2024-01-05 10:30:00 +0000 UTC`: not what the file says, and not a format that
a date parser expecting ISO 8601 accepts. `docker compose config` shows the converted value;
nothing warns about it. The list form (`- BUILD_DATE=2024-01-05`) and quoted values are taken as
written.

## Example
```yaml
services:
  api:
    image: example/api:1.2
    environment:
      BUILD_DATE: 2024-01-05
```

## Use instead
```yaml
services:
  api:
    image: example/api:1.2
    environment:
      BUILD_DATE: "2024-01-05"
```

## Fix safety
Unsafe: quoting the value changes what Docker Compose sets, from the converted time to the date
as written. That is almost always what was meant, but whatever reads the value today sees the
converted form.
)";

namespace {

void Check(const ir::Service& s, const std::vector<ir::KeyValue>& entries, std::string_view what,
           const RuleContext& ctx, Reporter& out) {
  for (const ir::KeyValue& kv : entries) {
    if (!kv.value) continue;
    const ir::Span span = passes::ValueSpan(ctx.sm, kv);
    if (!span.valid() || span == kv.span) continue;
    const std::string_view written = ctx.sm.Text(span);
    // A quoted value or one from the list form (`KEY=2024-01-05`) is set as written.
    if (*kv.value == written || !frontend::IsYamlTimestamp(written)) continue;
    // Under a credential-shaped key the value may be a secret (SECRET001 masks it): say what
    // happens without the values.
    ir::Diagnostic& d =
        passes::CredentialKey(kv.key)
            ? out.Report(span, fmt::format("service '{}' sets {} '{}' to an unquoted date, which "
                                           "Docker Compose sets in Go's time format",
                                           s.name.value, what, kv.key))
            : out.Report(span, fmt::format("service '{}' sets {} '{}' to the unquoted date '{}': "
                                           "Docker Compose sets '{}'",
                                           s.name.value, what, kv.key, written, *kv.value));
    d.fix = QuoteFix(span, "quote the date", /*safe=*/false);
  }
}

}  // namespace

void CheckTimestampValue(const RuleContext& ctx, Reporter& out) {
  ForEachTextMap(ctx, [&](const ir::Service& s, const std::vector<ir::KeyValue>& entries,
                          std::string_view what) { Check(s, entries, what, ctx, out); });
}

}  // namespace stackc::policies
