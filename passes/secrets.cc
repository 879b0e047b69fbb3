#include "passes/secrets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "frontend/lazy_regex.h"
#include "frontend/shell_words.h"
#include "passes/value_span.h"

namespace stackc::passes {
namespace {

struct Format {
  std::string_view kind;
  std::string_view pattern;  // group 1 is the secret part
  // Every match contains one of these: a text without any is not searched with the pattern (a
  // substring search is many times faster than the automaton on a large file).
  std::array<std::string_view, 6> needles;
};

constexpr std::array<Format, 8> kFormats = {{
    {"an AWS access key id", R"(\b((?:AKIA|ASIA)[0-9A-Z]{16})\b)", {"AKIA", "ASIA"}},
    {"a GitHub token",
     R"(\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))",
     {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"}},
    {"a GitLab token", R"(\b(glpat-[A-Za-z0-9_\-]{20,}))", {"glpat-"}},
    {"a Slack token", R"(\b(xox[abposr]-[A-Za-z0-9\-]{10,}))", {"xox"}},
    {"a private key", R"((-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----))", {"-----BEGIN "}},
    {"a JSON web token",
     R"(\b(eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}))",
     {"eyJ"}},
    {"a Stripe secret key", R"(\b(sk_live_[A-Za-z0-9]{20,}))", {"sk_live_"}},
    // scheme://user:password@host: the password, unless it is a ${VAR} reference.
    {"a password in a URL",
     R"([A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@?#${}]*:([^/\s@?#${}][^/\s@?#]*)@)",
     {"://"}},
}};

// Format i's pattern, compiled when a text first holds one of its needles (most projects hold
// none, and compiling all eight up front was half of `stackc lint` on a small file). Built once
// and never freed; each LazyRegex compiles once and is immutable after (RE2 objects are safe to
// share between threads). Null if it does not compile.
const RE2* Compiled(size_t i) {
  static const auto* const kPatterns = [] {
    auto* out = new std::vector<std::unique_ptr<const frontend::LazyRegex>>();
    for (const Format& f : kFormats) {
      out->push_back(std::make_unique<const frontend::LazyRegex>(std::string(f.pattern)));
    }
    return out;
  }();
  return (*kPatterns)[i]->Get();
}

// A value that stands for a secret without being one: empty, `<...>`, `***`, or where a mounted
// secret is.
bool Placeholder(std::string_view v) {
  if (v.empty()) return true;
  if (v.starts_with("/run/secrets/")) return true;  // where a mounted secret is, not its value
  if (v.starts_with("<") && v.ends_with(">")) return true;
  return std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; }) &&
         (v[0] == '*' || v[0] == 'x' || v[0] == 'X' || v[0] == '.');
}

}  // namespace

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

std::string_view WrittenLiteral(std::string_view text) {
  if (text.starts_with('|') || text.starts_with('>')) {  // a block scalar: its lines, trimmed
    const size_t nl = text.find('\n');
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  }
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

namespace {

// Whether a command-line flag name (without its dashes) names a credential: as a key does
// (`db-password` reads as DB_PASSWORD), or as servers spell theirs (redis' `requirepass` and
// `masterauth`).
bool CredentialFlag(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '-', '_');
  return CredentialKey(key) || name == "requirepass" || name == "masterauth" || name == "pass";
}

std::string_view Program(std::string_view argv0) {
  const size_t slash = argv0.find_last_of('/');
  return slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
}

// mysql's clients take `-pPASSWORD` (a bare `-p` prompts).
bool MysqlClient(std::string_view argv0) {
  const std::string_view base = Program(argv0);
  return base == "mysql" || base == "mysqladmin" || base == "mysqldump" || base == "mariadb" ||
         base == "mariadb-admin" || base == "mariadb-dump";
}

struct FlagValue {
  std::string flag;
  std::string value;
  bool joined = false;  // written as one word: `--flag=value`, `-pvalue`
};

// The credential flags of one argv and their values.
std::vector<FlagValue> CredentialFlags(const std::vector<std::string>& argv) {
  std::vector<FlagValue> out;
  const bool mysql = !argv.empty() && MysqlClient(argv[0]);
  const bool sqlcmd = !argv.empty() && Program(argv[0]) == "sqlcmd";  // `-P PASSWORD`
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (sqlcmd && arg == "-P" && i + 1 < argv.size()) {
      out.push_back({arg, argv[i + 1]});
      ++i;
      continue;
    }
    if (mysql && arg.size() > 2 && arg.starts_with("-p") && arg[2] != '-') {
      out.push_back({"-p", arg.substr(2), true});
      continue;
    }
    if (!arg.starts_with("-")) continue;
    const size_t dashes = arg.starts_with("--") ? 2 : 1;
    const size_t eq = arg.find('=');
    const std::string_view name = std::string_view(arg).substr(
        dashes, eq == std::string::npos ? std::string::npos : eq - dashes);
    if (name.empty() || !CredentialFlag(name)) continue;
    if (eq != std::string::npos) {
      out.push_back({arg.substr(0, eq), arg.substr(eq + 1), true});
    } else if (i + 1 < argv.size() && !argv[i + 1].starts_with("-")) {
      out.push_back({arg, argv[i + 1]});
      ++i;
    }
  }
  return out;
}

// Whether an `environment` entry was read from an env file: written outside the service's own
// file, in a file that is not YAML.
bool FromEnvFile(const ir::SourceManager& sm, const ir::Service& s, const ir::KeyValue& kv) {
  if (kv.span.file == s.span.file) return false;
  const std::string_view path = sm.path(kv.span.file);
  return !path.ends_with(".yaml") && !path.ends_with(".yml");
}

SecretPlace EnvironmentPlace(const ir::SourceManager& sm, const ir::Service& s,
                             const ir::KeyValue& kv) {
  return FromEnvFile(sm, s, kv) ? SecretPlace::kEnvFile : SecretPlace::kEnvironment;
}

// Whether the text is `${VAR:-default}` (or `${VAR-default}`), quoted or not: the whole value is
// one reference whose default holds the secret.
bool Defaulted(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  if (!text.starts_with("${") || !text.ends_with("}")) return false;
  const std::string_view inner = text.substr(2, text.size() - 3);
  const size_t op = inner.find_first_of(":-?+");
  return op != std::string_view::npos &&
         (inner.substr(op).starts_with(":-") || inner.substr(op).starts_with("-"));
}

// A secret in the value of an environment, build args or labels entry.
Secret EntrySecret(SecretKind kind, const ir::SourceManager& sm, const ir::Service& s,
                   SecretPlace place, const ir::KeyValue& kv, ir::Span span) {
  if (place == SecretPlace::kEnvironment) place = EnvironmentPlace(sm, s, kv);
  return {kind, span, &s, place, &kv, kv.key, {}, Defaulted(sm.Text(span))};
}

// The entries (environment, build args, labels) whose credential-shaped key has a literal value
// written in the file.
void CredentialLiterals(const ir::Project& project, const ir::SourceManager& sm,
                        std::vector<Secret>* out) {
  for (const ir::Service& s : project.services) {
    auto scan = [&](SecretPlace place, const std::vector<ir::KeyValue>& entries) {
      for (const ir::KeyValue& kv : entries) {
        if (!kv.value || !CredentialKey(kv.key)) continue;
        const ir::Span span = ValueSpan(sm, kv);
        // No value written in the file (`- KEY`, `KEY:`): the environment passes it through.
        if (!span.valid() || span == kv.span) continue;
        const std::string_view text = sm.Text(span);
        if (Placeholder(WrittenLiteral(text))) continue;
        out->push_back(EntrySecret(SecretKind::kCredential, sm, s, place, kv, span));
      }
    };
    scan(SecretPlace::kEnvironment, s.environment);
    if (s.build) scan(SecretPlace::kBuildArgs, s.build->args);
    scan(SecretPlace::kLabels, s.labels);
  }
}

// Secrets passed on a command line written in the file, in a service's command, entrypoint or
// healthcheck test. Only values whose bytes are written in the file count: a value interpolated
// from `${VAR}`, or left for the container's shell (`$$VAR`), is not a literal.
void FlagLiterals(const ir::Project& project, const ir::SourceManager& sm,
                  std::vector<Secret>* out) {
  for (const ir::Service& s : project.services) {
    auto scan = [&](SecretPlace place, const std::vector<std::string>& argv, ir::Span span) {
      if (!span.valid()) return;
      const std::string_view text = sm.Text(span);
      size_t from = 0;  // values are searched in order, each after the previous one
      for (const FlagValue& f : CredentialFlags(argv)) {
        if (Placeholder(WrittenLiteral(f.value)) || f.value.starts_with("$")) continue;
        size_t at = std::string_view::npos;
        if (f.joined) {
          const std::string word = f.flag + (f.flag == "-p" ? "" : "=") + f.value;
          const size_t word_at = text.find(word, from);
          if (word_at != std::string_view::npos) at = word_at + word.size() - f.value.size();
        } else if (const size_t flag_at = text.find(f.flag, from);
                   flag_at != std::string_view::npos) {
          at = text.find(f.value, flag_at + f.flag.size());
        }
        if (at == std::string_view::npos) continue;  // not written as such (interpolated)
        from = at + f.value.size();
        const ir::Span value{span.file, span.begin + static_cast<uint32_t>(at),
                             span.begin + static_cast<uint32_t>(from)};
        out->push_back({SecretKind::kCredential, value, &s, place, nullptr, f.flag, {}, false});
      }
    };
    if (s.command) scan(SecretPlace::kCommand, s.command->value, s.command->span);
    if (s.entrypoint) scan(SecretPlace::kEntrypoint, s.entrypoint->value, s.entrypoint->span);
    if (s.healthcheck && !s.healthcheck->test.empty()) {
      const std::vector<std::string>& test = s.healthcheck->test;
      if (test[0] == "CMD-SHELL" && test.size() == 2) {
        scan(SecretPlace::kHealthcheck, frontend::SplitShellWords(test[1]).words,
             s.healthcheck->span);
      } else if (test[0] == "CMD") {
        scan(SecretPlace::kHealthcheck, std::vector<std::string>(test.begin() + 1, test.end()),
             s.healthcheck->span);
      }
    }
  }
}

bool Within(const ir::Span& inner, const ir::Span& outer) {
  return inner.file == outer.file && outer.begin <= inner.begin && inner.end <= outer.end;
}

// The tokens of a known format in every file but `.stackc.yaml`, less those inside a credential
// value already found.
void Tokens(const ir::SourceManager& sm, size_t credentials, std::vector<Secret>* out) {
  for (ir::FileId f = 0; f < sm.size(); ++f) {
    const std::string_view path = sm.path(f);
    if (path.ends_with("/.stackc.yaml") || path.ends_with("/.stackc.yml")) continue;  // not ours
    const std::string_view text = sm.text(f);
    for (size_t at = 0; at < text.size();) {
      const std::optional<SecretMatch> m = FindSecret(text.substr(at));
      if (!m) break;
      const ir::Span span{f, static_cast<uint32_t>(at + m->begin),
                          static_cast<uint32_t>(at + m->end)};
      at += std::max<size_t>(m->end, 1);
      if (std::any_of(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(credentials),
                      [&](const Secret& c) { return Within(span, c.span); })) {
        continue;
      }
      out->push_back(
          {SecretKind::kToken, span, nullptr, SecretPlace::kFile, nullptr, {}, m->kind, false});
    }
  }
}

// Which service entry holds each token: the first (services by name) whose value contains it.
void PlaceTokens(const ir::Project& project, const ir::SourceManager& sm,
                 std::span<Secret> tokens) {
  if (tokens.empty()) return;
  for (const ir::Service& s : project.services) {
    auto hold = [&](ir::Span where, SecretPlace place, const ir::KeyValue* kv) {
      if (!where.valid()) return;
      for (Secret& t : tokens) {
        if (t.service != nullptr || !Within(t.span, where)) continue;
        t.service = &s;
        t.place = place;
        t.entry = kv;
        if (kv != nullptr) {
          t.key = kv->key;
          t.defaulted = Defaulted(sm.Text(where));
        }
      }
    };
    for (const ir::KeyValue& kv : s.environment) {
      hold(ValueSpan(sm, kv), EnvironmentPlace(sm, s, kv), &kv);
    }
    if (s.build) {
      for (const ir::KeyValue& kv : s.build->args) {
        hold(ValueSpan(sm, kv), SecretPlace::kBuildArgs, &kv);
      }
    }
    for (const ir::KeyValue& kv : s.labels) hold(ValueSpan(sm, kv), SecretPlace::kLabels, &kv);
    if (s.command) hold(s.command->span, SecretPlace::kCommand, nullptr);
    if (s.entrypoint) hold(s.entrypoint->span, SecretPlace::kEntrypoint, nullptr);
    if (s.healthcheck) hold(s.healthcheck->span, SecretPlace::kHealthcheck, nullptr);
  }
}

// Values that look like random keys under keys that do not say they are credentials, in
// `environment` and build args, holding no token of a known format.
void HighEntropyValues(const ir::Project& project, const ir::SourceManager& sm,
                       std::vector<Secret>* out) {
  for (const ir::Service& s : project.services) {
    auto scan = [&](SecretPlace place, const std::vector<ir::KeyValue>& entries) {
      for (const ir::KeyValue& kv : entries) {
        if (!kv.value || CredentialKey(kv.key)) continue;  // a credential
        const ir::Span span = ValueSpan(sm, kv);
        if (!span.valid() || span == kv.span) continue;
        const std::string_view text = sm.Text(span);
        if (!HighEntropy(WrittenLiteral(text))) continue;
        if (FindSecret(text)) continue;  // a token
        out->push_back(EntrySecret(SecretKind::kHighEntropy, sm, s, place, kv, span));
      }
    };
    scan(SecretPlace::kEnvironment, s.environment);
    if (s.build) scan(SecretPlace::kBuildArgs, s.build->args);
  }
}

}  // namespace

std::string_view SecretPlaceName(SecretPlace place) {
  switch (place) {
    case SecretPlace::kEnvironment:
      return "environment";
    case SecretPlace::kEnvFile:
      return "env file";
    case SecretPlace::kBuildArgs:
      return "build args";
    case SecretPlace::kLabels:
      return "labels";
    case SecretPlace::kCommand:
      return "command";
    case SecretPlace::kEntrypoint:
      return "entrypoint";
    case SecretPlace::kHealthcheck:
      return "healthcheck";
    case SecretPlace::kFile:
      return "file";
  }
  return "file";
}

std::vector<Secret> ComputeSecrets(const ir::Project& project, const ir::SourceManager& sm) {
  std::vector<Secret> out;
  CredentialLiterals(project, sm, &out);
  FlagLiterals(project, sm, &out);
  const size_t credentials = out.size();
  Tokens(sm, credentials, &out);
  PlaceTokens(project, sm, std::span<Secret>(out).subspan(credentials));
  HighEntropyValues(project, sm, &out);
  return out;
}

std::optional<SecretMatch> FindSecret(std::string_view text) {
  // The earliest match of any format, so that a scan from left to right misses none.
  std::optional<SecretMatch> first;
  for (size_t i = 0; i < kFormats.size(); ++i) {
    re2::StringPiece secret;
    const auto& needles = kFormats[i].needles;
    if (std::none_of(needles.begin(), needles.end(), [&](std::string_view n) {
          return !n.empty() && text.find(n) != std::string_view::npos;
        })) {
      continue;
    }
    const RE2* compiled = Compiled(i);
    if (compiled != nullptr &&
        RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *compiled, &secret)) {
      const size_t begin = static_cast<size_t>(secret.data() - text.data());
      if (!first || begin < first->begin) {
        first = SecretMatch{kFormats[i].kind, begin, begin + secret.size()};
      }
    }
  }
  return first;
}

bool HighEntropy(std::string_view value) {
  if (value.size() < 24 || value.size() > 512) return false;
  bool upper = false, lower = false, digit = false;
  std::array<int, 256> counts{};
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    const bool alnum = std::isalnum(u) != 0;
    if (!alnum && c != '+' && c != '/' && c != '=' && c != '_' && c != '-') return false;
    upper |= std::isupper(u) != 0;
    lower |= std::islower(u) != 0;
    digit |= std::isdigit(u) != 0;
    ++counts[u];
  }
  if (!(upper && lower && digit)) return false;
  if (value.find('/') != std::string_view::npos && value.front() == '/') return false;  // a path
  double entropy = 0;
  for (const int n : counts) {
    if (n == 0) continue;
    const double p = static_cast<double>(n) / static_cast<double>(value.size());
    entropy -= p * std::log2(p);
  }
  return entropy >= 4.0;
}

}  // namespace stackc::passes
