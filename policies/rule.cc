#include "policies/rule.h"

#include <algorithm>
#include <cassert>

namespace stackc::policies {

const passes::ReachQuery& RuleContext::reachability() const {
  if (!reachability_) reachability_.emplace(project);
  return *reachability_;
}

const std::vector<passes::EgressRoute>& RuleContext::egress() const {
  if (!egress_) egress_ = passes::ComputeEgress(project);
  return *egress_;
}

const passes::Exposure& RuleContext::exposure() const {
  if (!exposure_) exposure_ = passes::ComputeExposure(project);
  return *exposure_;
}

const std::vector<passes::Secret>& RuleContext::secrets() const {
  if (!secrets_) secrets_ = passes::ComputeSecrets(project, sm);
  return *secrets_;
}

const DeclaredPolicies& RuleContext::declared() const {
  if (!declared_) declared_ = ParseDeclaredPolicies(project, config_policies_, &policy_problems_);
  return *declared_;
}

const std::vector<ir::Diagnostic>& RuleContext::policy_problems() const {
  declared();
  return policy_problems_;
}

namespace {

[[maybe_unused]] bool Declares(std::string_view code, std::string_view name) {
  const RuleInfo* rule = FindRule(code);
  if (rule == nullptr) return false;
  return std::any_of(rule->options.begin(), rule->options.end(),
                     [name](const RuleOption& o) { return o.name == name; });
}

}  // namespace

std::span<const std::string> RuleContext::Option(std::string_view code,
                                                 std::string_view name) const {
  // A rule reads only the options rule_options.def declares for it: a misspelt name would
  // otherwise read nothing, silently, whatever the configuration says. The Debug builds (the
  // sanitizer build runs every rule on the corpus) stop on it.
  assert(Declares(code, name) && "a rule reads an option rule_options.def does not declare");
  if (rule_options_ == nullptr) return {};
  const auto rule = rule_options_->find(code);
  if (rule == rule_options_->end()) return {};
  const auto option = rule->second.find(name);
  if (option == rule->second.end()) return {};
  return option->second;
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

namespace {

struct Line {
  uint32_t begin = 0, end = 0;  // [begin, end), without the newline
  uint32_t indent = 0;
  bool blank = false;    // nothing but blanks
  bool comment = false;  // nothing but a comment
};

Line LineAt(std::string_view text, uint32_t begin) {
  Line l;
  l.begin = begin;
  uint32_t i = begin;
  while (i < text.size() && text[i] != '\n') ++i;
  l.end = i;
  uint32_t j = begin;
  while (j < l.end && (text[j] == ' ' || text[j] == '\t')) ++j;
  l.indent = j - begin;
  l.blank = j == l.end || (j + 1 == l.end && text[j] == '\r');
  l.comment = !l.blank && text[j] == '#';
  return l;
}

}  // namespace

std::optional<ir::Fix> DeleteEntry(const ir::SourceManager& sm, ir::Span key, std::string title) {
  const std::string_view text = sm.text(key.file);
  uint32_t begin = key.begin;
  while (begin > 0 && text[begin - 1] == ' ') --begin;
  if (begin != 0 && text[begin - 1] != '\n') return std::nullopt;  // flow style, or `- key:`
  const uint32_t indent = key.begin - begin;
  if (indent == 0) return std::nullopt;  // a top-level key is not an entry of a section
  // The entry: its line and the deeper lines after it.
  Line line = LineAt(text, begin);
  uint32_t end = std::min<uint32_t>(line.end + 1, static_cast<uint32_t>(text.size()));
  uint32_t at = end;
  while (at < text.size()) {
    line = LineAt(text, at);
    if (!line.blank && line.indent <= indent) {
      // A closing bracket at the entry's own indentation ends a multi-line flow value: the
      // indentation does not say where the entry ends, so no fix.
      const char first = text[line.begin + line.indent];
      if (first == '}' || first == ']') return std::nullopt;
      break;
    }
    if (!line.blank) end = std::min<uint32_t>(line.end + 1, static_cast<uint32_t>(text.size()));
    at = line.end + 1;
  }
  // The next significant line: a sibling keeps the section; anything shallower ends it.
  bool sibling_after = false;
  for (uint32_t next = end; next < text.size();) {
    const Line l = LineAt(text, next);
    if (!l.blank && !l.comment) {
      sibling_after = l.indent == indent;
      break;
    }
    next = l.end + 1;
  }
  // The previous significant line: the section header, or a sibling.
  bool sibling_before = true;
  uint32_t header = 0;
  for (uint32_t prev = begin; prev > 0;) {
    uint32_t b = prev - 1;  // the newline ending the previous line
    while (b > 0 && text[b - 1] != '\n') --b;
    const Line l = LineAt(text, b);
    prev = b;
    if (l.blank || l.comment) continue;
    sibling_before = l.indent >= indent;
    header = b;
    break;
  }
  if (!sibling_before && !sibling_after) {
    const Line h = LineAt(text, header);
    std::string_view head = text.substr(h.begin + h.indent, h.end - h.begin - h.indent);
    if (const size_t hash = head.find(" #"); hash != std::string_view::npos) {
      head = head.substr(0, hash);
    }
    while (!head.empty() && (head.back() == ' ' || head.back() == '\r')) head.remove_suffix(1);
    if (h.indent != 0 || !head.ends_with(':')) return std::nullopt;
    begin = header;
  }
  return ir::Fix{std::move(title), true, {ir::Edit{{key.file, begin, end}, ""}}};
}

ir::Fix QuoteFix(ir::Span span, std::string title, bool safe) {
  return ir::Fix{std::move(title),
                 safe,
                 {ir::Edit{{span.file, span.begin, span.begin}, "\""},
                  ir::Edit{{span.file, span.end, span.end}, "\""}}};
}

ir::Span LimitSpan(const ir::Service& s, ir::Span written) {
  return written.valid() ? written : s.name.span;
}

}  // namespace stackc::policies
