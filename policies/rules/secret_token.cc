// SECRET002 secret-token: a token of a known format (GitHub, AWS, a password in a URL...) anywhere
// in the project's files.
#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kSecretTokenDoc = R"(## What it does
Flags credentials whose format gives them away, wherever they are written in the project's files
(the compose files, what they include or extend, their env files): AWS access key ids, GitHub,
GitLab, Slack and Stripe tokens, private key blocks, JSON web tokens, and passwords in URLs such as
`postgres://app:Passw0rd-example@db/app` (a `${VAR}` password is a reference, not a secret). A value that
SECRET001 already reports (a credential-shaped key) is not reported twice. The secret is never
printed: code frames show it as `*`.

## Why is this bad
The token is in version control and in every clone, and these formats are what secret scanners
on public hosts look for first: a pushed GitHub token is used within minutes.

## Example
```yaml
services:
  api:
    image: example/api:2.0
    environment:
      DATABASE_URL: postgres://app:Passw0rd-example@db:5432/app
```

## Use instead
```yaml
    environment:
      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app
```
Or a `secrets:` entry the service reads from `/run/secrets/`. Revoke the token that was committed.

## Fix safety
No automatic fix: the token must be revoked and moved out by hand.
)";

void CheckSecretToken(const RuleContext& ctx, Reporter& out) {
  // A token in a value SECRET001 reports is not found again: one finding per secret.
  for (const passes::Secret& t : ctx.secrets()) {
    if (t.kind != passes::SecretKind::kToken) continue;
    out.Report(t.span, fmt::format("{} is written in the file", t.format)).secret = true;
  }
}

}  // namespace stackc::policies
