// A secret or config of the project (`secrets.*`, `configs.*`) and a service's reference to one.
//
// The value of a secret is never held in the IR: only where it comes from (a file, an environment
// variable, inline content, or an external object).
//
// Example (secrets: {db_pass: {file: ./db_pass.txt}}, services.db.secrets: [db_pass]):
//   FileObject{.key = "db_pass", .file = "/abs/dir/db_pass.txt"}
//   FileReference{.source = "db_pass", .target = ""}   // mounted at /run/secrets/db_pass
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ir/source.h"
#include "ir/value.h"

namespace stackc::ir {

struct FileObject {
  std::string key;           // the name in the compose file
  std::string name;          // the resource name
  std::string file;          // absolute path, or empty
  std::string environment;   // the variable that holds the value, or empty
  bool has_content = false;  // `content:` given inline (the text itself is not kept)
  Span content_span;         // where the inline content is
  bool external = false;
  std::vector<KeyValue> labels;
  Span span;
};

struct FileReference {
  std::string source;  // the key of the secret or config
  std::string target;  // as written; empty: the default path
  std::string uid;
  std::string gid;
  std::optional<uint32_t> mode;
  Span span;
};

}  // namespace stackc::ir
