#include "policies/lint.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "passes/secrets.h"
#include "policies/file_syntax.h"
#include "policies/fix.h"
#include "policies/rule.h"

namespace stackc::policies {

bool Selected(std::string_view code, const LintOptions& options) {
  auto matches = [&](const std::vector<std::string>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& p) { return p == "ALL" || code.starts_with(p); });
  };
  if (matches(options.ignore)) return false;
  if (!options.select.empty()) return matches(options.select);
  const RuleInfo* rule = FindRule(code);
  return (rule != nullptr && rule->enabled == Enabled::kByDefault) ||
         matches(options.extend_select);
}

std::vector<ir::Diagnostic> Lint(const ir::Project& project, const ir::SourceManager& sm,
                                 const LintOptions& options,
                                 std::vector<SuppressedFinding>* suppressed) {
  std::vector<ir::Diagnostic> findings;
  RuleContext ctx(project, sm, options.policies, &options.rule_options);
  for (const RuleInfo& rule : AllRules()) {
    if (!Selected(rule.code, options)) continue;
    if (options.secret_findings != nullptr && std::string_view(rule.code).starts_with("SECRET")) {
      for (const ir::Diagnostic& d : *options.secret_findings) {
        if (d.code == rule.code) findings.push_back(d);
      }
      continue;
    }
    Reporter reporter(rule.code, rule.severity, &findings);
    rule.check(ctx, reporter);
  }
  // The YAML files of the project: the compose files and what they include or extend.
  std::vector<FileSyntax> files;
  for (ir::FileId f = 0; f < sm.size(); ++f) {
    const std::string_view path = sm.path(f);
    const bool listed = std::find(project.config_files.begin(), project.config_files.end(), path) !=
                        project.config_files.end();
    const bool config = path.ends_with("/.stackc.yaml") || path.ends_with("/.stackc.yml");
    if (!config && (listed || path.ends_with(".yaml") || path.ends_with(".yml"))) {
      const frontend::YamlTrivia* seen = nullptr;
      if (options.trivia != nullptr) {
        for (const frontend::YamlTrivia& t : *options.trivia) {
          if (t.file == f) seen = &t;
        }
      }
      files.push_back(seen != nullptr ? FileSyntax{f, seen->comments, seen->aliased}
                                      : ParseFileSyntax(sm, f));
    }
  }
  // Every secret in the files, whichever rules are selected, so that no finding's code frame or
  // fingerprint shows one.
  const std::vector<ir::Span> secrets = options.secrets != nullptr ? *options.secrets
                                        : options.secret_findings != nullptr
                                            ? SecretValues(*options.secret_findings)
                                            : SecretValues(project, sm);
  findings = ApplySuppressions(sm, files, std::move(findings), options, suppressed);
  // A suppression in a service that a profile set aside suppresses findings this run did not
  // look for: it is not unused.
  std::erase_if(findings, [&](const ir::Diagnostic& d) {
    return d.code == "SUP001" &&
           std::any_of(project.disabled_services.begin(), project.disabled_services.end(),
                       [&](const ir::Service& s) {
                         return s.span.file == d.span.file && s.span.begin <= d.span.begin &&
                                d.span.begin < s.span.end;
                       });
  });
  VetFixes(sm, files, &findings);
  MaskSecrets(sm, secrets, &findings);
  for (ir::Diagnostic& d : findings) {  // `.stackc.yaml` severities win over the rules' own
    if (const auto it = options.severity.find(d.code); it != options.severity.end()) {
      d.severity = it->second;
    }
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const ir::Diagnostic& a, const ir::Diagnostic& b) {
                     return std::tie(a.span.file, a.span.begin, a.code) <
                            std::tie(b.span.file, b.span.begin, b.code);
                   });
  return findings;
}

std::vector<ir::Diagnostic> SecretFindings(const ir::Project& project,
                                           const ir::SourceManager& sm) {
  const RuleContext ctx(project, sm);
  std::vector<ir::Diagnostic> found;
  for (const RuleInfo& rule : AllRules()) {
    if (!std::string_view(rule.code).starts_with("SECRET")) continue;
    Reporter reporter(rule.code, rule.severity, &found);
    rule.check(ctx, reporter);
  }
  return found;
}

namespace {

std::vector<ir::Span> SortedUnique(std::vector<ir::Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const ir::Span& a, const ir::Span& b) {
    return std::tie(a.file, a.begin, a.end) < std::tie(b.file, b.begin, b.end);
  });
  spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  return spans;
}

}  // namespace

std::vector<ir::Span> SecretValues(const ir::Project& project, const ir::SourceManager& sm) {
  std::vector<ir::Span> secrets;
  for (const passes::Secret& s : passes::ComputeSecrets(project, sm)) secrets.push_back(s.span);
  return SortedUnique(std::move(secrets));
}

std::vector<ir::Span> SecretValues(const std::vector<ir::Diagnostic>& secret_findings) {
  std::vector<ir::Span> secrets;
  for (const ir::Diagnostic& d : secret_findings) {
    if (d.secret) secrets.push_back(d.span);
  }
  return SortedUnique(std::move(secrets));
}

void MaskSecrets(const ir::SourceManager& sm, const std::vector<ir::Span>& secrets,
                 std::vector<ir::Diagnostic>* diagnostics) {
  if (secrets.empty()) return;
  // The secrets by line, so that each diagnostic finds those on its own line at once.
  std::map<std::pair<ir::FileId, uint32_t>, std::vector<ir::Span>> secrets_by_line;
  for (const ir::Span& secret : secrets) {  // a block scalar's on each of its lines
    const uint32_t last = sm.Position(secret.file, secret.end).line;
    for (uint32_t line = sm.Position(secret).line; line <= last; ++line) {
      secrets_by_line[{secret.file, line}].push_back(secret);
    }
  }
  for (ir::Diagnostic& d : *diagnostics) {
    if (!d.span.valid()) continue;
    const auto it = secrets_by_line.find({d.span.file, sm.Position(d.span).line});
    if (it == secrets_by_line.end()) continue;
    for (const ir::Span& secret : it->second) {
      if (!d.secret || secret != d.span) d.masks.push_back(secret);
    }
  }
}

}  // namespace stackc::policies
