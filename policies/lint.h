// Linting: runs the selected rules over one project and returns their findings in file order.
//
// `select` and `ignore` take codes or code prefixes, as ruff does ("CTR" is every container rule,
// "CTR001" one rule); an empty `select` means every rule. Inline suppressions apply last
// (suppressions.h). Findings are sorted by file, position and code, so the output is the same on
// every run.
//
// Example:
//   const std::vector<ir::Diagnostic> findings = Lint(project, sm, LintOptions{.ignore = {"IMG"}});
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/project.h"
#include "ir/source.h"
#include "policies/lint_options.h"
#include "policies/suppressions.h"

namespace stackc::policies {

// Findings that inline suppressions silence go to `suppressed` (when given), with their reason.
std::vector<ir::Diagnostic> Lint(const ir::Project& project, const ir::SourceManager& sm,
                                 const LintOptions& options,
                                 std::vector<SuppressedFinding>* suppressed = nullptr);

// What the SECRET rules find in the project, whatever the selection: a lint given them
// (LintOptions::secret_findings) does not run those rules again.
std::vector<ir::Diagnostic> SecretFindings(const ir::Project& project, const ir::SourceManager& sm);

// The secret values written in the project's files, as the SECRET rules find them (whatever the
// selection): what no output but `config` may show.
std::vector<ir::Span> SecretValues(const std::vector<ir::Diagnostic>& secret_findings);
std::vector<ir::Span> SecretValues(const ir::Project& project, const ir::SourceManager& sm);

// Masks each secret in the code frames of the diagnostics whose line holds it (`masks`).
void MaskSecrets(const ir::SourceManager& sm, const std::vector<ir::Span>& secrets,
                 std::vector<ir::Diagnostic>* diagnostics);

}  // namespace stackc::policies
