// SECRET001 hardcoded-secret: a literal value under a credential-shaped environment key.
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "policies/rules.h"

namespace stackc::policies {

constexpr std::string_view kHardcodedSecretDoc = R"(## What it does
Flags `environment` entries whose key looks like a credential (`PASSWORD`, `PASSWD`, `PWD`,
`SECRET`, `TOKEN`, `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, `CREDENTIAL`) and whose value is
written in the file: a literal, or the default of `${VAR:-default}`. A plain `${VAR}` reference,
an empty value, a placeholder (`<...>`, `***`) and `*_FILE` keys are not secrets. The value is
never printed.

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

namespace {

bool CredentialKey(std::string key) {
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  if (key.ends_with("_FILE") || key.ends_with("_PATH") || key.ends_with("_USER") ||
      key.ends_with("_USERNAME")) {
    return false;
  }
  static constexpr std::array<std::string_view, 11> kWords = {
      "PASSWORD", "PASSWD",     "PWD",         "SECRET",     "TOKEN",   "API_KEY",
      "APIKEY",   "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL", "AUTH_KEY"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return key.find(w) != std::string::npos; });
}

// What the file says the value is: "" for a pure reference (`${VAR}`, `$VAR`), the default of
// `${VAR:-default}` / `${VAR-default}`, else the text itself.
std::string_view WrittenLiteral(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  if (text.starts_with("${") && text.ends_with("}")) {
    const std::string_view inner = text.substr(2, text.size() - 3);
    const size_t op = inner.find_first_of(":-?+");
    if (op == std::string_view::npos) return "";
    std::string_view rest = inner.substr(op);
    if (rest.starts_with(":-")) return rest.substr(2);
    if (rest.starts_with("-")) return rest.substr(1);
    return "";
  }
  if (text.starts_with("$") && text.find_first_of(" /:@") == std::string_view::npos) return "";
  return text;
}

bool Placeholder(std::string_view v) {
  if (v.empty()) return true;
  if (v.starts_with("<") && v.ends_with(">")) return true;
  return std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; }) &&
         (v[0] == '*' || v[0] == 'x' || v[0] == 'X' || v[0] == '.');
}

}  // namespace

void CheckHardcodedSecret(const RuleContext& ctx, Reporter& out) {
  for (const ir::Service& s : ctx.project.services) {
    for (const ir::KeyValue& kv : s.environment) {
      if (!kv.value || !CredentialKey(kv.key)) continue;
      const ir::Span span = ValueSpan(ctx.sm, kv);
      // No value written in the file (`- KEY`, `KEY:`): the environment passes it through.
      if (!span.valid() || span == kv.span) continue;
      const std::string_view written = WrittenLiteral(ctx.sm.Text(span));
      if (Placeholder(written)) continue;
      ir::Diagnostic& d = out.Report(
          span, fmt::format("service '{}' sets '{}' to a literal secret", s.name.value, kv.key));
      d.secret = true;
    }
  }
}

}  // namespace stackc::policies
