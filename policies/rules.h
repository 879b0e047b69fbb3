// The rule functions and docs of rules.def, declared once for the registry and the rule files.
#pragma once

#include <span>
#include <string_view>

#include "policies/rule.h"

namespace stackc::policies {

#define RULE(code, name, severity, enabled, kind, check, doc) \
  void check(const RuleContext& ctx, Reporter& out);          \
  extern const std::string_view doc;
#include "policies/rules.def"
#undef RULE

#define OPTIONS(code, options) extern const std::span<const RuleOption> options;
#include "policies/rule_options.def"
#undef OPTIONS

}  // namespace stackc::policies
