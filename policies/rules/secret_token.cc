// SECRET002 secret-token: a token of a known format (GitHub, AWS, a password in a URL...) anywhere
// in the project's files.
#include <algorithm>

#include <fmt/format.h>

#include "policies/rules.h"
#include "policies/secrets.h"

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
  std::vector<ir::Span> reported;  // SECRET001's values: one finding per secret
  for (const CredentialLiteral& c : CredentialLiterals(ctx)) reported.push_back(c.value);
  for (const FlagLiteral& f : FlagLiterals(ctx)) reported.push_back(f.value);
  for (ir::FileId f = 0; f < ctx.sm.size(); ++f) {
    const std::string_view path = ctx.sm.path(f);
    if (path.ends_with("/.stackc.yaml") || path.ends_with("/.stackc.yml")) continue;  // not ours
    const std::string_view text = ctx.sm.text(f);
    for (size_t at = 0; at < text.size();) {
      const std::optional<SecretMatch> m = FindSecret(text.substr(at));
      if (!m) break;
      const ir::Span span{f, static_cast<uint32_t>(at + m->begin),
                          static_cast<uint32_t>(at + m->end)};
      at += std::max<size_t>(m->end, 1);
      const bool covered = std::any_of(reported.begin(), reported.end(), [&](const ir::Span& r) {
        return r.file == span.file && r.begin <= span.begin && span.end <= r.end;
      });
      if (covered) continue;
      ir::Diagnostic& d = out.Report(span, fmt::format("{} is written in the file", m->kind));
      d.secret = true;
    }
  }
}

}  // namespace stackc::policies
