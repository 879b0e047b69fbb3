// Fixes: which of the findings' fixes may be applied, and applying them to a file's text.
//
// A fix may only edit the file its finding is in, never an anchored node that an alias copies (the
// edit would change every user of the anchor), never inside a `${...}` expression, and its edits
// must not overlap. `VetFixes` drops the fixes that break these rules, so that no output offers
// them. `ApplyFixes` applies the safe fixes of one file (all with `unsafe`) in one pass; a fix that
// overlaps one applied before it waits: `stackc lint --fix` lints again and repeats until nothing
// changes, as ruff does.
//
// Example:
//   VetFixes(sm, syntax, &findings);
//   int applied = 0;
//   const std::string fixed = ApplyFixes(sm, file, findings, /*unsafe=*/false, &applied);
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/source.h"
#include "policies/file_syntax.h"

namespace stackc::policies {

void VetFixes(const ir::SourceManager& sm, const std::vector<FileSyntax>& files,
              std::vector<ir::Diagnostic>* findings);

// The text of `file` after the applicable fixes of `findings` in it (at most `limit` of them).
std::string ApplyFixes(const ir::SourceManager& sm, ir::FileId file,
                       const std::vector<ir::Diagnostic>& findings, bool unsafe, int* applied,
                       int limit = 1 << 30);

// Whether the finding has a fix that a run with `unsafe` (or without) would apply.
inline bool Fixable(const ir::Diagnostic& d, bool unsafe) {
  return d.fix.has_value() && (d.fix->safe || unsafe);
}

}  // namespace stackc::policies
