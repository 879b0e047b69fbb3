#include "passes/value_span.h"

#include <string_view>

namespace stackc::passes {

ir::Span ValueSpan(const ir::SourceManager& sm, const ir::KeyValue& kv) {
  // Where the parser saw the value (a mapping's value, an env file's): exactly its bytes, less the
  // line break a block scalar ends with. (An alias's value is its anchor's, written before the
  // key: the alias itself is what follows.)
  if (ir::Span v = kv.value_span;
      v.valid() && v != kv.span && v.file == kv.span.file && v.begin >= kv.span.end) {
    const std::string_view file = sm.text(v.file);
    while (v.end > v.begin && v.end <= file.size() &&
           (file[v.end - 1] == '\n' || file[v.end - 1] == '\r' || file[v.end - 1] == ' ')) {
      --v.end;
    }
    if (v.end > v.begin) return v;  // not an empty value (`KEY:`)
  }
  if (!kv.span.valid()) return kv.span;
  const std::string_view text = sm.Text(kv.span);
  const std::string_view file = sm.text(kv.span.file);
  ir::Span out = kv.span;
  size_t skip = (text.starts_with('"') || text.starts_with('\'')) ? 1 : 0;
  if (text.substr(skip).starts_with(kv.key + "=")) {  // - KEY=value, - "KEY=value"
    out.begin += static_cast<uint32_t>(skip + kv.key.size() + 1);
    if (skip && out.end > out.begin) --out.end;
    return out;
  }
  // KEY: value, when no value span was recorded; the value runs to the end of the line, less a
  // comment and trailing blanks.
  size_t at = kv.span.end;
  if (at < file.size() && (file[at] == '"' || file[at] == '\'')) ++at;  // a quoted key
  while (at < file.size() && file[at] == ' ') ++at;
  if (at >= file.size() || (file[at] != ':' && file[at] != '=')) return kv.span;
  ++at;
  while (at < file.size() && file[at] == ' ') ++at;
  size_t end = at;
  while (end < file.size() && file[end] != '\n' && file[end] != '\r') ++end;
  if (at < file.size() && (file[at] == '"' || file[at] == '\'')) {
    // A quoted value ends at its closing quote (a " #" inside it is not a comment).
    const size_t close = file.substr(at + 1, end - at - 1).find(file[at]);
    if (close != std::string_view::npos) end = at + close + 2;
  } else if (const size_t hash = file.substr(at, end - at).find(" #");
             hash != std::string_view::npos) {
    end = at + hash;
  }
  while (end > at && (file[end - 1] == ' ' || file[end - 1] == '\t')) --end;
  if (end == at) return kv.span;
  out.begin = static_cast<uint32_t>(at);
  out.end = static_cast<uint32_t>(end);
  return out;
}

}  // namespace stackc::passes
