// STY004 extension-named-key: a label, environment variable, sysctl or build argument named `x-…`
// in mapping form, which Docker Compose does not set under that name.
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kExtensionNamedKeyDoc = R"(## What it does
Flags the first key named `x-…` in the mapping form of a service's `labels`, `environment`,
`sysctls` and build `args` (Docker Compose gathers the keys so named of its annotations, options
and deploy labels as well; the rule does not look there).

## Why is this bad
Compose reserves the `x-` prefix for extensions. When Docker Compose binds a file to its types it
takes every `x-` key of such a mapping for an extension and gathers them all under one key,
`#extensions`, whose value is the gathered map as Go prints it. So `labels: {x-team: payments}`
does not set the label `x-team`: the container gets the label `#extensions` with the value
`map[x-team:payments]`, and `docker compose config` shows the same. Nothing warns about it. The
list form (`- x-team=payments`) is not affected.

## Example
```yaml
services:
  api:
    image: example/api:1.2
    labels:
      x-team: payments
```

## Use instead
```yaml
services:
  api:
    image: example/api:1.2
    labels:
      com.example.team: payments
```

## Fix safety
No automatic fix: the new name is the user's choice, and whatever reads the label or variable
must change with it.
)";

namespace {

// The key as written, without its quotes.
std::string_view Unquoted(std::string_view key) {
  if (key.size() >= 2 && (key.front() == '\'' || key.front() == '"') && key.back() == key.front()) {
    return key.substr(1, key.size() - 2);
  }
  return key;
}

void Check(const ir::Service& s, const std::vector<ir::KeyValue>& entries, std::string_view what,
           const RuleContext& ctx, Reporter& out) {
  for (const ir::KeyValue& kv : entries) {
    // The loader gathered the `x-` keys under "#extensions", spanning the first of them. The
    // message leaves out the gathered values: one of them may be a secret.
    if (kv.key != "#extensions" || !kv.span.valid()) continue;
    const std::string_view written = Unquoted(ctx.sm.Text(kv.span));
    if (!written.starts_with("x-")) continue;  // a key the user named "#extensions"
    out.Report(kv.span, fmt::format("service '{}' names {} '{}' like an extension: Docker Compose "
                                    "sets {} '#extensions' instead",
                                    s.name.value, what, written, what));
  }
}

}  // namespace

void CheckExtensionNamedKey(const RuleContext& ctx, Reporter& out) {
  ForEachTextMap(ctx, [&](const ir::Service& s, const std::vector<ir::KeyValue>& entries,
                          std::string_view what) { Check(s, entries, what, ctx, out); });
}

}  // namespace stackc::policies
