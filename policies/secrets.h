// Secrets written into a project: how the SECRET rules decide.
//
// A credential-shaped key (PASSWORD, TOKEN, API_KEY...) with a value written in the file is a
// secret unless the value is a reference (`${VAR}`), a placeholder or a path under /run/secrets/.
// Known token formats are secrets wherever they are written (an environment value under any key, a
// build argument, a label, a command, an env file), matched with RE2 (linear time, no
// backtracking on hostile input):
//
//   AWS access key ids (AKIA...), GitHub tokens (ghp_..., github_pat_...), GitLab tokens (glpat-),
//   Slack tokens (xoxb-...), private key blocks (-----BEGIN ... PRIVATE KEY-----), JSON web tokens
//   (eyJ....eyJ....sig), and passwords in URLs (scheme://user:password@host).
//
// Example:
//   const std::optional<SecretMatch> m = FindSecret("postgres://app:Passw0rd-example@db/app");
//   m->kind    // "a password in a URL"
//   m->begin   // 15: "Passw0rd-example" starts there (only the secret part is marked)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policies/rule.h"

namespace stackc::policies {

// Whether an environment, build argument or label key names a credential.
bool CredentialKey(std::string key);

// The entries (environment, build args, labels) whose credential-shaped key has a literal value
// written in the file: the value's span and the key, per service.
struct CredentialLiteral {
  const ir::Service* service;
  std::string_view where;  // "environment", "build args", "labels"
  const ir::KeyValue* entry;
  ir::Span value;
};
std::vector<CredentialLiteral> CredentialLiterals(const RuleContext& ctx);

// Secrets passed on a command line written in the file: `--db-password=VALUE`, `--token VALUE`,
// `--requirepass VALUE` (redis), mysql's `-pVALUE`, in a service's command, entrypoint or
// healthcheck test. Only values whose bytes are written in the file count: a value interpolated
// from `${VAR}`, or left for the container's shell (`$$VAR`), is not a literal.
struct FlagLiteral {
  const ir::Service* service;
  std::string_view where;  // "command", "entrypoint", "healthcheck"
  std::string flag;        // "--db-password"
  ir::Span value;
};
std::vector<FlagLiteral> FlagLiterals(const RuleContext& ctx);

// What the file says a value is: "" for a pure reference (`${VAR}`), the default of
// `${VAR:-default}`, else the text itself (less its quotes).
std::string_view WrittenLiteral(std::string_view text);

struct SecretMatch {
  std::string_view kind;  // "a GitHub token"
  size_t begin = 0;       // the secret's bytes in the text searched
  size_t end = 0;
};

// The earliest secret in `text`, if any.
std::optional<SecretMatch> FindSecret(std::string_view text);

// Whether a value looks like a random key: at least 24 characters of a base64 or hex alphabet,
// upper and lower case letters and digits mixed, and a Shannon entropy of at least 4 bits per
// character. Paths, URLs, words and version strings do not qualify.
bool HighEntropy(std::string_view value);

}  // namespace stackc::policies
