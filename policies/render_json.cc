#include "policies/render_json.h"

#include <nlohmann/json.hpp>

#include "policies/rule.h"

namespace stackc::policies {

const char* SeverityName(ir::Severity severity) {
  switch (severity) {
    case ir::Severity::kError:
      return "error";
    case ir::Severity::kWarning:
      return "warning";
    case ir::Severity::kNote:
      return "note";
  }
  return "error";
}

std::string RenderJson(const ir::SourceManager& sm, const std::vector<ir::Diagnostic>& findings) {
  nlohmann::ordered_json out;
  out["version"] = 1;
  out["findings"] = nlohmann::ordered_json::array();
  std::map<std::string, int> counts = {{"error", 0}, {"warning", 0}, {"note", 0}};
  for (const ir::Diagnostic& d : findings) {
    nlohmann::ordered_json f;
    f["code"] = d.code;
    const RuleInfo* rule = FindRule(d.code);
    f["name"] = rule ? std::string(rule->name) : "";
    f["severity"] = SeverityName(d.severity);
    f["message"] = d.message;
    if (d.span.valid()) {
      const ir::LineCol begin = sm.Position(d.span);
      const ir::LineCol end = sm.Position(d.span.file, d.span.end);
      f["file"] = std::string(sm.path(d.span.file));
      f["line"] = begin.line;
      f["column"] = begin.column;
      f["end_line"] = end.line;
      f["end_column"] = end.column;
    }
    if (d.fix) {
      nlohmann::ordered_json edits = nlohmann::ordered_json::array();
      for (const ir::Edit& e : d.fix->edits) {
        const ir::LineCol b = sm.Position(e.span);
        const ir::LineCol en = sm.Position(e.span.file, e.span.end);
        edits.push_back({{"line", b.line},
                         {"column", b.column},
                         {"end_line", en.line},
                         {"end_column", en.column},
                         {"replacement", e.replacement}});
      }
      f["fix"] = {{"title", d.fix->title},
                  {"applicability", d.fix->safe ? "safe" : "unsafe"},
                  {"edits", edits}};
    }
    ++counts[SeverityName(d.severity)];
    out["findings"].push_back(std::move(f));
  }
  out["counts"] = {
      {"error", counts["error"]}, {"warning", counts["warning"]}, {"note", counts["note"]}};
  return out.dump(2) + "\n";
}

}  // namespace stackc::policies
