// The rule functions and docs of rules.def, declared once for the registry and the rule files.
#pragma once

#include <string_view>

#include "policies/rule.h"

namespace stackc::policies {

#define RULE(code, name, severity, enabled, kind, check, doc) \
  void check(const RuleContext& ctx, Reporter& out);          \
  extern const std::string_view doc;
#include "policies/rules.def"
#undef RULE

}  // namespace stackc::policies
