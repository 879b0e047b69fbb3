// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
// which the Actions runner shows as an annotation on the file and line.
//
// Example:
//   ::error file=compose.yaml,line=32,endLine=32,col=27,endColumn=33,title=SECRET001
//   hardcoded-secret::service 'db' sets ...
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/source.h"

namespace stackc::policies {

std::string RenderGithub(const ir::SourceManager& sm, const std::vector<ir::Diagnostic>& findings);

}  // namespace stackc::policies
