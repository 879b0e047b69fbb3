// STY002 unquoted-port: a `HOST:CONTAINER` port mapping written as a plain YAML scalar.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnquotedPortDoc = R"(## What it does
Flags short-syntax port mappings that YAML 1.1 reads as a number: unquoted, digits and colons
only, each part after the first below 60, such as `- 22:22` or `- 2222:22`. `8080:80`, ranges,
`/udp` and addresses are strings in every YAML version and are left alone.

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

namespace {

// YAML 1.1's base 60 integer: digits, then one or more `:` parts of one or two digits below 60.
bool Sexagesimal(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (size_t i = 0; i < colon; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  for (size_t at = colon; at < text.size();) {
    const size_t next = text.find(':', at + 1);
    const std::string_view part =
        text.substr(at + 1, (next == std::string_view::npos ? text.size() : next) - at - 1);
    if (part.empty() || part.size() > 2) return false;
    for (const char c : part) {
      if (c < '0' || c > '9') return false;
    }
    if (part.size() == 2 && part[0] > '5') return false;
    at = next == std::string_view::npos ? text.size() : next;
  }
  return true;
}

}  // namespace

void CheckUnquotedPort(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    ir::Span last;
    for (const ir::Port& p : s.ports) {
      if (!p.span.valid() || p.span == last) continue;  // a range is several ports of one entry
      last = p.span;
      const std::string_view text = ctx.sm.Text(p.span);
      if (!Sexagesimal(text)) continue;
      ir::Diagnostic& d = out.Report(
          p.span,
          fmt::format("service '{}' writes the port mapping {} unquoted: YAML 1.1 reads it as a "
                      "base 60 number",
                      s.name.value, text));
      d.fix = QuoteFix(p.span, "quote the port mapping", /*safe=*/true);
    }
  }
}

}  // namespace stackc::policies
