#include "frontend/dotenv.h"

#include <unordered_map>

#include <fmt/format.h>

#include "frontend/utf8.h"

namespace stackc::frontend {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string EncodeRune(char32_t r) {
  std::string out;
  if (r < 0x80) {
    out.push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (r >> 6)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (r >> 12)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (r >> 18)));
    out.push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
  return out;
}

// Go's unicode.IsSpace.
bool IsUnicodeSpace(char32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

// dotenv's isSpace: a space that is not a line break.
bool IsLineSpace(char32_t r) {
  switch (r) {
    case '\t':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
      return true;
    default:
      return false;
  }
}

// unicode.IsLetter(r) || unicode.IsNumber(r): exact for ASCII and Latin-1; beyond, every rune
// counts except the marks, punctuation, symbols, spaces and private-use blocks listed here (an
// approximation of Go's tables).
bool IsLetterOrNumber(char32_t r) {
  if (r < 0x80) {
    return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9');
  }
  if (r < 0x100) {
    if (r < 0xC0) {
      return r == 0xAA || r == 0xB2 || r == 0xB3 || r == 0xB5 || r == 0xB9 || r == 0xBA ||
             (r >= 0xBC && r <= 0xBE);
    }
    return r != 0xD7 && r != 0xF7;
  }
  struct Range {
    char32_t lo, hi;
  };
  static constexpr Range kNot[] = {
      {0x02C2, 0x02C5},    {0x02D2, 0x02DF}, {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05C7},
      {0x0600, 0x060F},    {0x064B, 0x065F}, {0x2000, 0x206F}, {0x20A0, 0x20FF}, {0x2190, 0x245F},
      {0x2500, 0x2775},    {0x2794, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020},
      {0x3030, 0x3030},    {0x303D, 0x303F}, {0xD800, 0xF8FF}, {0xFE00, 0xFE6F}, {0xFF01, 0xFF0F},
      {0xFF1A, 0xFF20},    {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
      {0xE0000, 0x10FFFF},
  };
  for (const Range& g : kNot) {
    if (r >= g.lo && r <= g.hi) return false;
  }
  return true;
}

// The byte length of the unicode.IsSpace rune ending s, 0 when s does not end with one.
size_t TrailingSpaceLen(std::string_view s) {
  if (s.empty()) return 0;
  const char c = s.back();
  if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ') return 1;
  for (size_t w = 2; w <= 3 && w <= s.size(); ++w) {
    size_t width;
    const char32_t r = DecodeRune(s, s.size() - w, &width);
    if (width == w && r >= 0x80 && IsUnicodeSpace(r)) return w;
  }
  return 0;
}

std::string_view TrimRightSpace(std::string_view s) {
  while (size_t n = TrailingSpaceLen(s)) s.remove_suffix(n);
  return s;
}

// The index of the first rune at or after `pos` that is not a line space.
size_t SkipLineSpace(std::string_view t, size_t pos) {
  while (pos < t.size()) {
    size_t w;
    if (!IsLineSpace(DecodeRune(t, pos, &w))) break;
    pos += w;
  }
  return pos;
}

// dotenv's expandEscapes on the text of a double-quoted value: the escapes matched by
// `\\(?:[abcfnrtv$"\\]|0\d{0,3})` become their characters (`\$` becomes `$$`, so that interpolation
// keeps a `$`); an octal escape that strconv.UnquoteChar refuses loses its `0` (`\012` -> `\12`),
// as compose-go rewrites the prefix first.
std::string ExpandEscapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    const char e = s[i + 1];
    switch (e) {
      case 'a':
        out.push_back('\a');
        i += 2;
        continue;
      case 'b':
        out.push_back('\b');
        i += 2;
        continue;
      case 'c':
        // In the pattern but not a Go escape: UnquoteChar fails and the match stays.
        out.append("\\c");
        i += 2;
        continue;
      case 'f':
        out.push_back('\f');
        i += 2;
        continue;
      case 'n':
        out.push_back('\n');
        i += 2;
        continue;
      case 'r':
        out.push_back('\r');
        i += 2;
        continue;
      case 't':
        out.push_back('\t');
        i += 2;
        continue;
      case 'v':
        out.push_back('\v');
        i += 2;
        continue;
      case '$':
        out.append("$$");
        i += 2;
        continue;
      case '"':
        out.push_back('"');
        i += 2;
        continue;
      case '\\':
        out.push_back('\\');
        i += 2;
        continue;
      case '0': {
        size_t j = i + 2;
        while (j < s.size() && j < i + 5 && s[j] >= '0' && s[j] <= '9') ++j;
        const std::string_view digits = s.substr(i + 2, j - (i + 2));
        bool ok = digits.size() == 3;
        unsigned v = 0;
        for (char d : digits) {
          if (d > '7') ok = false;
          v = v * 8 + static_cast<unsigned>(d - '0');
        }
        if (ok && v <= 255) {
          out.append(EncodeRune(v));
        } else {
          // The `\0` prefix was already rewritten to `\` when UnquoteChar refused the escape.
          out.push_back('\\');
          out.append(digits);
        }
        i = j;
        continue;
      }
      default:
        out.push_back('\\');
        ++i;
        continue;
    }
  }
  return out;
}

class Parser {
 public:
  Parser(const ir::SourceManager& sm, ir::FileId file, const EnvLookup& lookup,
         const DotenvOptions& options)
      : text_(sm.text(file)), file_(file), lookup_(lookup), options_(options) {}

  DotenvResult Run() {
    const size_t start = text_.starts_with(kBom) ? kBom.size() : 0;
    if (options_.raw) {
      RunRaw(start);
    } else {
      RunDotenv(start);
    }
    return std::move(result_);
  }

 private:
  ir::Span MakeSpan(size_t begin, size_t end) const {
    return ir::Span{file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }

  void Fail(std::string message, size_t begin, size_t end) {
    result_.error = std::move(message);
    result_.error_span = MakeSpan(begin, end);
  }

  void Set(std::string key, std::string value, ir::Span key_span, ir::Span value_span) {
    auto [it, inserted] = index_.try_emplace(key, result_.entries.size());
    if (inserted) {
      result_.entries.push_back(
          DotenvEntry{std::move(key), std::move(value), key_span, value_span});
    } else {
      DotenvEntry& e = result_.entries[it->second];
      e.value = std::move(value);
      e.key_span = key_span;
      e.value_span = value_span;
    }
  }

  // The keys already read, then the fallback.
  std::optional<std::string> Read(std::string_view key) const {
    if (auto it = index_.find(std::string(key)); it != index_.end()) {
      return result_.entries[it->second].value;
    }
    if (options_.fallback) return options_.fallback(key);
    return std::nullopt;
  }

  std::optional<std::string> LookupThenRead(std::string_view key) const {
    if (lookup_) {
      if (auto v = lookup_(key)) return v;
    }
    return Read(key);
  }

  // Interpolates a value: false (with the error set) on failure.
  bool Expand(std::string_view value, ir::Span span, std::string* out) {
    TemplateError err;
    std::vector<std::string> unset;
    const EnvLookup mapping = [this](std::string_view k) { return LookupThenRead(k); };
    const bool ok = Substitute(value, mapping, out, &err, &unset);
    for (const std::string& name : unset)
      result_.warnings.push_back({span, UnsetVariableWarning(name)});
    if (!ok) {
      Fail(err.Message(), span.begin, span.end);
      return false;
    }
    return true;
  }

  // ---- compose-go's dotenv parser
  // ----------------------------------------------------------------------------

  // getStatementStart: skips spaces (counting lines) and comment lines; npos at the end of the
  // text.
  size_t StatementStart(size_t pos) {
    while (true) {
      while (pos < text_.size()) {
        size_t w;
        const char32_t r = DecodeRune(text_, pos, &w);
        if (r == '\n') ++line_;
        if (!IsUnicodeSpace(r)) break;
        pos += w;
      }
      if (pos >= text_.size()) return std::string_view::npos;
      if (text_[pos] != '#') return pos;
      pos = text_.find('\n', pos);
      if (pos == std::string_view::npos) return pos;
    }
  }

  void RunDotenv(size_t pos) {
    while (true) {
      pos = StatementStart(pos);
      if (pos == std::string_view::npos) return;

      // locateKeyName
      size_t key_begin = pos;
      if (text_.substr(pos).starts_with("export") && pos + 6 < text_.size() &&
          (text_[pos + 6] == ' ' || text_[pos + 6] == '\t' || text_[pos + 6] == '\n' ||
           text_[pos + 6] == '\f' || text_[pos + 6] == '\r')) {
        key_begin = SkipLineSpace(text_, pos + 6);
      }
      size_t key_end = key_begin;
      size_t value_begin = key_begin;
      bool inherited = false;
      bool found = false;
      for (size_t i = key_begin; i < text_.size();) {
        size_t w;
        const char32_t r = DecodeRune(text_, i, &w);
        if (IsLineSpace(r) || r == '_' || r == '.' || r == '-' || r == '[' || r == ']' ||
            IsLetterOrNumber(r)) {
          i += w;
          continue;
        }
        if (r == '=' || r == ':' || r == '\n') {
          key_end = i;
          value_begin = i + 1;
          inherited = r == '\n';
          found = true;
          break;
        }
        std::string_view first_line = text_.substr(key_begin);
        first_line = first_line.substr(0, first_line.find('\n'));
        Fail(fmt::format("line {}: unexpected character {} in variable name {}", line_,
                         GoQuote(EncodeRune(r)), GoQuote(first_line)),
             i, i + w);
        return;
      }
      if (key_begin >= text_.size()) {
        Fail("zero length string", key_begin, key_begin);
        return;
      }
      if (!found) key_end = key_begin;
      std::string_view raw_key = text_.substr(key_begin, key_end - key_begin);
      if (inherited && raw_key.find(' ') == std::string_view::npos) ++line_;
      const std::string_view key = TrimRightSpace(raw_key);
      const ir::Span key_span = MakeSpan(key_begin, key_begin + key.size());
      pos = SkipLineSpace(text_, value_begin);

      if (key.find(' ') != std::string_view::npos) {
        Fail(fmt::format("line {}: key cannot contain a space", line_), key_span.begin,
             key_span.end);
        return;
      }
      if (inherited) {
        std::optional<std::string> v;
        if (lookup_) v = lookup_(key);
        if (!v && options_.bare_keys_see_read_values) v = Read(key);
        if (v) Set(std::string(key), std::move(*v), key_span, key_span);
        continue;
      }
      if (!Value(key, key_span, &pos)) return;
    }
  }

  // extractVarValue: reads the value at *pos, stores the entry, moves *pos past it.
  bool Value(std::string_view key, ir::Span key_span, size_t* pos) {
    const size_t begin = *pos;
    const char quote = begin < text_.size() ? text_[begin] : '\0';
    if (quote != '"' && quote != '\'') {
      size_t end = text_.find('\n', begin);
      *pos = end == std::string_view::npos ? text_.size() : end + 1;
      if (end == std::string_view::npos) end = text_.size();
      ++line_;
      std::string_view value = text_.substr(begin, end - begin);
      value = value.substr(0, value.find(" #"));
      value = TrimRightSpace(value);
      const ir::Span span = MakeSpan(begin, begin + value.size());
      std::string out;
      if (!Expand(value, span, &out)) return false;
      Set(std::string(key), std::move(out), key_span, span);
      return true;
    }
    bool escaped = false;
    std::string chars;
    for (size_t i = begin + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\n') ++line_;
      if (c != quote) {
        if (!escaped && c == '\\') {
          escaped = true;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars.push_back('\\');
        }
        chars.push_back(c);
        continue;
      }
      if (escaped) {
        escaped = false;
        chars.push_back(c);
        continue;
      }
      const ir::Span span = MakeSpan(begin, i + 1);
      std::string value;
      if (quote == '"') {
        if (!Expand(ExpandEscapes(chars), span, &value)) return false;
      } else {
        value = std::move(chars);
      }
      Set(std::string(key), std::move(value), key_span, span);
      *pos = i + 1;
      return true;
    }
    size_t end = text_.find('\n', begin);
    if (end == std::string_view::npos) end = text_.size();
    Fail(fmt::format("line {}: unterminated quoted value {}", line_,
                     text_.substr(begin, end - begin)),
         begin, end);
    return false;
  }

  // ---- docker/cli's kvfile (format: raw)
  // ------------------------------------------------------------------------

  void RunRaw(size_t pos) {
    constexpr size_t kMaxLine = 64 * 1024;
    for (int line = 1; pos < text_.size(); ++line) {
      size_t end = text_.find('\n', pos);
      const size_t next = end == std::string_view::npos ? text_.size() : end + 1;
      if (end == std::string_view::npos) end = text_.size();
      if (end - pos >= kMaxLine) {
        Fail("bufio.Scanner: token too long", pos, end);
        return;
      }
      size_t stop = end;
      if (stop > pos && text_[stop - 1] == '\r') --stop;
      const std::string_view bytes = text_.substr(pos, stop - pos);
      for (size_t i = 0; i < bytes.size();) {
        size_t w;
        if (DecodeRune(bytes, i, &w) == 0xFFFD && w == 1) {
          std::string list;
          for (char c : bytes) {
            if (!list.empty()) list.push_back(' ');
            list += std::to_string(static_cast<unsigned char>(c));
          }
          Fail(fmt::format("invalid utf8 bytes at line {}: [{}]", line, list), pos, stop);
          return;
        }
        i += w;
      }
      size_t b = pos;
      while (b < stop) {
        size_t w;
        if (!IsUnicodeSpace(DecodeRune(text_, b, &w))) break;
        b += w;
      }
      pos = next;
      const std::string_view content = text_.substr(b, stop - b);
      if (content.empty() || content[0] == '#') continue;
      const size_t eq = content.find('=');
      const std::string_view key = content.substr(0, eq);
      if (key.empty()) {
        Fail(fmt::format("no variable name on line '{}'", content), b, stop);
        return;
      }
      if (key.find_first_of(" \t") != std::string_view::npos) {
        Fail(fmt::format("variable '{}' contains whitespaces", key), b, b + key.size());
        return;
      }
      const ir::Span key_span = MakeSpan(b, b + key.size());
      if (eq != std::string_view::npos) {
        Set(std::string(key), std::string(content.substr(eq + 1)), key_span,
            MakeSpan(b + eq + 1, stop));
      } else if (lookup_) {
        if (std::optional<std::string> v = lookup_(content))
          Set(std::string(key), std::move(*v), key_span, key_span);
      }
    }
  }

  std::string_view text_;
  ir::FileId file_;
  const EnvLookup& lookup_;
  const DotenvOptions& options_;
  int line_ = 1;
  DotenvResult result_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace

DotenvResult ReadDotenv(const ir::SourceManager& sm, ir::FileId file, const EnvLookup& lookup,
                        const DotenvOptions& options) {
  return Parser(sm, file, lookup, options).Run();
}

bool ParseDotenv(const ir::SourceManager& sm, ir::FileId file, const EnvLookup& lookup,
                 const DotenvOptions& options, std::vector<DotenvEntry>* out,
                 ir::DiagnosticSink& sink) {
  DotenvResult r = ReadDotenv(sm, file, lookup, options);
  if (options.warnings) {
    for (InterpolationWarning& w : r.warnings) options.warnings->Add(w.span, std::move(w.message));
  } else {
    InterpolationWarnings once;
    for (InterpolationWarning& w : r.warnings) once.Add(w.span, std::move(w.message));
    for (const InterpolationWarning& w : once.items())
      sink.Warning(kUnsetVariableWarningCode, w.span, w.message);
  }
  if (r.error) {
    const std::string_view path = sm.path(file);
    sink.Error(kDotenvErrorCode, r.error_span,
               options.raw ? fmt::format("failed to parse env_file {}: {}", path, *r.error)
                           : fmt::format("failed to read {}: {}", path, *r.error));
    out->clear();
    return false;
  }
  *out = std::move(r.entries);
  return true;
}

}  // namespace stackc::frontend
