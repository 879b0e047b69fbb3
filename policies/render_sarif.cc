#include "policies/render_sarif.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "policies/fingerprint.h"
#include "policies/render_json.h"
#include "policies/rule.h"

namespace stackc::policies {
namespace {

using nlohmann::ordered_json;

// The first paragraph of the doc's "What it does" section, on one line.
std::string Summary(std::string_view doc) {
  const std::string_view head = "## What it does\n";
  size_t at = doc.find(head);
  if (at == std::string_view::npos) return "";
  at += head.size();
  const size_t end = doc.find("\n\n", at);
  std::string out(doc.substr(at, end == std::string_view::npos ? end : end - at));
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

const char* SecuritySeverity(ir::Severity s) {
  return s == ir::Severity::kError ? "8.0" : s == ir::Severity::kWarning ? "5.0" : "2.0";
}

}  // namespace

std::string RenderSarif(const std::vector<ProjectFindings>& projects, const SarifOptions& options) {
  ordered_json rules = ordered_json::array();
  std::map<std::string_view, size_t> index;
  for (const RuleInfo& r : AllRules()) {
    index[r.code] = rules.size();
    ordered_json tags = {"security"};
    if (r.graph) tags.push_back("reachability");
    rules.push_back({{"id", r.code},
                     {"name", r.name},
                     {"shortDescription", {{"text", Summary(r.doc)}}},
                     {"fullDescription", {{"text", Summary(r.doc)}}},
                     {"help", {{"text", r.doc}, {"markdown", r.doc}}},
                     {"defaultConfiguration", {{"level", SeverityName(r.severity)}}},
                     {"properties",
                      {{"tags", tags},
                       {"precision", "high"},
                       {"security-severity", SecuritySeverity(r.severity)}}}});
  }
  ordered_json results = ordered_json::array();
  Fingerprinter fingerprints(options.root);
  for (const ProjectFindings& p : projects) {
    std::vector<std::pair<const ir::Diagnostic*, const std::string*>> all;
    for (const ir::Diagnostic& d : p.findings) all.emplace_back(&d, nullptr);
    for (const SuppressedFinding& s : p.suppressed) all.emplace_back(&s.finding, &s.reason);
    for (const auto& [finding, reason] : all) {
      const ir::Diagnostic& d = *finding;
      ordered_json result = {{"ruleId", d.code}};
      if (auto it = index.find(d.code); it != index.end()) result["ruleIndex"] = it->second;
      result["level"] = SeverityName(d.severity);
      result["message"] = {{"text", d.message}};
      if (d.span.valid()) {
        const ir::LineCol begin = p.sm->Position(d.span);
        const ir::LineCol end = p.sm->Position(d.span.file, d.span.end);
        bool relative = false;
        const std::string uri =
            ReportUri(std::string(p.sm->path(d.span.file)), options.root, &relative);
        ordered_json artifact = {{"uri", uri}};
        if (relative) artifact["uriBaseId"] = "%SRCROOT%";
        result["locations"] = {{{"physicalLocation",
                                 {{"artifactLocation", artifact},
                                  {"region",
                                   {{"startLine", begin.line},
                                    {"startColumn", begin.column},
                                    {"endLine", end.line},
                                    {"endColumn", std::max(end.column, begin.column + 1)}}}}}}};
        result["partialFingerprints"] = {{"stackc/v1", fingerprints.Next(*p.sm, d)}};
      }
      if (d.fix && d.span.valid()) {
        // Only safe fixes are offered: an unsafe one changes what runs and needs a human.
        ordered_json replacements = ordered_json::array();
        for (const ir::Edit& e : d.fix->edits) {
          const ir::LineCol b = p.sm->Position(e.span);
          const ir::LineCol en = p.sm->Position(e.span.file, e.span.end);
          replacements.push_back({{"deletedRegion",
                                   {{"startLine", b.line},
                                    {"startColumn", b.column},
                                    {"endLine", en.line},
                                    {"endColumn", en.column}}},
                                  {"insertedContent", {{"text", e.replacement}}}});
        }
        bool relative = false;
        const std::string uri =
            ReportUri(std::string(p.sm->path(d.span.file)), options.root, &relative);
        ordered_json artifact = {{"uri", uri}};
        if (relative) artifact["uriBaseId"] = "%SRCROOT%";
        if (d.fix->safe) {
          result["fixes"] = {
              {{"description", {{"text", d.fix->title}}},
               {"artifactChanges",
                {{{"artifactLocation", artifact}, {"replacements", replacements}}}}}};
        }
      }
      if (reason != nullptr) {
        result["suppressions"] = {{{"kind", "inSource"}, {"justification", *reason}}};
      }
      results.push_back(std::move(result));
    }
  }
  ordered_json run = {{"tool",
                       {{"driver",
                         {{"name", "stackc"},
                          {"version", options.version},
                          {"semanticVersion", options.version},
                          {"rules", rules}}}}},
                      {"results", results},
                      {"columnKind", "unicodeCodePoints"}};
  if (!options.root.empty()) {
    std::string root = std::filesystem::path(options.root).generic_string();
    if (!root.ends_with('/')) root += '/';
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + root}}}};
  }
  ordered_json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", {run}}};
  return out.dump(2) + "\n";
}

}  // namespace stackc::policies
