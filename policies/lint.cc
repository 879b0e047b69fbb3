#include "policies/lint.h"

#include <algorithm>
#include <tuple>

#include "policies/rule.h"

namespace stackc::policies {

bool Selected(std::string_view code, const LintOptions& options) {
  auto matches = [&](const std::vector<std::string>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& p) { return code.starts_with(p); });
  };
  if (!options.select.empty() && !matches(options.select)) return false;
  return !matches(options.ignore);
}

std::vector<ir::Diagnostic> Lint(const ir::Project& project, const ir::SourceManager& sm,
                                 const LintOptions& options) {
  std::vector<ir::Diagnostic> findings;
  RuleContext ctx(project, sm);
  for (const RuleInfo& rule : AllRules()) {
    if (!Selected(rule.code, options)) continue;
    Reporter reporter(rule.code, rule.severity, &findings);
    rule.check(ctx, reporter);
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const ir::Diagnostic& a, const ir::Diagnostic& b) {
                     return std::tie(a.span.file, a.span.begin, a.code) <
                            std::tie(b.span.file, b.span.begin, b.code);
                   });
  return findings;
}

}  // namespace stackc::policies
