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
    for (const ir::Value* i : Items(v)) {
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
      if (const ir::Value* only = entry.Find("only");
          only != nullptr && only->is_map() && entry.entries.size() == 1) {
        Only(entry, *only, out);
        continue;
      }
      const ir::Value* deny = entry.Find("deny");
      if (deny == nullptr || !deny->is_map() || entry.entries.size() != 1) {
        Problem(entry.span,
                "a reachability policy must be `deny: {from: ..., to: ...}` or `only: {to: ..., "
                "from: [...]}`");
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

  void Only(const ir::Value& entry, const ir::Value& only, DeclaredPolicies* out) {
    OnlyPolicy o;
    o.span = entry.span;
    for (const ir::ValueEntry& e : only.entries) {
      if (e.key == "from") {
        o.from = Services(e.value, "from");
      } else if (e.key == "to") {
        o.to = Services(e.value, "to");
      } else {
        Problem(e.value.span, fmt::format("unknown key '{}' in an only policy", e.key));
      }
    }
    if (!only.Find("from") || !only.Find("to")) {
      Problem(entry.span, "an only policy needs `to` and `from`");
      return;
    }
    out->onlies.push_back(std::move(o));
  }

  void Publish(const ir::Value& block, DeclaredPolicies* out) {
    if (!block.is_map()) {
      Problem(block.span,
              "policies.publish must be `{allow: [service, ...], bind: [address, ...]}`");
      return;
    }
    PublishPolicy p;
    p.span = block.span;
    for (const ir::ValueEntry& e : block.entries) {
      if (e.key == "allow") {
        p.allow = Services(e.value, "allow");
      } else if (e.key == "bind") {
        const std::vector<const ir::Value*> items = Items(e.value);
        for (const ir::Value* i : items) {
          if (i->kind != ir::Value::Kind::kString || i->text.empty()) {
            Problem(i->span, "policy 'bind' must be a host address or a list of them");
            continue;
          }
          p.bind.push_back(i->text);
        }
      } else {
        Problem(e.value.span, fmt::format("unknown key '{}' in the publish policy", e.key));
      }
    }
    out->publish = std::move(p);
  }

  static std::vector<const ir::Value*> Items(const ir::Value& v) {
    std::vector<const ir::Value*> items;
    if (v.is_list()) {
      for (const ir::Value& i : v.items) items.push_back(&i);
    } else {
      items.push_back(&v);
    }
    return items;
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

DeclaredPolicies ParseDeclaredPolicies(const ir::Project& project, const ir::Value* config_policies,
                                       std::vector<ir::Diagnostic>* problems) {
  DeclaredPolicies out;
  Parser parser(project, problems);
  std::vector<const ir::Value*> blocks;
  for (const ir::ValueEntry& ext : project.extensions) {
    if (ext.key != "x-stackc") continue;
    if (const ir::Value* policies = ext.value.Find("policies")) blocks.push_back(policies);
  }
  if (config_policies != nullptr) blocks.push_back(config_policies);
  for (const ir::Value* policies : blocks) {
    if (!policies->is_map()) {
      parser.Problem(policies->span, "policies must be a mapping");
      continue;
    }
    for (const ir::ValueEntry& e : policies->entries) {
      if (e.key == "reachability") {
        parser.Reachability(e.value, &out);
      } else if (e.key == "egress") {
        parser.Egress(e.value, &out);
      } else if (e.key == "publish") {
        parser.Publish(e.value, &out);
      } else {
        parser.Problem(e.value.span, fmt::format("unknown policy kind '{}' (known: reachability, "
                                                 "egress, publish)",
                                                 e.key));
      }
    }
  }
  return out;
}

}  // namespace stackc::policies
