// Which rules a lint run uses, and how it reports them.
//
// `select`, `ignore` and `extend_select` take codes or code prefixes, as ruff takes them ("CTR" is
// every container rule, "CTR001" one rule, "ALL" every rule). Without `select`, the rules that are
// on by default run, plus those `extend_select` names (`.stackc.yaml` turns opt-in rules on this
// way); `ignore` always wins.
//
// Example:
//   Selected("IMG001", LintOptions{.ignore = {"IMG"}})     // false
//   Selected("CTR006", LintOptions{})                      // false: opt-in
//   Selected("CTR006", LintOptions{.select = {"CTR"}})     // true
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/loader.h"
#include "ir/diagnostic.h"
#include "ir/value.h"

namespace stackc::policies {

// Rule options from `.stackc.yaml`: rule code -> option name -> its values.
using RuleOptionValues =
    std::map<std::string, std::map<std::string, std::vector<std::string>, std::less<>>,
             std::less<>>;

struct LintOptions {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> extend_select;
  std::map<std::string, ir::Severity, std::less<>> severity;  // per code, from `.stackc.yaml`
  const ir::Value* policies = nullptr;  // `.stackc.yaml`'s policies block (declared.h), if any
  RuleOptionValues rule_options;        // `.stackc.yaml`'s rule options
  // The comments and aliased anchors the loader saw (LoadedProject::trivia); files it does not
  // cover are parsed again.
  const std::vector<frontend::YamlTrivia>* trivia = nullptr;
  // The project's secret values (SecretValues), when the caller has them already.
  const std::vector<ir::Span>* secrets = nullptr;
  // What the SECRET rules find (SecretFindings), when the caller has it already: the selected
  // SECRET rules report these instead of running again.
  const std::vector<ir::Diagnostic>* secret_findings = nullptr;
};

// Whether `code` is chosen by the options (an unknown prefix chooses nothing).
bool Selected(std::string_view code, const LintOptions& options);

}  // namespace stackc::policies
