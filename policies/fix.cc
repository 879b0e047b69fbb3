#include "policies/fix.h"

#include <algorithm>

namespace stackc::policies {
namespace {

bool Overlaps(const ir::Span& a, const ir::Span& b) {
  if (a.file != b.file) return false;
  if (a.begin == a.end || b.begin == b.end) {  // an insertion conflicts with an edit around it
    return a.begin == b.begin || (a.begin > b.begin && a.begin < b.end) ||
           (b.begin > a.begin && b.begin < a.end);
  }
  return a.begin < b.end && b.begin < a.end;
}

// The `${...}` expressions on the lines an edit touches, as byte ranges (nested braces included).
bool InsideInterpolation(std::string_view text, const ir::Span& edit) {
  size_t line_begin = text.rfind('\n', edit.begin == 0 ? 0 : edit.begin - 1);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  size_t line_end = text.find('\n', edit.end);
  if (line_end == std::string_view::npos) line_end = text.size();
  for (size_t i = line_begin; i + 1 < line_end; ++i) {
    if (text[i] != '$') continue;
    if (text[i + 1] == '$') {  // `$$` is a literal dollar
      ++i;
      continue;
    }
    if (text[i + 1] != '{') continue;
    size_t depth = 0, j = i + 1;
    for (; j < line_end; ++j) {
      if (text[j] == '{') ++depth;
      if (text[j] == '}' && --depth == 0) break;
    }
    const size_t begin = i, end = j + 1;  // [begin, end)
    auto strictly_inside = [&](size_t at) { return at > begin && at < end; };
    if (strictly_inside(edit.begin) || strictly_inside(edit.end)) return true;
    i = j;
  }
  return false;
}

}  // namespace

void VetFixes(const ir::SourceManager& sm, const std::vector<FileSyntax>& files,
              std::vector<ir::Diagnostic>* findings) {
  for (ir::Diagnostic& d : *findings) {
    if (!d.fix) continue;
    const FileSyntax* syntax = nullptr;
    for (const FileSyntax& f : files) {
      if (f.file == d.span.file) syntax = &f;
    }
    bool ok = syntax != nullptr && !d.fix->edits.empty();
    for (size_t i = 0; ok && i < d.fix->edits.size(); ++i) {
      const ir::Span& e = d.fix->edits[i].span;
      ok = e.file == d.span.file && e.end <= sm.text(e.file).size() &&
           !InsideInterpolation(sm.text(e.file), e);
      for (const ir::Span& anchored : syntax->aliased) {
        // An edit in the anchored node (an insertion at its edges too) changes every copy.
        const bool inside = e.begin == e.end ? e.begin >= anchored.begin && e.begin <= anchored.end
                                             : e.begin < anchored.end && anchored.begin < e.end;
        if (inside) ok = false;
      }
      for (size_t j = 0; ok && j < i; ++j) ok = !Overlaps(e, d.fix->edits[j].span);
    }
    if (!ok) d.fix.reset();
  }
}

std::string ApplyFixes(const ir::SourceManager& sm, ir::FileId file,
                       const std::vector<ir::Diagnostic>& findings, bool unsafe, int* applied,
                       int limit) {
  std::vector<ir::Edit> edits;
  int taken = 0;
  for (const ir::Diagnostic& d : findings) {
    if (d.span.file != file || !Fixable(d, unsafe) || taken >= limit) continue;
    const bool clash =
        std::any_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const ir::Edit& e) {
          return std::any_of(edits.begin(), edits.end(),
                             [&](const ir::Edit& taken) { return Overlaps(e.span, taken.span); });
        });
    if (clash) continue;  // the next round applies it, on the text this round leaves
    edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
    ++*applied;
    ++taken;
  }
  std::stable_sort(edits.begin(), edits.end(), [](const ir::Edit& a, const ir::Edit& b) {
    return a.span.begin < b.span.begin;
  });
  const std::string_view text = sm.text(file);
  std::string out;
  out.reserve(text.size());
  uint32_t at = 0;
  for (const ir::Edit& e : edits) {
    out.append(text.substr(at, e.span.begin - at));
    out.append(e.replacement);
    at = e.span.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace stackc::policies
