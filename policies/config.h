// `.stackc.yaml`: the linter's configuration, found by walking up from the project directory (or
// named with `stackc lint --config FILE`).
//
//   rules:
//     CTR006: on            # turn an opt-in rule on
//     IMG001: off           # turn a rule off
//     PORT001: error        # on, with this severity (error, warning, note)
//     CTR004:               # settings: a level (as above) and the rule's options
//       level: warning
//       options: {allow: [./config]}   # see `stackc explain CTR004`
//   ignore-paths:           # compose files not to lint (globs, relative to this file's directory)
//     - legacy/*.yml
//   baseline: .stackc-baseline.json   # findings recorded there do not fail the run
//   policies:               # as x-stackc.policies (declared.h); both apply
//     reachability:
//       - deny: {from: web, to: db}
//
// The JSON schema of the file is schema/stackc-config.schema.json. A problem in the file is an
// error located in it (the run exits 2): a configuration that silently does nothing is worse
// than none.
//
// Example:
//   const std::string path = FindConfig("/repo/app");   // "/repo/.stackc.yaml"
//   LintConfig config;
//   if (!ParseConfig(sm, sm.Add(path, text), &config, &sink)) return 2;
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/source.h"
#include "ir/value.h"
#include "policies/lint_options.h"

namespace stackc::policies {

struct LintConfig {
  std::string path;                  // the file read; empty: none
  std::vector<std::string> enable;   // codes or prefixes turned on
  std::vector<std::string> disable;  // codes or prefixes turned off
  std::map<std::string, ir::Severity, std::less<>> severity;
  std::vector<std::string> ignore_paths;  // globs, absolute (joined to the file's directory)
  std::string baseline;                   // absolute, or empty
  std::optional<ir::Value> policies;
  RuleOptionValues options;  // rule code -> option -> values (paths made absolute)

  // The options a run uses: the command line's `select` and `ignore` plus this file's settings.
  LintOptions Apply(LintOptions options) const;
  // Whether a compose file is excluded by `ignore-paths`.
  bool Ignored(const std::string& absolute_path) const;
};

// The nearest `.stackc.yaml` (or `.stackc.yml`) in `dir` or a parent directory; empty when none.
std::string FindConfig(const std::string& dir);

// Reads the configuration in `file` of `sm`; problems go to `sink` at their location.
bool ParseConfig(const ir::SourceManager& sm, ir::FileId file, LintConfig* out,
                 ir::DiagnosticSink* sink);

}  // namespace stackc::policies
