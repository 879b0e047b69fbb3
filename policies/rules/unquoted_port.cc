// STY002 unquoted-port: a `HOST:CONTAINER` port mapping written as a plain YAML scalar.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnquotedPortDoc = R"(## What it does
Flags short-syntax port mappings that contain a `:` and are not quoted, such as `- 22:22`.

## Why is this bad
YAML 1.1 parsers read `xx:yy` with numbers below 60 as a base-60 integer: `22:22` is 1342. Docker
Compose v2 reads YAML 1.2 and gets the string, but docker-compose v1, PyYAML-based tools, Ansible
and many editors do not, and the Compose documentation asks for port mappings as strings for this
reason.

## Example
```yaml
services:
  sftp:
    image: example/sftp:2.0
    ports:
      - 2222:22
```

## Use instead
```yaml
    ports:
      - "2222:22"
```

## Fix safety
Safe fix: wraps the mapping in double quotes. The string Compose reads does not change.
)";

void CheckUnquotedPort(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    ir::Span last;
    for (const ir::Port& p : s.ports) {
      if (!p.span.valid() || p.span == last) continue;  // a range is several ports of one entry
      last = p.span;
      const std::string_view text = ctx.sm.Text(p.span);
      if (text.empty() || text.find(':') == std::string_view::npos) continue;
      const char first = text.front();
      const bool plain = (first >= '0' && first <= '9') || first == '$';
      if (!plain || text.find_first_of("\"'\n #") != std::string_view::npos) continue;
      ir::Diagnostic& d = out.Report(
          p.span,
          fmt::format("service '{}' writes the port mapping {} unquoted", s.name.value, text));
      d.fix = ir::Fix{"quote the port mapping",
                      true,
                      {ir::Edit{{p.span.file, p.span.begin, p.span.begin}, "\""},
                       ir::Edit{{p.span.file, p.span.end, p.span.end}, "\""}}};
    }
  }
}

}  // namespace stackc::policies
