#include "policies/file_syntax.h"

namespace stackc::policies {

FileSyntax ParseFileSyntax(const ir::SourceManager& sm, ir::FileId file) {
  FileSyntax out;
  out.file = file;
  ir::DiagnosticSink ignored;  // the loader has reported the file's problems already
  frontend::ParseYaml(sm, file, ignored, {}, &out.comments, &out.aliased);
  return out;
}

}  // namespace stackc::policies
