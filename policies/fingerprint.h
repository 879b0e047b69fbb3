// Fingerprints of findings: a hash that stays the same when the finding's line moves, so that
// SARIF consumers and baselines recognise a finding after unrelated edits.
//
// The hash covers the rule, the file (relative to the root when under it), the message and the
// text of the finding's line without its indentation, less any secret on it (a short password
// could be recovered from the hash). Equal hashes in one run get a running count: "hash:0",
// "hash:1".
//
// Example:
//   Fingerprinter f("/repo");
//   const std::string id = f.Next(sm, finding);   // "3f9a...:0"
#pragma once

#include <map>
#include <string>

#include "ir/diagnostic.h"
#include "ir/source.h"

namespace stackc::policies {

// The file's URI for reports: relative to `root` when under it (`*relative` set), else file://.
std::string ReportUri(const std::string& path, const std::string& root, bool* relative);

class Fingerprinter {
 public:
  explicit Fingerprinter(std::string root) : root_(std::move(root)) {}
  // Empty for a finding without a location.
  std::string Next(const ir::SourceManager& sm, const ir::Diagnostic& d);

 private:
  std::string root_;
  std::map<std::string, int> seen_;
};

}  // namespace stackc::policies
