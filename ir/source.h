// Source text and locations.
//
// The SourceManager owns the bytes of every file stackc reads (compose files, .env and env files)
// and maps byte offsets to line and column. Every value in the IR carries a Span: the file it came
// from and its byte range. Line and column are computed only when a diagnostic is rendered.
//
// Example:
//   SourceManager sm;
//   FileId f = sm.Add("/p/compose.yaml", "services:\n  web: {}\n");
//   Span s{f, 12, 15};                 // "web"
//   LineCol lc = sm.Position(s);       // {2, 3}
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stackc::ir {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// A byte range [begin, end) in one file. A default Span points nowhere.
struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  friend bool operator==(const Span&, const Span&) = default;
};

// 1-based line and column; the column counts characters (UTF-8 code points), as editors show them.
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};

class SourceManager {
 public:
  // Takes ownership of `text`; `path` is how the file is named in messages.
  FileId Add(std::string path, std::string text);

  std::string_view path(FileId id) const { return files_[id]->path; }
  std::string_view text(FileId id) const { return files_[id]->text; }
  size_t size() const { return files_.size(); }

  LineCol Position(FileId id, uint32_t offset) const;
  LineCol Position(const Span& span) const { return Position(span.file, span.begin); }
  // The text of the line holding `offset`, without its newline.
  std::string_view LineText(FileId id, uint32_t line) const;
  std::string_view Text(const Span& span) const;

 private:
  struct File {
    std::string path;
    std::string text;
    mutable std::vector<uint32_t> line_starts;  // computed on first Position() call
  };
  const std::vector<uint32_t>& LineStarts(const File& f) const;
  std::vector<std::unique_ptr<File>> files_;
};

}  // namespace stackc::ir
