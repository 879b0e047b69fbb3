// The JSON report of `stackc lint --format json`: versioned, one object per finding, positions
// 1-based (columns in characters), sorted as Lint sorts them.
//
// Example:
//   {"version": 1, "findings": [{"code": "SECRET001", "name": "hardcoded-secret",
//     "severity": "error", "message": "...", "file": "compose.yaml", "line": 32, "column": 27,
//     "end_line": 32, "end_column": 33}], "counts": {"error": 1, "warning": 0, "note": 0}}
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/source.h"

namespace stackc::policies {

std::string RenderJson(const ir::SourceManager& sm, const std::vector<ir::Diagnostic>& findings);

const char* SeverityName(ir::Severity severity);

}  // namespace stackc::policies
