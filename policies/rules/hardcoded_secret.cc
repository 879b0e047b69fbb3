// SECRET001 hardcoded-secret: a literal value under a credential-shaped environment key.
#include <fmt/format.h>

#include "policies/rules.h"
#include "policies/secrets.h"

namespace stackc::policies {

constexpr std::string_view kHardcodedSecretDoc = R"(## What it does
Flags `environment` (including the env files a service reads), build `args` and `labels`
entries whose key looks like a credential (`PASSWORD`, `PASSWD`, `PWD`, `SECRET`, `TOKEN`,
`API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, `CREDENTIAL`) and whose value is written in the file: a
literal, or the default of `${VAR:-default}`. Also flags credentials passed on a command line
written in the file: `--db-password=...`, `--token ...`, redis' `--requirepass ...`, mysql's
`-p...`, sqlcmd's `-P ...` in `command`, `entrypoint` or a healthcheck `test`. A plain `${VAR}` reference, a `$$VAR`
left for the container's shell, an empty value, a placeholder (`<...>`, `***`), a path under
`/run/secrets/` and `*_FILE` keys are not secrets. The value is never printed.

## Why is this bad
The password is in version control, in every clone and CI log of the repository, and in
`docker inspect` of the running container.

## Example
```yaml
services:
  db:
    image: mysql:8.4
    environment:
      - MYSQL_ROOT_PASSWORD=not-a-real-one
```

## Use instead
A secret, read from a file the service is given:
```yaml
    environment:
      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db_root
    secrets: [db_root]
secrets:
  db_root:
    environment: DB_ROOT_PASSWORD
```

## Fix safety
No automatic fix: the secret must move somewhere stackc cannot choose.
)";

void CheckHardcodedSecret(const RuleContext& ctx, Reporter& out) {
  for (const CredentialLiteral& c : CredentialLiterals(ctx)) {
    ir::Diagnostic& d = out.Report(
        c.value, c.where == "environment"
                     ? fmt::format("service '{}' sets '{}' to a literal secret",
                                   c.service->name.value, c.entry->key)
                     : fmt::format("service '{}' sets '{}' to a literal secret in its {}",
                                   c.service->name.value, c.entry->key, c.where));
    d.secret = true;
  }
  for (const FlagLiteral& f : FlagLiterals(ctx)) {
    ir::Diagnostic& d =
        out.Report(f.value, fmt::format("service '{}' passes a literal secret to '{}' in its {}",
                                        f.service->name.value, f.flag, f.where));
    d.secret = true;
  }
}

}  // namespace stackc::policies
