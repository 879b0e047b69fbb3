#include "passes/value_span.h"

#include <string_view>

namespace stackc::passes {

ir::Span ValueSpan(const ir::SourceManager& sm, const ir::KeyValue& kv) {
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
  // KEY: value (YAML), or KEY=value (an env file); the value runs to the end of the line, less a
  // comment and trailing blanks, or in a flow mapping (`{KEY: value, ...}`: the key follows `{` or
  // `,` on its line) to the next `,` or `}`, which a plain scalar there cannot hold.
  size_t before = kv.span.begin;
  while (before > 0 && (file[before - 1] == ' ' || file[before - 1] == '\t')) --before;
  const bool flow = before > 0 && (file[before - 1] == '{' || file[before - 1] == ',');
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
  } else {
    if (const size_t hash = file.substr(at, end - at).find(" #"); hash != std::string_view::npos) {
      end = at + hash;
    }
    if (flow) {
      if (const size_t stop = file.substr(at, end - at).find_first_of(",}");
          stop != std::string_view::npos) {
        end = at + stop;
      }
    }
  }
  while (end > at && (file[end - 1] == ' ' || file[end - 1] == '\t')) --end;
  if (end == at) return kv.span;
  out.begin = static_cast<uint32_t>(at);
  out.end = static_cast<uint32_t>(end);
  return out;
}

}  // namespace stackc::passes
