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
  for (const ir::Diagnostic& d : ctx.policy_problems()) out.Report(d.span, d.message);
}

}  // namespace stackc::policies
