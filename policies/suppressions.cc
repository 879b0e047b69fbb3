#include "policies/suppressions.h"

#include <algorithm>

#include <fmt/format.h>

#include "policies/rule.h"

namespace stackc::policies {
namespace {

struct Suppression {
  ir::FileId file = ir::kNoFile;
  uint32_t line = 0;  // the line it covers; 0: the whole file
  std::vector<std::string> codes;
  std::string reason;
  ir::Span span;
  bool used = false;

  bool Covers(const ir::Diagnostic& d, const ir::SourceManager& sm) const {
    if (!d.span.valid() || d.span.file != file) return false;
    if (line != 0 && sm.Position(d.span).line != line) return false;
    for (const std::string& c : codes) {
      if (d.code.starts_with(c)) return true;
    }
    return false;
  }
};

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// The suppressions among one file's comments.
void Collect(const ir::SourceManager& sm, const FileSyntax& syntax, std::vector<Suppression>* out) {
  const ir::FileId file = syntax.file;
  for (const frontend::Comment& c : syntax.comments) {
    std::string_view text = sm.Text(c.span);
    text.remove_prefix(1);  // '#'
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (!text.starts_with("stackc:")) continue;
    text.remove_prefix(7);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    Suppression s;
    s.file = file;
    s.span = c.span;
    const bool whole_file = text.starts_with("ignore-file[");
    if (!whole_file && !text.starts_with("ignore[")) continue;
    text.remove_prefix(whole_file ? 12 : 7);
    const size_t close = text.find(']');
    if (close == std::string_view::npos) continue;
    std::string_view list = text.substr(0, close);
    while (!list.empty()) {
      const size_t comma = list.find(',');
      std::string code = Trim(list.substr(0, comma));
      if (!code.empty()) s.codes.push_back(std::move(code));
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
    s.reason = Trim(text.substr(close + 1));
    if (!whole_file) {
      // Alone on its line: it covers the next line; after some YAML: its own line.
      const ir::LineCol at = sm.Position(c.span);
      const std::string_view line = sm.LineText(file, at.line);
      const bool alone = Trim(line.substr(0, at.column - 1)).empty();
      s.line = alone ? at.line + 1 : at.line;
    }
    out->push_back(std::move(s));
  }
}

// Deletes a comment: its whole line when it stands alone, else the blanks before it and itself.
ir::Fix RemoveComment(const ir::SourceManager& sm, ir::Span comment) {
  const std::string_view text = sm.text(comment.file);
  uint32_t begin = comment.begin;
  while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  uint32_t end = comment.end;
  if (begin == 0 || text[begin - 1] == '\n') {  // alone on its line: the line goes
    if (end < text.size() && text[end] == '\r') ++end;
    if (end < text.size() && text[end] == '\n') ++end;
  }
  return ir::Fix{"remove the unused suppression", true, {ir::Edit{{comment.file, begin, end}, ""}}};
}

}  // namespace

std::vector<ir::Diagnostic> ApplySuppressions(const ir::SourceManager& sm,
                                              const std::vector<FileSyntax>& files,
                                              std::vector<ir::Diagnostic> findings,
                                              const LintOptions& options,
                                              std::vector<SuppressedFinding>* suppressed) {
  std::vector<Suppression> all;
  for (const FileSyntax& f : files) Collect(sm, f, &all);
  if (all.empty()) return findings;
  std::vector<ir::Diagnostic> kept;
  for (ir::Diagnostic& d : findings) {
    Suppression* by = nullptr;
    for (Suppression& s : all) {
      if (!s.Covers(d, sm)) continue;
      s.used = true;  // every suppression that covers it is in use, not only the first
      if (by == nullptr) by = &s;
    }
    if (by == nullptr) {
      kept.push_back(std::move(d));
      continue;
    }
    if (suppressed) suppressed->push_back({std::move(d), by->reason});
  }
  if (Selected("SUP001", options)) {
    for (const Suppression& s : all) {
      // Unused only if a rule it names ran (`--select SECRET` says nothing of ignore[CTR004]),
      // or if it names no rule at all (a misspelt code).
      const bool ran = std::any_of(s.codes.begin(), s.codes.end(), [&](const std::string& c) {
        bool known = false, selected = false;
        for (const RuleInfo& r : AllRules()) {
          if (!r.code.starts_with(c)) continue;
          known = true;
          selected |= Selected(r.code, options);
        }
        return !known || selected;
      });
      if (s.used || !ran) continue;
      std::string codes;
      for (const std::string& c : s.codes) codes += (codes.empty() ? "" : ",") + c;
      ir::Diagnostic d;
      d.code = "SUP001";
      d.severity = ir::Severity::kWarning;
      d.span = s.span;
      d.message = fmt::format("suppression of {} matches no finding{}", codes,
                              s.line == 0 ? " in this file" : " on its line");
      d.fix = RemoveComment(sm, s.span);
      kept.push_back(std::move(d));
    }
  }
  return kept;
}

}  // namespace stackc::policies
