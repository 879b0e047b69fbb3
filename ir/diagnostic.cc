#include "ir/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

namespace stackc::ir {

Diagnostic& DiagnosticSink::Report(Severity severity, std::string code, Span span,
                                   std::string message) {
  if (severity == Severity::kError) ++errors_;
  diagnostics_.push_back(Diagnostic{std::move(code), severity, std::move(message), span, {}});
  return diagnostics_.back();
}

namespace {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string Frame(const SourceManager& sm, const Span& span,
                  const std::vector<Span>& secrets = {}) {
  if (!span.valid()) return {};
  const LineCol lc = sm.Position(span);
  std::string_view line = sm.LineText(span.file, lc.line);
  std::string masked;
  if (!secrets.empty()) {
    // The bytes of each secret on this line become '*', one per byte.
    const size_t start = static_cast<size_t>(line.data() - sm.text(span.file).data());
    masked = std::string(line);
    for (const Span& secret : secrets) {
      if (secret.file != span.file || secret.end <= start || secret.begin >= start + line.size()) {
        continue;
      }
      for (size_t i = std::max<size_t>(secret.begin, start) - start;
           i < masked.size() && i < secret.end - start; ++i) {
        masked[i] = '*';
      }
    }
    line = masked;
  }
  // Very long lines (minified or binary input) are cut so the frame stays readable.
  constexpr size_t kMaxLine = 200;
  if (line.size() > kMaxLine) line = line.substr(0, kMaxLine);
  std::string out = fmt::format("{:>5} | {}\n      | ", lc.line, line);
  // Caret width: the span's length on its first line, at least one.
  const LineCol end = sm.Position(span.file, span.end);
  uint32_t width = 1;
  if (end.line == lc.line && end.column > lc.column) width = end.column - lc.column;
  for (uint32_t i = 1; i < lc.column && i <= kMaxLine; ++i) {
    out += line.size() >= i && line[i - 1] == '\t' ? '\t' : ' ';
  }
  out.append(std::min<uint32_t>(width, kMaxLine), '^');
  out += '\n';
  return out;
}

}  // namespace

std::string RenderText(const SourceManager& sm, const Diagnostic& d, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* yellow = color ? "\033[1;33m" : "";
  const char* reset = color ? "\033[0m" : "";
  const char* sev_color = d.severity == Severity::kError ? red : yellow;
  std::string out;
  if (d.span.valid()) {
    const LineCol lc = sm.Position(d.span);
    out += fmt::format("{}{}:{}:{}:{} ", bold, sm.path(d.span.file), lc.line, lc.column, reset);
  }
  out += fmt::format("{}{}:{} {}", sev_color, SeverityName(d.severity), reset, d.message);
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  out += '\n';
  std::vector<Span> secrets = d.masks;
  if (d.secret) secrets.push_back(d.span);
  out += Frame(sm, d.span, secrets);
  for (const Note& n : d.notes) {
    if (n.span == d.span || !n.span.valid()) {
      // A note about the same place reads as a line under the frame.
      out += fmt::format("      = note: {}\n", n.message);
    } else {
      const LineCol lc = sm.Position(n.span);
      out +=
          fmt::format("{}:{}:{}: note: {}\n", sm.path(n.span.file), lc.line, lc.column, n.message);
      out += Frame(sm, n.span);
    }
  }
  return out;
}

}  // namespace stackc::ir
