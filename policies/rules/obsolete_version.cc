// STY001 obsolete-version: a top-level `version:`, which Compose ignores.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kObsoleteVersionDoc = R"(## What it does
Flags the top-level `version:` attribute.

## Why is this bad
The Compose Specification dropped it: Docker Compose ignores it and warns "the attribute
`version` is obsolete". Readers still take it for a schema switch ("3.8 allows `deploy`"), which
it no longer is.

## Example
```yaml
version: "3.8"
services:
  web:
    image: example/web:1.4
```

## Use instead
```yaml
services:
  web:
    image: example/web:1.4
```

## Fix safety
Safe fix: deletes the `version:` line (with a comment on that line). Compose ignores the attribute,
so the project does not change. No fix when the entry is in flow style or shares its line.
)";

namespace {

// The whole line of a block-style `version: ...` entry that stands alone on its line.
std::optional<ir::Fix> DeleteLine(const ir::SourceManager& sm, ir::Span entry) {
  const std::string_view text = sm.text(entry.file);
  if (entry.begin != 0 && text[entry.begin - 1] != '\n') return std::nullopt;
  uint32_t end = entry.end;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  if (end < text.size() && text[end] == '#') {
    while (end < text.size() && text[end] != '\n') ++end;
  }
  if (end < text.size() && text[end] == '\r') ++end;
  if (end < text.size() && text[end] != '\n') return std::nullopt;  // more YAML on the line
  if (end < text.size()) ++end;
  return ir::Fix{
      "remove the obsolete `version` line", true, {ir::Edit{{entry.file, entry.begin, end}, ""}}};
}

}  // namespace

void CheckObsoleteVersion(const RuleContext& ctx, Reporter& out) {
  for (const ir::Span& entry : ctx.project.version_entries) {
    if (!entry.valid()) continue;
    const std::string_view text = ctx.sm.Text(entry);
    const ir::Span key{entry.file, entry.begin,
                       entry.begin + static_cast<uint32_t>(std::min<size_t>(text.size(), 7))};
    ir::Diagnostic& d = out.Report(key, "the attribute `version` is obsolete: Compose ignores it");
    d.fix = DeleteLine(ctx.sm, entry);
  }
}

}  // namespace stackc::policies
