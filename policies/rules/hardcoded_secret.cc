// SECRET001 hardcoded-secret: a literal value under a credential-shaped environment key.
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "policies/rules.h"

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
  for (const passes::Secret& c : ctx.secrets()) {
    if (c.kind != passes::SecretKind::kCredential) continue;
    const std::string_view service = c.service->name.value;
    std::string message;
    if (c.entry == nullptr) {  // a command-line flag
      message = fmt::format("service '{}' passes a literal secret to '{}' in its {}", service,
                            c.key, passes::SecretPlaceName(c.place));
    } else if (c.place == passes::SecretPlace::kEnvironment ||
               c.place == passes::SecretPlace::kEnvFile) {
      message = fmt::format("service '{}' sets '{}' to a literal secret", service, c.key);
    } else {
      message = fmt::format("service '{}' sets '{}' to a literal secret in its {}", service, c.key,
                            passes::SecretPlaceName(c.place));
    }
    out.Report(c.span, std::move(message)).secret = true;
  }
}

}  // namespace stackc::policies
