// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers: the rule catalogue (with help,
// default level and `security-severity`) and one result per finding. Paths are relative to
// `root` when the file lies under it (`uriBaseId: %SRCROOT%`). Each result carries a fingerprint
// of its rule, file, message and the text of its line (not the line number), so it survives lines
// moving; equal ones are numbered in order.
//
// Example:
//   std::string sarif = RenderSarif({{&sm, findings}}, {.version = "0.4.0", .root = "/repo"});
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/source.h"
#include "policies/suppressions.h"

namespace stackc::policies {

struct ProjectFindings {
  const ir::SourceManager* sm;
  std::vector<ir::Diagnostic> findings;
  std::vector<SuppressedFinding> suppressed;  // shown with `suppressions` and their reason
};

struct SarifOptions {
  std::string version;  // stackc's
  std::string root;     // the directory paths are made relative to
};

std::string RenderSarif(const std::vector<ProjectFindings>& projects, const SarifOptions& options);

}  // namespace stackc::policies
