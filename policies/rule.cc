#include "policies/rule.h"

#include <algorithm>

namespace stackc::policies {

const passes::Reachability& RuleContext::reachability() const {
  if (!reachability_) reachability_ = passes::ComputeReachability(project);
  return *reachability_;
}

const std::vector<passes::EgressRoute>& RuleContext::egress() const {
  if (!egress_) egress_ = passes::ComputeEgress(project);
  return *egress_;
}

const DeclaredPolicies& RuleContext::declared() const {
  if (!declared_) declared_ = ParseDeclaredPolicies(project, config_policies_, &policy_problems_);
  return *declared_;
}

const std::vector<ir::Diagnostic>& RuleContext::policy_problems() const {
  declared();
  return policy_problems_;
}

ir::Diagnostic& Reporter::Report(ir::Span span, std::string message) {
  ir::Diagnostic d;
  d.code = std::string(code_);
  d.severity = severity_;
  d.message = std::move(message);
  d.span = span;
  out_->push_back(std::move(d));
  return out_->back();
}

ir::Span LimitSpan(const ir::Service& s, std::string_view key, std::string_view limit) {
  if (const ir::Value* v = s.raw.Find(key); v && v->span.valid()) return v->span;
  const ir::Value* deploy = s.raw.Find("deploy");
  const ir::Value* resources = deploy ? deploy->Find("resources") : nullptr;
  const ir::Value* limits = resources ? resources->Find("limits") : nullptr;
  if (const ir::Value* v = limits ? limits->Find(limit) : nullptr; v && v->span.valid()) {
    return v->span;
  }
  return s.name.span;
}

ir::Span ValueSpan(const ir::SourceManager& sm, const ir::KeyValue& kv) {
  if (!kv.span.valid()) return kv.span;
  const std::string_view text = sm.Text(kv.span);
  const std::string_view file = sm.text(kv.span.file);
  ir::Span out = kv.span;
  size_t skip = (text.starts_with('"') || text.starts_with('\'')) ? 1 : 0;
  if (text.substr(skip).starts_with(kv.key + "=")) {  // - KEY=value, - "KEY=value"
    out.begin += static_cast<uint32_t>(skip + kv.key.size() + 1);
    if (skip && out.end > out.begin) --out.end;
    return out;
  }
  // KEY: value; the value runs to the end of the line, less a comment and trailing blanks.
  size_t at = kv.span.end;
  if (at < file.size() && (file[at] == '"' || file[at] == '\'')) ++at;  // a quoted key
  while (at < file.size() && file[at] == ' ') ++at;
  if (at >= file.size() || file[at] != ':') return kv.span;
  ++at;
  while (at < file.size() && file[at] == ' ') ++at;
  size_t end = at;
  while (end < file.size() && file[end] != '\n' && file[end] != '\r') ++end;
  if (file[at] == '"' || file[at] == '\'') {
    // A quoted value ends at its closing quote (a " #" inside it is not a comment).
    const size_t close = file.substr(at + 1, end - at - 1).find(file[at]);
    if (close != std::string_view::npos) end = at + close + 2;
  } else if (const size_t hash = file.substr(at, end - at).find(" #");
             hash != std::string_view::npos) {
    end = at + hash;
  }
  while (end > at && (file[end - 1] == ' ' || file[end - 1] == '\t')) --end;
  if (end == at) return kv.span;
  out.begin = static_cast<uint32_t>(at);
  out.end = static_cast<uint32_t>(end);
  return out;
}

}  // namespace stackc::policies
