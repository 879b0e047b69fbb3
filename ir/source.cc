#include "ir/source.h"

#include <algorithm>
#include <string_view>

namespace stackc::ir {

FileId SourceManager::Add(std::string path, std::string text) {
  auto f = std::make_unique<File>();
  f->path = std::move(path);
  f->text = std::move(text);
  files_.push_back(std::move(f));
  return static_cast<FileId>(files_.size() - 1);
}

const std::vector<uint32_t>& SourceManager::LineStarts(const File& f) const {
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    const std::string_view text = f.text;
    for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
      f.line_starts.push_back(static_cast<uint32_t>(nl + 1));
    }
  }
  return f.line_starts;
}

LineCol SourceManager::Position(FileId id, uint32_t offset) const {
  if (id >= files_.size()) return {};
  const File& f = *files_[id];
  const auto& starts = LineStarts(f);
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(f.text.size()));
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const uint32_t line = static_cast<uint32_t>(it - starts.begin());
  const uint32_t start = starts[line - 1];
  uint32_t column = 1;
  for (uint32_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

std::string_view SourceManager::LineText(FileId id, uint32_t line) const {
  if (id >= files_.size() || line == 0) return {};
  const File& f = *files_[id];
  const auto& starts = LineStarts(f);
  if (line > starts.size()) return {};
  const uint32_t begin = starts[line - 1];
  uint32_t end = line < starts.size() ? starts[line] - 1 : static_cast<uint32_t>(f.text.size());
  if (end > begin && f.text[end - 1] == '\r') --end;
  return std::string_view(f.text).substr(begin, end - begin);
}

std::string_view SourceManager::Text(const Span& span) const {
  if (!span.valid() || span.file >= files_.size()) return {};
  std::string_view t = files_[span.file]->text;
  if (span.begin > t.size()) return {};
  return t.substr(span.begin, std::min<size_t>(span.end, t.size()) - span.begin);
}

}  // namespace stackc::ir
