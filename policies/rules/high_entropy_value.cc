// SECRET003 high-entropy-value: a random-looking key under a key that does not say it is one.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kHighEntropyValueDoc = R"(## What it does
Flags `environment` and build `args` values that look like random keys (24 characters or more
of a base64 or hex alphabet, upper and lower case and digits mixed, at least 4 bits of entropy
per character) under a key that SECRET001 does not already treat as a credential, such as
`APP_KEY_B64` or `SIGNING_SEED`. The value is never printed.

## Why is this bad
Keys get names that no list foresees. A random 32-character string in a compose file is almost
always a key, committed with the file.

## Example
```yaml
services:
  app:
    image: example/app:2.0
    environment:
      SIGNING_SEED: 9fQ2xLr7TbW4kZp1Vd8sNc3HyJ6mAe0u
```

## Use instead
A reference (`SIGNING_SEED: ${SIGNING_SEED}`) or a `secrets:` entry.

## Fix safety
No automatic fix.
)";

void CheckHighEntropyValue(const RuleContext& ctx, Reporter& out) {
  // Values under a credential-shaped key are SECRET001's, known token formats SECRET002's.
  for (const passes::Secret& v : ctx.secrets()) {
    if (v.kind != passes::SecretKind::kHighEntropy) continue;
    const bool build_arg = v.place == passes::SecretPlace::kBuildArgs;
    out.Report(v.span,
               fmt::format("service '{}' sets '{}' to what looks like a key{}",
                           v.service->name.value, v.key, build_arg ? " in its build args" : ""))
        .secret = true;
  }
}

}  // namespace stackc::policies
