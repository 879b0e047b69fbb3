#include "frontend/shell_words.h"

#include <string>
#include <string_view>
#include <vector>

namespace stackc::frontend {
namespace {

constexpr std::string_view kInvalid = "invalid command line string";

// Length of the valid UTF-8 sequence at s[i] under Go's rules, or 0 if the byte is invalid.
size_t Utf8Length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const unsigned char b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
  }
  return n;
}

ShellWordsResult Invalid() {
  ShellWordsResult r;
  r.error = kInvalid;
  return r;
}

bool AllDigits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

ShellWordsResult SplitShellWords(std::string_view line) {
  ShellWordsResult result;
  std::vector<std::string>& words = result.words;
  std::string word;
  enum class Got { kNothing, kText, kQuoted } got = Got::kNothing;
  bool escaped = false;
  bool single_quoted = false;
  bool double_quoted = false;
  bool back_quoted = false;    // inside `...`, kept verbatim
  bool dollar_quoted = false;  // inside $(...), kept verbatim

  const auto flush = [&] {
    if (got == Got::kQuoted || (got == Got::kText && !word.empty())) words.push_back(word);
    word.clear();
    got = Got::kNothing;
  };

  size_t i = 0;
  while (i < line.size()) {
    // One rune: its bytes, or U+FFFD for an invalid byte.
    const size_t n = Utf8Length(line, i);
    const std::string_view rune = n == 0 ? std::string_view("\xEF\xBF\xBD") : line.substr(i, n);
    i += n == 0 ? 1 : n;
    const char c = n == 1 ? rune[0] : '\x80';  // ASCII, or a marker for any other rune

    if (escaped) {
      escaped = false;
      if (back_quoted || dollar_quoted) {
        word.push_back('\\');
        word.append(rune);
      } else if (c == 't') {
        word.push_back('\t');
      } else if (c == 'n') {
        word.push_back('\n');
      } else {
        word.append(rune);
      }
      got = Got::kText;
      continue;
    }
    if (c == '\\') {
      if (single_quoted) {
        word.push_back('\\');
      } else {
        escaped = true;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (single_quoted || double_quoted || back_quoted || dollar_quoted) {
        word.push_back(c);
      } else {
        flush();
      }
      continue;
    }
    bool stop = false;
    switch (c) {
      case '`':
        if (!single_quoted && !double_quoted && !dollar_quoted) back_quoted = !back_quoted;
        break;
      case ')':
        if (!single_quoted && !double_quoted && !back_quoted) {
          if (!dollar_quoted) return Invalid();
          word.push_back(')');
          dollar_quoted = false;
          got = Got::kText;
          continue;
        }
        break;
      case '(':
        if (!single_quoted && !double_quoted && !back_quoted) {
          const size_t len = word.size();
          if (!dollar_quoted && len > 0 && word[len - 1] == '$' &&
              !(len > 1 && word[len - 2] == '\\')) {
            dollar_quoted = true;
            word.push_back('(');
            continue;
          }
          return Invalid();
        }
        break;
      case '"':
        if (!single_quoted && !dollar_quoted && !back_quoted) {
          if (double_quoted) got = Got::kQuoted;
          double_quoted = !double_quoted;
          continue;
        }
        break;
      case '\'':
        if (!double_quoted && !dollar_quoted && !back_quoted) {
          if (single_quoted) got = Got::kQuoted;
          single_quoted = !single_quoted;
          continue;
        }
        break;
      case ';':
      case '&':
      case '|':
      case '<':
      case '>':
        if (!single_quoted && !double_quoted && !back_quoted && !dollar_quoted) {
          // "2>file": the digits are a file descriptor, not a word.
          if (c == '>' && !word.empty() && AllDigits(word)) got = Got::kNothing;
          stop = true;
        }
        break;
      default:
        break;
    }
    if (stop) break;
    got = Got::kText;
    word.append(rune);
  }
  flush();
  if (escaped || single_quoted || double_quoted || back_quoted || dollar_quoted) {
    return Invalid();
  }
  return result;
}

}  // namespace stackc::frontend
