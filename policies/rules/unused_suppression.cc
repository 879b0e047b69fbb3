// SUP001 unused-suppression: a `# stackc: ignore[...]` comment that silences nothing.
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnusedSuppressionDoc = R"(## What it does
Reports `# stackc: ignore[CODE]` and `# stackc: ignore-file[CODE]` comments that match no finding:
the problem was fixed, the code is misspelt, or the comment sits on the wrong line.

## Why is this bad
A stale suppression hides the next real finding of that rule on that line, and makes readers
believe there is something to ignore.

## Example
```yaml
services:
  web:
    image: nginx:1.27  # stackc: ignore[IMG001] pinned by the deploy job
```

## Use instead
Delete the comment (the image is pinned now).

## Fix safety
No automatic fix yet.
)";

// The suppression pass reports these after every other rule ran (policies/suppressions.h): a rule
// cannot know which findings the others make.
void CheckUnusedSuppression(const RuleContext&, Reporter&) {}

}  // namespace stackc::policies
