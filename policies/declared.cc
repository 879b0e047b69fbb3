#include "policies/declared.h"

#include <fmt/format.h>

namespace stackc::policies {
namespace {

class Parser {
 public:
  Parser(const ir::Project& project, std::vector<ir::Diagnostic>* problems)
      : project_(project), problems_(problems) {}

  void Problem(ir::Span span, std::string message) {
    ir::Diagnostic d;
    d.code = "POL000";
    d.severity = ir::Severity::kError;
    d.span = span;
    d.message = std::move(message);
    problems_->push_back(std::move(d));
  }

  // A service name or a list of them; each must be a service of the project.
  std::vector<std::string> Services(const ir::Value& v, std::string_view what) {
    std::vector<std::string> out;
    std::vector<const ir::Value*> items;
    if (v.is_list()) {
      for (const ir::Value& i : v.items) items.push_back(&i);
    } else {
      items.push_back(&v);
    }
    for (const ir::Value* i : items) {
      if (i->kind != ir::Value::Kind::kString) {
        Problem(i->span, fmt::format("policy '{}' must be a service name or a list of them", what));
        continue;
      }
      if (project_.FindService(i->text) == nullptr) {
        Problem(i->span,
                fmt::format("policy names '{}', which is not a service of the project", i->text));
        continue;
      }
      out.push_back(i->text);
    }
    return out;
  }

  void Reachability(const ir::Value& list, DeclaredPolicies* out) {
    if (!list.is_list()) {
      Problem(list.span, "policies.reachability must be a list");
      return;
    }
    for (const ir::Value& entry : list.items) {
      const ir::Value* deny = entry.Find("deny");
      if (deny == nullptr || !deny->is_map() || entry.entries.size() != 1) {
        Problem(entry.span, "a reachability policy must be `deny: {from: ..., to: ...}`");
        continue;
      }
      DenyPolicy d;
      d.span = entry.span;
      for (const ir::ValueEntry& e : deny->entries) {
        if (e.key == "from") {
          d.from = Services(e.value, "from");
        } else if (e.key == "to") {
          d.to = Services(e.value, "to");
        } else if (e.key == "transitive") {
          d.transitive = e.value.kind == ir::Value::Kind::kBool && e.value.text == "true";
        } else {
          Problem(e.value.span, fmt::format("unknown key '{}' in a deny policy", e.key));
        }
      }
      if (!deny->Find("from") || !deny->Find("to")) {
        Problem(entry.span, "a deny policy needs `from` and `to`");
        continue;
      }
      out->denies.push_back(std::move(d));
    }
  }

  void Egress(const ir::Value& block, DeclaredPolicies* out) {
    const ir::Value* allow = block.Find("allow");
    if (!block.is_map() || allow == nullptr || block.entries.size() != 1) {
      Problem(block.span, "policies.egress must be `{allow: [service, ...]}`");
      return;
    }
    out->egress = EgressPolicy{Services(*allow, "allow"), block.span};
  }

 private:
  const ir::Project& project_;
  std::vector<ir::Diagnostic>* problems_;
};

}  // namespace

DeclaredPolicies ParseDeclaredPolicies(const ir::Project& project,
                                       std::vector<ir::Diagnostic>* problems) {
  DeclaredPolicies out;
  Parser parser(project, problems);
  for (const ir::ValueEntry& ext : project.extensions) {
    if (ext.key != "x-stackc") continue;
    const ir::Value* policies = ext.value.Find("policies");
    if (policies == nullptr) continue;
    if (!policies->is_map()) {
      parser.Problem(policies->span, "x-stackc.policies must be a mapping");
      continue;
    }
    for (const ir::ValueEntry& e : policies->entries) {
      if (e.key == "reachability") {
        parser.Reachability(e.value, &out);
      } else if (e.key == "egress") {
        parser.Egress(e.value, &out);
      } else {
        parser.Problem(e.value.span, fmt::format("unknown policy kind '{}' (known: reachability, "
                                                 "egress)",
                                                 e.key));
      }
    }
  }
  return out;
}

}  // namespace stackc::policies
