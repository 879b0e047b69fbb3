#include "policies/fingerprint.h"

#include <algorithm>
#include <filesystem>

#include "ir/sha256.h"

namespace stackc::policies {

std::string ReportUri(const std::string& path, const std::string& root, bool* relative) {
  const std::filesystem::path p(path);
  *relative = false;
  if (!root.empty() && p.is_absolute()) {
    const std::filesystem::path rel = p.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..") {
      *relative = true;
      return rel.generic_string();
    }
  }
  return p.is_absolute() ? "file://" + p.generic_string() : p.generic_string();
}

std::string Fingerprinter::Next(const ir::SourceManager& sm, const ir::Diagnostic& d) {
  if (!d.span.valid()) return "";
  bool relative = false;
  const std::string uri = ReportUri(std::string(sm.path(d.span.file)), root_, &relative);
  const ir::LineCol begin = sm.Position(d.span);
  std::string_view line = sm.LineText(d.span.file, begin.line);
  const size_t line_start = static_cast<size_t>(line.data() - sm.text(d.span.file).data());
  size_t cut = line.size();
  if (d.secret) cut = d.span.begin - line_start;
  for (const ir::Span& m : d.masks) {
    if (m.begin >= line_start) cut = std::min<size_t>(cut, m.begin - line_start);
  }
  line = line.substr(0, std::min(cut, line.size()));
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  const std::string hash =
      ir::Sha256Hex(d.code + '\n' + uri + '\n' + d.message + '\n' + std::string(line));
  return hash + ":" + std::to_string(seen_[hash]++);
}

}  // namespace stackc::policies
