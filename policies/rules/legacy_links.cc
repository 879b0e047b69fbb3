// STY003 legacy-links: `links` and `external_links`, which networks and aliases replace.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kLegacyLinksDoc = R"(## What it does
Flags each entry of `links` and of `external_links`.

## Why is this bad
Links are a legacy feature of Docker's default bridge. On a Compose network every service
already resolves every other by its service name, so `links: [db]` adds nothing but an implicit
dependency; `links: ["db:database"]` is better said with a network alias, which every service on
that network sees. `external_links` reach containers outside the project by container name, an
undeclared dependency on something this file does not create: an external network shared with
that project says the same thing explicitly and keeps working when the container is recreated
under another name.

## Example
```yaml
services:
  web:
    image: example/web:1.2
    links: ["db:database"]
  db:
    image: postgres:17
```

## Use instead
```yaml
services:
  web:
    image: example/web:1.2
    depends_on: [db]
  db:
    image: postgres:17
    networks:
      default:
        aliases: [database]
```

## Fix safety
No automatic fix: a link also orders startup and renames the target, which the fix would have to
turn into `depends_on` and an alias.
)";

void CheckLegacyLinks(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::Spanned<std::string>& link : s.links) {
      if (!link.span.valid()) continue;
      out.Report(link.span, fmt::format("service '{}' uses the legacy link '{}': services on a "
                                        "shared network resolve each other by name",
                                        s.name.value, link.value));
    }
    for (const ir::Spanned<std::string>& link : s.external_links) {
      if (!link.span.valid()) continue;
      out.Report(link.span,
                 fmt::format("service '{}' links to the external container '{}': share an "
                             "external network with it instead",
                             s.name.value, link.value));
    }
  }
}

}  // namespace stackc::policies
