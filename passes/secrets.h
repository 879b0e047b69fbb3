// Secrets: the credentials written into a project's files, found once for the SECRET rules and
// for masking (no output shows a secret's bytes).
//
// Three kinds, each value found once:
//   - A credential-shaped key (PASSWORD, TOKEN, API_KEY...) with a value written in the file, in a
//     service's `environment` (and the env files it reads), build args or labels: a literal, or
//     the default of `${VAR:-default}`. Likewise a credential flag with its value on a command
//     line written in the file (`--db-password=VALUE`, `--token VALUE`, redis' `--requirepass`,
//     mysql's `-pVALUE`, sqlcmd's `-P VALUE`) in a `command`, `entrypoint` or healthcheck `test`.
//     A `${VAR}` reference, a `$$VAR` left for the container's shell, an empty value, a
//     placeholder (`<...>`, `***`), a path under /run/secrets/ and `*_FILE` keys are not secrets.
//   - A token of a known format wherever it is written in the project's files (compose files,
//     what they include or extend, env files; not `.stackc.yaml`), matched with RE2 (linear time,
//     no backtracking on hostile input), unless it lies in a credential value already found:
//     AWS access key ids (AKIA...), GitHub tokens (ghp_..., github_pat_...), GitLab tokens
//     (glpat-), Slack tokens (xoxb-...), Stripe secret keys, private key blocks (-----BEGIN ...
//     PRIVATE KEY-----), JSON web tokens (eyJ....eyJ....sig), and passwords in URLs
//     (scheme://user:password@host).
//   - A random-looking value (HighEntropy) under another key of `environment` or build args that
//     holds no token of a known format.
//
// Example (environment: {DB_PASSWORD: hunter2-example, DSN: "postgres://app:Pa55-example@db/app"}):
//   for (const Secret& s : ComputeSecrets(project, sm)) ...
//   // {kCredential, "hunter2-example"'s span, service, kEnvironment, key "DB_PASSWORD"}
//   // {kToken, "Pa55-example"'s span, service, kEnvironment, key "DSN",
//   //  format "a password in a URL"}
//   const std::optional<SecretMatch> m = FindSecret("postgres://app:Passw0rd-example@db/app");
//   m->kind    // "a password in a URL"
//   m->begin   // 15: "Passw0rd-example" starts there (only the secret part is marked)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/project.h"
#include "ir/source.h"

namespace stackc::passes {

enum class SecretKind : uint8_t {
  kCredential,   // a literal under a credential-shaped key or after a credential flag
  kToken,        // a known token format
  kHighEntropy,  // a random-looking value under another key
};

// Where a secret is written.
enum class SecretPlace : uint8_t {
  kEnvironment,  // a service's `environment`
  kEnvFile,      // an env file the service reads (`env_file`)
  kBuildArgs,
  kLabels,
  kCommand,
  kEntrypoint,
  kHealthcheck,
  kFile,  // elsewhere in a file (an extension, a comment): no service entry holds it
};

// "environment", "env file", "build args", "labels", "command", "entrypoint", "healthcheck",
// "file".
std::string_view SecretPlaceName(SecretPlace place);

struct Secret {
  SecretKind kind = SecretKind::kCredential;
  ir::Span span;                         // the secret's bytes (of a URL, only the password)
  const ir::Service* service = nullptr;  // null for a token no service entry holds
  SecretPlace place = SecretPlace::kFile;
  const ir::KeyValue* entry = nullptr;  // the environment, build args or labels entry, if any
  std::string key;                      // "DB_PASSWORD", or the flag: "--db-password"
  std::string_view format;              // kToken: "a GitHub token"
  bool defaulted = false;               // the default of `${VAR:-default}`
};

// Every secret of the project's enabled services and files: the credentials (services by name,
// then environment, build args and labels; then the command lines), the tokens (by file, then
// offset) and the random-looking values (services by name, then environment and build args).
std::vector<Secret> ComputeSecrets(const ir::Project& project, const ir::SourceManager& sm);

// Whether an environment, build argument or label key names a credential.
bool CredentialKey(std::string key);

// What the file says a value is: "" for a pure reference (`${VAR}`), the default of
// `${VAR:-default}`, else the text itself (less its quotes).
std::string_view WrittenLiteral(std::string_view text);

struct SecretMatch {
  std::string_view kind;  // "a GitHub token"
  size_t begin = 0;       // the secret's bytes in the text searched
  size_t end = 0;
};

// The earliest secret of a known format in `text`, if any.
std::optional<SecretMatch> FindSecret(std::string_view text);

// Whether a value looks like a random key: at least 24 characters of a base64 or hex alphabet,
// upper and lower case letters and digits mixed, and a Shannon entropy of at least 4 bits per
// character. Paths, URLs, words and version strings do not qualify.
bool HighEntropy(std::string_view value);

}  // namespace stackc::passes
