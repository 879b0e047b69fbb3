// Inline suppressions: comments that silence findings where the user decided to live with them.
//
//   image: nginx  # stackc: ignore[IMG001] the tag is pinned by the deploy job
//   # stackc: ignore[PORT001,PORT] public on purpose: this is the edge proxy
//   ports: ["80:80"]
//   # stackc: ignore-file[CTR004] bind mounts are how this dev stack works
//
// `ignore[...]` takes codes or code prefixes and applies to findings on its own line, or, when the
// comment stands alone on its line, on the next line; `ignore-file[...]` to the whole file. The
// text after `]` is the reason (SARIF shows it as the justification). A suppression that silences
// nothing is itself a finding (SUP001), so stale ones do not pile up.
//
// Example:
//   std::vector<SuppressedFinding> suppressed;
//   findings = ApplySuppressions(sm, files, std::move(findings), &suppressed);
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/source.h"
#include "policies/file_syntax.h"
#include "policies/lint_options.h"

namespace stackc::policies {

struct SuppressedFinding {
  ir::Diagnostic finding;
  std::string reason;
};

// Drops the findings that a suppression comment in `files` covers (into `suppressed`), and, when
// SUP001 is selected, adds an SUP001 finding for each suppression that covered nothing although a
// rule it names ran.
std::vector<ir::Diagnostic> ApplySuppressions(const ir::SourceManager& sm,
                                              const std::vector<FileSyntax>& files,
                                              std::vector<ir::Diagnostic> findings,
                                              const LintOptions& options,
                                              std::vector<SuppressedFinding>* suppressed);

}  // namespace stackc::policies
