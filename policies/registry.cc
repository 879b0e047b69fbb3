// The catalogue: rules.def as a table, in code order.
#include <algorithm>
#include <span>
#include <string_view>
#include <utility>

#include "policies/rule.h"
#include "policies/rules.h"

namespace stackc::policies {

const std::vector<RuleInfo>& AllRules() {
  static const std::vector<RuleInfo> kRules = [] {
    std::vector<RuleInfo> rules = {
#define RULE(code, name, severity, enabled, kind, check, doc)                                    \
  {#code,    name, ir::Severity::severity, Enabled::enabled, RuleKind::kind == RuleKind::kGraph, \
   &(check), doc},
#include "policies/rules.def"
#undef RULE
    };
    const std::pair<std::string_view, std::span<const RuleOption>> options[] = {
#define OPTIONS(code, options) {#code, options},
#include "policies/rule_options.def"
#undef OPTIONS
    };
    for (RuleInfo& rule : rules) {
      for (const auto& [code, list] : options) {
        if (rule.code == code) rule.options = list;
      }
    }
    std::sort(rules.begin(), rules.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.code < b.code; });
    return rules;
  }();
  return kRules;
}

const RuleInfo* FindRule(std::string_view code) {
  for (const RuleInfo& r : AllRules()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

}  // namespace stackc::policies
