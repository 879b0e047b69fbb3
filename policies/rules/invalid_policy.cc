// POL000 invalid-policy: a policy block stackc cannot read.
#include "policies/declared.h"
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kInvalidPolicyDoc = R"(## What it does
Reports an `x-stackc.policies` block that stackc cannot read: an unknown key or policy kind, a
service the project does not define, a wrong shape.

## Why is this bad
A policy that is not read is not checked: the file would pass while saying nothing.

## Example
```yaml
x-stackc:
  policies:
    reachability:
      - deny: {from: web, to: dbb}
```

## Use instead
Name services of the project: `to: db`.

## Fix safety
No automatic fix.
)";

void CheckInvalidPolicy(const RuleContext& ctx, Reporter& out) {
  std::vector<ir::Diagnostic> problems;
  ParseDeclaredPolicies(ctx.project, &problems);
  for (ir::Diagnostic& d : problems) out.Report(d.span, std::move(d.message));
}

}  // namespace stackc::policies
