// REF003 unused-secret: a secret defined at the top level that no service uses.
#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kUnusedSecretDoc = R"(## What it does
Flags a top-level `secrets` entry that no service uses, with any profile (a secret that only a
profile's services use is in use).

## Why is this bad
A secret that nothing mounts is a credential kept in the repository (or in the environment) for no reason: one more place to leak it from, and a sign that a service reads the value some other way, such as a plain environment variable.

## Example
```yaml
services:
  app:
    image: example/app:2.0
    environment: [API_KEY_FILE=/run/secrets/api_key]
secrets:
  api_key: {file: ./api_key.txt}   # never mounted
```

## Use instead
Mount it where the service reads it:
```yaml
    secrets: [api_key]
```
Or delete the definition.

## Fix safety
Safe fix: deletes the definition (and an emptied `secrets:` line), not the file it names. Compose
mounts only the secrets its services (or their builds) ask for.
)";

void CheckUnusedSecret(const RuleContext& ctx, Reporter& out) {
  ReportUnused(ctx, out, ctx.project.secrets, "secret", [](const ir::Service& s, auto add) {
    for (const ir::FileReference& r : s.secrets) add(r.source);
    if (s.build) {
      for (const std::string& source : s.build->secrets) add(source);
    }
  });
}

}  // namespace stackc::policies
