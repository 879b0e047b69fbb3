// What the linter needs from a YAML file beyond the project: its comments (suppressions live
// there) and the anchored nodes that aliases copy (a fix must not edit them). The loader records
// both while it parses (LoadedProject::trivia, handed to Lint in LintOptions::trivia); a file it
// did not parse is parsed here.
//
// Example:
//   const FileSyntax syntax = ParseFileSyntax(sm, file);
//   for (const frontend::Comment& c : syntax.comments) ...
#pragma once

#include <vector>

#include "frontend/yaml_tree.h"
#include "ir/source.h"

namespace stackc::policies {

struct FileSyntax {
  ir::FileId file = ir::kNoFile;
  std::vector<frontend::Comment> comments;
  std::vector<ir::Span> aliased;  // anchored nodes that an alias or a `<<` merge copies
};

FileSyntax ParseFileSyntax(const ir::SourceManager& sm, ir::FileId file);

}  // namespace stackc::policies
