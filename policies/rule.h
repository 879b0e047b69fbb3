// A lint rule: a function that looks at the project (and at the analyses it needs) and reports
// findings, each with the narrowest span it can. Rules are listed once, in rules.def (code, name,
// default severity, whether the rule needs a graph analysis, the function and its doc); the
// registry turns that table into the catalogue. A rule never throws and never prints.
//
// Example (policies/rules/privileged.cc):
//   void CheckPrivileged(const RuleContext& ctx, Reporter& out) {
//     for (const ir::Service& s : ctx.project.services) {
//       if (s.privileged.value) out.Report(s.privileged.span, fmt::format("service '{}' ...",
//       ...));
//     }
//   }
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/project.h"
#include "ir/source.h"
#include "passes/egress.h"
#include "passes/exposure.h"
#include "passes/reachability.h"
#include "passes/secrets.h"
#include "policies/declared.h"
#include "policies/lint_options.h"

namespace stackc::policies {

// What a rule sees: the project, its sources, and the analyses, each computed on first use.
class RuleContext {
 public:
  RuleContext(const ir::Project& project, const ir::SourceManager& sm,
              const ir::Value* config_policies = nullptr,
              const RuleOptionValues* rule_options = nullptr)
      : project(project), sm(sm), config_policies_(config_policies), rule_options_(rule_options) {}
  const ir::Project& project;
  const ir::SourceManager& sm;

  // The sparse reachability (one pair or one chain at a time: never the quadratic edge list).
  const passes::ReachQuery& reachability() const;
  const std::vector<passes::EgressRoute>& egress() const;
  // What is reachable from outside the host: published ports, host networking, shared namespaces.
  const passes::Exposure& exposure() const;
  // The secrets written in the project's files (credentials, known tokens, random-looking keys).
  const std::vector<passes::Secret>& secrets() const;
  // The declared policies (x-stackc and .stackc.yaml) and the problems found reading them.
  const DeclaredPolicies& declared() const;
  const std::vector<ir::Diagnostic>& policy_problems() const;

  // The values `.stackc.yaml` gives option `name` of rule `code` (`rules: {CODE: {options: ...}}`);
  // empty when it gives none. `name` must be one rule_options.def declares for `code` (asserted).
  std::span<const std::string> Option(std::string_view code, std::string_view name) const;

 private:
  const ir::Value* config_policies_;
  const RuleOptionValues* rule_options_;
  mutable std::optional<DeclaredPolicies> declared_;
  mutable std::vector<ir::Diagnostic> policy_problems_;
  mutable std::optional<passes::ReachQuery> reachability_;
  mutable std::optional<std::vector<passes::EgressRoute>> egress_;
  mutable std::optional<passes::Exposure> exposure_;
  mutable std::optional<std::vector<passes::Secret>> secrets_;
};

// Collects one rule's findings under its code and default severity.
class Reporter {
 public:
  Reporter(std::string_view code, ir::Severity severity, std::vector<ir::Diagnostic>* out)
      : code_(code), severity_(severity), out_(out) {}
  ir::Diagnostic& Report(ir::Span span, std::string message);

 private:
  std::string_view code_;
  ir::Severity severity_;
  std::vector<ir::Diagnostic>* out_;
};

using CheckFn = void (*)(const RuleContext&, Reporter&);

// Whether a rule runs unless chosen: opt-in rules (hardening advice that fires on most files) run
// only when `--select` or `.stackc.yaml` names them.
enum class Enabled : uint8_t { kByDefault, kOptIn };
// What a rule looks at: one service's fields, or a graph analysis (reachability, egress, exposure
// across services, dependencies).
enum class RuleKind : uint8_t { kField, kGraph };

// An option a rule takes in `.stackc.yaml`: a list of strings (shell globs), documented under
// `## Options` in the rule's doc.
struct RuleOption {
  std::string_view name;  // "allow"
  // Host paths: a relative one is joined to the configuration's directory (`~/...` stays as
  // written).
  bool paths = false;
};

struct RuleInfo {
  std::string_view code;  // stable: "CTR001"
  std::string_view name;  // "privileged"
  ir::Severity severity;  // the default
  Enabled enabled;
  bool graph;  // needs reachability, egress, exposure or dependencies
  CheckFn check;
  std::string_view doc;  // Markdown: What it does / Why is this bad / Example / Use instead / Fix
  std::span<const RuleOption> options = {};  // rule_options.def
};

// Every rule, in code order.
const std::vector<RuleInfo>& AllRules();
const RuleInfo* FindRule(std::string_view code);

// Deletes a block-style mapping entry whose key is `key`: its line and the deeper-indented lines
// below it (blank lines inside it too; a comment at the entry's own indentation or less belongs
// to what follows and stays). When it is the only entry under its section (`secrets:` at column
// 1), the section line goes too, so no `secrets:` with nothing under it is left. No fix for a key
// in flow style or with something before it on its line.
std::optional<ir::Fix> DeleteEntry(const ir::SourceManager& sm, ir::Span key, std::string title);

// Reports each top-level definition of `items` (networks, volumes, secrets or configs) that no
// service, enabled or set aside by a profile, uses according to `uses(service, key)`, with the
// safe fix that deletes it.
template <typename Items, typename Uses>
void ReportUnused(const RuleContext& ctx, Reporter& out, const Items& items, std::string_view kind,
                  Uses uses) {
  // `uses(service, add)` calls add(key) for each key the service uses, or add(key, where) with
  // where it is written: one pass over the services, not one per definition.
  std::set<std::string, std::less<>> used;
  // A use written with a variable (`${VOL:-data}:/data`) may name another definition when the
  // variable is set: deleting a definition is then not safe.
  bool interpolated = false;
  for (const std::vector<ir::Service>* list :
       {&ctx.project.services, &ctx.project.disabled_services}) {
    for (const ir::Service& s : *list) {
      uses(s, [&](std::string_view key, ir::Span where = {}) {
        used.emplace(key);
        if (where.valid() && ctx.sm.Text(where).find('$') != std::string_view::npos) {
          interpolated = true;
        }
      });
    }
  }
  for (const auto& item : items) {
    if (!item.span.valid()) continue;  // added by the loader (the default network)
    if (used.contains(item.key)) continue;
    ir::Diagnostic& d = out.Report(
        item.span, std::string(kind) + " '" + item.key + "' is defined but no service uses it");
    d.fix = DeleteEntry(ctx.sm, item.span, "delete the unused " + std::string(kind));
    if (d.fix && interpolated) d.fix->safe = false;
  }
}

// Calls fn(service, entries, what) for each map of text of each enabled service that Docker
// Compose prints with fmt.Sprint and gathers `x-` keys of: its labels, environment, sysctls and
// build args.
template <typename Fn>
void ForEachTextMap(const RuleContext& ctx, Fn fn) {
  for (const ir::Service& s : ctx.project.services) {
    fn(s, s.labels, std::string_view("label"));
    fn(s, s.environment, std::string_view("environment variable"));
    fn(s, s.sysctls, std::string_view("sysctl"));
    if (s.build) fn(s, s.build->args, std::string_view("build argument"));
  }
}

// The fix that wraps `span` in double quotes.
ir::Fix QuoteFix(ir::Span span, std::string title, bool safe);

// Where a resource limit was written (ir::Resources::memory_span, pids_span), else the service's
// name.
ir::Span LimitSpan(const ir::Service& s, ir::Span written);

}  // namespace stackc::policies
