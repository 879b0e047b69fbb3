#include "policies/render_github.h"

#include <fmt/format.h>

#include "policies/rule.h"

namespace stackc::policies {
namespace {

// The escapes of the workflow command syntax: data, and property values (which also escape ':'
// and ',').
std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string RenderGithub(const ir::SourceManager& sm, const std::vector<ir::Diagnostic>& findings) {
  std::string out;
  for (const ir::Diagnostic& d : findings) {
    const char* command = d.severity == ir::Severity::kError     ? "error"
                          : d.severity == ir::Severity::kWarning ? "warning"
                                                                 : "notice";
    const RuleInfo* rule = FindRule(d.code);
    const std::string title = rule ? fmt::format("{} {}", d.code, rule->name) : d.code;
    std::string props;
    if (d.span.valid()) {
      const ir::LineCol begin = sm.Position(d.span);
      const ir::LineCol end = sm.Position(d.span.file, d.span.end);
      props = fmt::format("file={},line={},endLine={},col={},endColumn={},",
                          Escape(sm.path(d.span.file), true), begin.line, end.line, begin.column,
                          end.column);
    }
    out += fmt::format("::{} {}title={}::{}\n", command, props, Escape(title, true),
                       Escape(d.message, false));
  }
  return out;
}

}  // namespace stackc::policies
