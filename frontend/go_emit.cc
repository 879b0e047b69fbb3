#include "frontend/go_emit.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "frontend/go_time.h"
#include "frontend/utf8.h"

namespace stackc::frontend {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// UTF-8, as Go's unicode/utf8 sees it.

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t size;
    DecodeRune(s, i, &size);
    if (size == 1) return false;
    i += size;
  }
  return true;
}

// Go's unicode.IsSpace.
bool IsGoSpace(char32_t r) {
  if (r < 0x80) return r == ' ' || (r >= '\t' && r <= '\r');
  return r == 0x85 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 ||
         r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// go-yaml's encodeBase64: standard base64, cut in lines of 70 with a line break after every line
// when there is more than one.
std::string YamlBase64(std::string_view s) {
  const auto byte = [&](size_t k) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[k]));
  };
  std::string enc;
  enc.reserve((s.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= s.size(); i += 3) {
    const uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    enc += kBase64[v >> 18];
    enc += kBase64[(v >> 12) & 63];
    enc += kBase64[(v >> 6) & 63];
    enc += kBase64[v & 63];
  }
  if (i < s.size()) {
    uint32_t v = byte(i) << 16;
    if (i + 1 < s.size()) v |= byte(i + 1) << 8;
    enc += kBase64[v >> 18];
    enc += kBase64[(v >> 12) & 63];
    enc += i + 1 < s.size() ? kBase64[(v >> 6) & 63] : '=';
    enc += '=';
  }
  constexpr size_t kLine = 70;
  if (enc.size() / kLine + 1 <= 1) return enc;
  std::string out;
  out.reserve(enc.size() + enc.size() / kLine + 1);
  for (size_t k = 0; k < enc.size(); k += kLine) {
    out.append(enc, k, kLine);
    out += '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// go-yaml's resolver, as its desolver asks it whether a Go string would read back as a string.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// strconv.ParseInt(s, 0, 64) or strconv.ParseUint(s, 0, 64) succeeds (s has no underscores).
bool IsGoInt(std::string_view s) {
  char sign = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0];
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  unsigned base = 10;
  if (s[0] == '0') {
    const char l = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : 0;
    if (l == 'b' || l == 'o' || l == 'x') {
      base = l == 'b' ? 2 : l == 'o' ? 8 : 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  uint64_t v = 0;
  for (char c : s) {
    unsigned d;
    if (IsDigit(c)) {
      d = c - '0';
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      d = (c | 0x20) - 'a' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    if (v > (UINT64_MAX - d) / base) return false;  // past uint64
    v = v * base + d;
  }
  constexpr uint64_t kInt64Max = static_cast<uint64_t>(INT64_MAX);
  if (sign == '-') return v <= kInt64Max + 1;
  if (sign == '+') return v <= kInt64Max;
  return true;
}

// The decimal float syntax both yamlStyleFloat and strconv.ParseFloat accept, with no overflow to
// infinity:
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool IsYamlStyleFloat(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const size_t mant = i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++frac_digits;
    if (int_digits == 0 && frac_digits == 0) return false;
  } else if (int_digits == 0) {
    return false;
  }
  const size_t mant_end = i;
  long exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == s.size()) return false;
    for (; i < s.size(); ++i) {
      if (!IsDigit(s[i])) return false;
      if (exp < 100000) exp = exp * 10 + (s[i] - '0');
    }
    if (neg) exp = -exp;
  }
  if (i != s.size()) return false;
  // Overflow check: e10 is the decimal exponent of the first significant digit.
  long e10 = 0;
  bool seen = false;
  long frac_index = 0;
  bool after_point = false;
  long int_left = static_cast<long>(int_digits);
  for (size_t k = mant; k < mant_end && !seen; ++k) {
    if (s[k] == '.') {
      after_point = true;
      continue;
    }
    if (after_point)
      ++frac_index;
    else
      --int_left;
    if (s[k] != '0') {
      seen = true;
      e10 = after_point ? -frac_index : int_left;
    }
  }
  if (!seen) return true;  // zero
  e10 += exp;
  if (e10 < 300) return true;
  if (e10 > 310) return false;
  double v;
  std::string_view digits = s;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return r.ec == std::errc() && std::isfinite(v);
}

// The shape strconv.ParseFloat accepts after a leading '.' (go-yaml's '.' hint):
// \.[0-9]+([eE][-+]?[0-9]+)?
bool IsDotFloat(std::string_view s) {
  if (s.size() < 2 || s[0] != '.' || !IsDigit(s[1])) return false;
  return IsYamlStyleFloat(s);
}

// ---------------------------------------------------------------------------------------------------------------
// The representer's extra quoting for YAML 1.1 readers.

// ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool IsBase60Float(std::string_view s) {
  if (s.empty() || s.find(':') == std::string_view::npos) return false;
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-') ++i;
  if (i >= s.size() || !IsDigit(s[i])) return false;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    size_t n = 0;
    while (i + n < s.size() && IsDigit(s[i + n])) ++n;
    if (n == 0 || n > 2 || (n == 2 && s[i] > '5')) return false;
    i += n;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && (IsDigit(s[i]) || s[i] == '_')) ++i;
  }
  return i == s.size();
}

// The first characters of every plain scalar that go-yaml reads as something other than a string
// (a number, a boolean, null, a timestamp, a YAML 1.1 boolean or base 60 float, the merge key):
// the signs, the digits, '.', and the first letters of y/n/true/false/on/off/null, '~' and '<'.
constexpr std::string_view kMayNotBeString = "+-0123456789.yYnNtTfFoO~<";

bool IsOldBool(std::string_view s) {
  static constexpr std::string_view kOld[] = {"y", "Y", "yes", "Yes", "YES", "on",  "On",  "ON",
                                              "n", "N", "no",  "No",  "NO",  "off", "Off", "OFF"};
  for (std::string_view o : kOld) {
    if (s == o) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Go's float formatting.

struct Decimal {
  bool neg = false;
  std::string digits;  // shortest round-trip digits, no leading zeros ("0" for zero)
  int point = 0;       // the value is 0.digits × 10^point
};

Decimal ShortestDecimal(double v) {
  Decimal d;
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, r.ptr - buf);  // [-]d[.ddd]e±XX
  if (sci[0] == '-') {
    d.neg = true;
    sci.remove_prefix(1);
  }
  const size_t e = sci.find('e');
  for (char c : sci.substr(0, e)) {
    if (c != '.') d.digits += c;
  }
  int exp = 0;
  std::string_view es = sci.substr(e + 1);
  if (es[0] == '+') es.remove_prefix(1);
  std::from_chars(es.data(), es.data() + es.size(), exp);
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  d.point = exp + 1;
  if (d.digits == "0") d.point = 1;
  return d;
}

// %e with the shortest digits: d.ddde±XX (at least two exponent digits).
void AppendExp(const Decimal& d, std::string* out) {
  if (d.neg) *out += '-';
  *out += d.digits[0];
  if (d.digits.size() > 1) {
    *out += '.';
    out->append(d.digits, 1);
  }
  int exp = d.digits == "0" ? 0 : d.point - 1;
  *out += 'e';
  *out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) *out += '0';
  *out += std::to_string(exp);
}

// %f with the shortest digits.
void AppendFixed(const Decimal& d, std::string* out) {
  if (d.neg) *out += '-';
  const int nd = static_cast<int>(d.digits.size());
  if (d.point <= 0) {
    *out += "0";
  } else {
    for (int k = 0; k < d.point; ++k) *out += k < nd ? d.digits[k] : '0';
  }
  if (nd > d.point) {
    *out += '.';
    for (int k = d.point; k < nd; ++k) *out += k < 0 ? '0' : d.digits[k];
  }
}

void AppendYamlFloat(double v, std::string* out) {
  if (std::isnan(v)) {
    *out += ".nan";
    return;
  }
  if (std::isinf(v)) {
    *out += v > 0 ? ".inf" : "-.inf";
    return;
  }
  const Decimal d = ShortestDecimal(v);
  const int exp = d.point - 1;
  if (d.digits != "0" && (exp < -4 || exp >= 6)) {
    AppendExp(d, out);
  } else {
    AppendFixed(d, out);
  }
}

void AppendJsonFloat(double v, std::string* out) {
  const double a = std::fabs(v);
  const Decimal d = ShortestDecimal(v);
  if (a != 0 && (a < 1e-6 || a >= 1e21)) {
    std::string e;
    AppendExp(d, &e);
    // encoding/json cleans e-09 up to e-9.
    const size_t n = e.size();
    if (n >= 4 && e[n - 4] == 'e' && e[n - 3] == '-' && e[n - 2] == '0') e.erase(n - 2, 1);
    *out += e;
  } else {
    AppendFixed(d, out);
  }
}

bool IsCanonicalDecimal(std::string_view t) {
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  if (t.empty() || (t[0] == '0' && t.size() > 1)) return false;
  for (char c : t) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

void AppendInt(const Node& n, std::string* out) {
  if (IsCanonicalDecimal(n.text)) {
    *out += n.text;
  } else if (auto i = n.AsInt()) {
    *out += std::to_string(*i);
  } else {
    *out += n.text;
  }
}

double FloatValue(const Node& n) {
  if (auto f = n.AsFloat()) return *f;
  double v = 0;
  std::string_view t = n.text;
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// The YAML emitter.

// libyaml's character classes over a byte string (out-of-range reads see NUL, as the C string
// would).
struct Bytes {
  std::string_view s;
  unsigned char operator[](size_t i) const {
    return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
  }
  size_t size() const { return s.size(); }
  static int Width(unsigned char b) {
    if ((b & 0x80) == 0) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 1;  // not reached for valid UTF-8
  }
  bool Space(size_t i) const { return (*this)[i] == ' '; }
  bool Blank(size_t i) const { return (*this)[i] == ' ' || (*this)[i] == '\t'; }
  bool Break(size_t i) const {
    const auto b = (*this)[i];
    return b == '\r' || b == '\n' || (b == 0xC2 && (*this)[i + 1] == 0x85) ||
           (b == 0xE2 && (*this)[i + 1] == 0x80 &&
            ((*this)[i + 2] == 0xA8 || (*this)[i + 2] == 0xA9));
  }
  bool BlankOrZero(size_t i) const { return Blank(i) || Break(i) || (*this)[i] == 0; }
  bool Printable(size_t i) const {
    const auto b = (*this)[i];
    const auto b1 = (*this)[i + 1];
    const auto b2 = (*this)[i + 2];
    return b == 0x0A || (b >= 0x20 && b <= 0x7E) || (b == 0xC2 && b1 >= 0xA0) ||
           (b > 0xC2 && b < 0xED) || (b == 0xED && b1 < 0xA0) || b == 0xEE ||
           (b == 0xEF && !(b1 == 0xBB && b2 == 0xBF) &&
            !(b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)));
  }
  // libyaml's IS_BOM looks at the start of the string whatever the position.
  bool StartsWithBom() const {
    return (*this)[0] == 0xEF && (*this)[1] == 0xBB && (*this)[2] == 0xBF;
  }
};

// The one-letter escapes of YAML double-quoted scalars; 0 when the rune takes a \x, \u or \U
// escape.
char ShortEscape(char32_t r) {
  static constexpr std::pair<char32_t, char> kEscapes[] = {
      {0x00, '0'},  {0x07, 'a'}, {0x08, 'b'}, {0x09, 't'},   {0x0A, 'n'},
      {0x0B, 'v'},  {0x0C, 'f'}, {0x0D, 'r'}, {0x1B, 'e'},   {0x22, '"'},
      {0x5C, '\\'}, {0x85, 'N'}, {0xA0, '_'}, {0x2028, 'L'}, {0x2029, 'P'}};
  for (const auto& [rune, letter] : kEscapes) {
    if (rune == r) return letter;
  }
  return 0;
}

enum class Style : uint8_t { kPlain, kSingle, kDouble, kLiteral };

// A scalar ready to emit: its text, the style the representer/desolver asked for, the !!binary tag,
// and what the emitter's analysis allows.
struct Scalar {
  std::string_view value;
  std::string storage;  // backs value when it is computed (base64, float text)
  Style requested = Style::kPlain;
  bool binary = false;
  bool multiline = false;
  bool block_plain_allowed = false;
  bool single_quoted_allowed = false;
  bool block_allowed = false;
  bool ascii_word = false;  // printable ASCII without spaces: a plain scalar is written as is
};

bool ShouldUseLiteral(std::string_view s) {
  if (s.size() < 2 || s.find('\n') == std::string_view::npos) return false;
  for (size_t i = 0; i < s.size();) {
    size_t size;
    const char32_t r = DecodeRune(s, i, &size);
    if (!IsGoSpace(r)) return true;
    i += size;
  }
  return false;
}

// Analyze for printable ASCII without tabs or line breaks, most of a compose file: only the
// indicators and the spaces decide. False, with sc untouched, for any other byte.
bool AnalyzePrintableAscii(Scalar* sc) {
  // A class for each byte, as bits that one pass ORs together: 1 a space, 2 one of ':', '#', '?'
  // and '-' (which may be an indicator), 4 outside printable ASCII (or a tab, or DEL). Only a
  // scalar that holds a 2 is looked at again.
  static constexpr auto kClass = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c > 0x7E ? 4 : 0;
    t[' '] = 1;
    t[':'] = t['#'] = t['?'] = t['-'] = 2;
    return t;
  }();
  const std::string_view v = sc->value;
  const size_t n = v.size();
  unsigned seen = 0;
  for (const char c : v) seen |= kClass[static_cast<unsigned char>(c)];
  if ((seen & 4) != 0) return false;
  const bool spaces = (seen & 1) != 0;
  bool indicators = false;
  for (size_t i = 0; (seen & 2) != 0 && i < n && !indicators; ++i) {
    const char c = v[i];
    if (c != ':' && c != '#' && c != '?' && c != '-') continue;
    // At the start, '?', ':' and '-' before white space; inside, ": " and " #".
    if ((c == ':' || (i == 0 && c != '#')) && (i + 1 >= n || v[i + 1] == ' ')) {
      indicators = true;
    } else if (c == '#' && i > 0 && v[i - 1] == ' ') {
      indicators = true;
    }
  }
  if (n > 0 && std::string_view("#,[]{}&*!|>'\"%@`").find(v[0]) != std::string_view::npos) {
    indicators = true;
  }
  if (n >= 3 && (v.starts_with("---") || v.starts_with("..."))) indicators = true;
  const bool edge_space = n > 0 && (v.front() == ' ' || v.back() == ' ');
  sc->multiline = false;
  sc->block_plain_allowed = !edge_space && !indicators;
  sc->single_quoted_allowed = true;
  sc->block_allowed = n > 0 && v.back() != ' ';
  sc->ascii_word = !spaces;
  return true;
}

// The general analysis, for any valid UTF-8.
void AnalyzeAny(Scalar* sc) {
  const Bytes v{sc->value};
  const size_t n = v.size();
  if (n == 0) {
    sc->multiline = false;
    sc->block_plain_allowed = true;
    sc->single_quoted_allowed = true;
    sc->block_allowed = false;
    return;
  }
  bool block_indicators = false, line_breaks = false, special = false, tabs = false;
  bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false;
  bool break_space = false, space_break = false, previous_space = false, previous_break = false;
  if (n >= 3 && ((v[0] == '-' && v[1] == '-' && v[2] == '-') ||
                 (v[0] == '.' && v[1] == '.' && v[2] == '.'))) {
    block_indicators = true;
  }
  bool preceded_by_whitespace = true;
  for (size_t i = 0; i < n;) {
    const size_t w = Bytes::Width(v[i]);
    const bool followed_by_whitespace = i + w >= n || v.Blank(i + w);
    const unsigned char c = v[i];
    if (i == 0) {
      if (std::string_view("#,[]{}&*!|>'\"%@`").find(static_cast<char>(c)) !=
          std::string_view::npos) {
        block_indicators = true;
      } else if ((c == '?' || c == ':' || c == '-') && followed_by_whitespace) {
        block_indicators = true;
      }
    } else if ((c == ':' && followed_by_whitespace) || (c == '#' && preceded_by_whitespace)) {
      block_indicators = true;
    }
    if (c == '\t') {
      tabs = true;
    } else if (!v.Printable(i)) {
      special = true;
    }
    if (c == ' ') {
      if (i == 0) leading_space = true;
      if (i + w == n) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (v.Break(i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == n) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = false;
      previous_break = false;
    }
    preceded_by_whitespace = v.BlankOrZero(i);
    i += w;
  }
  sc->multiline = line_breaks;
  sc->block_plain_allowed = true;
  sc->single_quoted_allowed = true;
  sc->block_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break)
    sc->block_plain_allowed = false;
  if (trailing_space) sc->block_allowed = false;
  if (break_space || space_break || tabs || special) {
    sc->block_plain_allowed = false;
    sc->single_quoted_allowed = false;
  }
  if (space_break || special) sc->block_allowed = false;
  if (line_breaks || block_indicators) sc->block_plain_allowed = false;
}

void Analyze(Scalar* sc) {
  if (!AnalyzePrintableAscii(sc)) AnalyzeAny(sc);
}

// The style go-yaml's representer asks for a one-line string: quoted when the plain text would
// read back as something else (a number, a boolean, null, a YAML 1.1 boolean or base 60 float,
// the merge key), plain otherwise. Only a string that starts with one of kMayNotBeString can read
// back as anything else, which most strings do not.
Style RequestedForLine(std::string_view s) {
  if (!s.empty() && kMayNotBeString.find(s[0]) == std::string_view::npos) return Style::kPlain;
  if (IsBase60Float(s) || IsOldBool(s) || s == "<<") return Style::kSingle;
  return GoYamlResolvesToString(s) ? Style::kPlain : Style::kDouble;
}

// A Go string through go-yaml's representer and desolver.
void PrepareString(std::string_view s, Scalar* sc) {
  sc->value = s;
  // Printable ASCII without tabs or line breaks (most of a compose file) is valid UTF-8 on one
  // line, and its analysis is done: only the requested style is left to choose.
  if (AnalyzePrintableAscii(sc)) {
    sc->requested = RequestedForLine(s);
    return;
  }
  if (!ValidUtf8(s)) {
    sc->binary = true;
    sc->storage = YamlBase64(s);
    sc->value = sc->storage;
    sc->requested = ShouldUseLiteral(sc->value) ? Style::kLiteral : Style::kPlain;
    Analyze(sc);  // the base64 text, which may well be printable ASCII
    return;
  }
  if (s.find('\n') != std::string_view::npos) {
    sc->requested = ShouldUseLiteral(s) ? Style::kLiteral : Style::kDouble;
  } else {
    sc->requested = RequestedForLine(s);
  }
  AnalyzeAny(sc);
}

void PrepareScalar(const Node& n, Scalar* sc) {
  switch (n.type) {
    case ScalarType::kString:
      if (n.IsTimestamp()) {  // a time.Time (model_printer): go-yaml writes it plain
        sc->value = n.text;
        break;
      }
      PrepareString(n.text, sc);
      return;
    case ScalarType::kNull:
      sc->value = "null";
      break;
    case ScalarType::kBool:
      sc->value = n.AsBool().value_or(n.text == "true") ? "true" : "false";
      break;
    case ScalarType::kInt:
      if (IsCanonicalDecimal(n.text)) {
        sc->value = n.text;
      } else {
        AppendInt(n, &sc->storage);
        sc->value = sc->storage;
      }
      break;
    case ScalarType::kFloat:
      AppendYamlFloat(FloatValue(n), &sc->storage);
      sc->value = sc->storage;
      break;
  }
  Analyze(sc);
}

class YamlEmitter {
 public:
  explicit YamlEmitter(std::string* out) : out_(*out) {}

  void Document(const Node& root) {
    EmitNode(root, Parent::kDocument);
    EndDocument();
  }

  // The pieces of a block mapping, for GoYamlWriter. A mapping opened with BeginMapping and closed
  // with no key prints `{}`, as an empty one does.
  struct Open {
    int saved_indent;
    size_t keys = 0;
  };
  Open BeginMapping(bool root) {
    return Open{IncreaseIndent(false, root ? Parent::kDocument : Parent::kMapValue)};
  }
  void MappingKey(Open& m, std::string_view key) {
    ++m.keys;
    EmitKey(key);
  }
  void MappingValue(const Node& value) { EmitNode(value, Parent::kMapValue); }
  void RootValue(const Node& value) { EmitNode(value, Parent::kDocument); }
  void EndMapping(const Open& m) {
    indent_ = m.saved_indent;
    if (m.keys == 0) EmitEmptyFlow("{", "}");
  }
  void EndDocument() {
    indent_ = -1;
    WriteIndent();  // DOCUMENT-END
  }

 private:
  static constexpr int kBestIndent = 2;
  static constexpr int kBestWidth = 80;

  // What the node hangs from: it decides how much a nested block indents (libyaml's state stack
  // top).
  enum class Parent : uint8_t { kDocument, kSeqItem, kMapKey, kMapValue };

  void Put(char c) {
    out_ += c;
    ++column_;
  }
  void PutBreak() {
    out_ += '\n';
    column_ = 0;
    indention_ = true;
  }
  // Copies one character (all its bytes) and advances one column.
  void Write(const Bytes& v, size_t* i) {
    const size_t w = Bytes::Width(v[*i]);
    out_.append(v.s.data() + *i, w);
    *i += w;
    ++column_;
  }
  // Copies the characters from *i up to the next space or line break (folding only happens at
  // spaces).
  void WriteRun(const Bytes& v, size_t* i) {
    size_t k = *i;
    int chars = 0;
    while (k < v.size() && v[k] != ' ' && !v.Break(k)) {
      k += Bytes::Width(v[k]);
      ++chars;
    }
    if (k > v.size()) k = v.size();
    out_.append(v.s.data() + *i, k - *i);
    column_ += chars;
    *i = k;
  }
  void WriteAll(std::string_view s) {
    out_ += s;
    column_ += static_cast<int>(s.size());  // ASCII indicators only
  }
  void WriteLineBreak(const Bytes& v, size_t* i) {
    if (v[*i] == '\n') {
      PutBreak();
      ++*i;
      return;
    }
    Write(v, i);
    column_ = 0;
    indention_ = true;
  }
  void WriteIndent() {
    const int indent = indent_ < 0 ? 0 : indent_;
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) PutBreak();
    if (column_ < indent) {
      out_.append(static_cast<size_t>(indent - column_), ' ');
      column_ = indent;
    }
    whitespace_ = true;
  }
  void WriteIndicator(std::string_view s, bool need_whitespace, bool is_whitespace,
                      bool is_indention) {
    if (need_whitespace && !whitespace_) Put(' ');
    WriteAll(s);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
  }

  // Pushes the indentation for a nested node and returns the one to restore.
  int IncreaseIndent(bool flow, Parent parent) {
    const int saved = indent_;
    if (indent_ < 0) {
      indent_ = flow ? kBestIndent : 0;
    } else if (parent == Parent::kSeqItem) {
      indent_ += 2;  // the first indentation inside a sequence just skips the "- "
    } else {
      indent_ = kBestIndent * ((indent_ + kBestIndent) / kBestIndent);
    }
    return saved;
  }

  void EmitNode(const Node& n, Parent parent) {
    switch (n.kind) {
      case NodeKind::kScalar: {
        Scalar sc;
        PrepareScalar(n, &sc);
        EmitScalar(sc, parent, /*simple_key=*/false);
        return;
      }
      case NodeKind::kSequence:
        if (n.items.empty()) {
          EmitEmptyFlow("[", "]");
        } else {
          EmitBlockSequence(n, parent);
        }
        return;
      case NodeKind::kMapping:
        if (n.entries.empty()) {
          EmitEmptyFlow("{", "}");
        } else {
          EmitBlockMapping(n, parent);
        }
        return;
    }
  }

  void EmitEmptyFlow(std::string_view open, std::string_view close) {
    WriteIndicator(open, true, true, false);
    WriteIndicator(close, false, false, false);
  }

  void EmitBlockSequence(const Node& n, Parent parent) {
    const int saved = IncreaseIndent(false, parent);
    for (const Node& item : n.items) {
      WriteIndent();
      WriteIndicator("-", true, false, true);
      EmitNode(item, Parent::kSeqItem);
    }
    indent_ = saved;
  }

  void EmitBlockMapping(const Node& n, Parent parent) {
    const int saved = IncreaseIndent(false, parent);
    for (const MapEntry& e : n.entries) {
      EmitKey(e.key);
      EmitNode(e.value, Parent::kMapValue);
    }
    indent_ = saved;
  }

  // A key of a block mapping, up to its ':'.
  void EmitKey(std::string_view text) {
    WriteIndent();
    Scalar key;
    PrepareString(text, &key);
    const size_t key_len = key.value.size() + (key.binary ? 8 : 0);  // "!!" + "binary"
    if (!key.multiline && key_len <= 128) {
      EmitScalar(key, Parent::kMapKey, /*simple_key=*/true);
      WriteIndicator(":", false, false, false);
    } else {
      WriteIndicator("?", true, false, true);
      EmitScalar(key, Parent::kMapKey, /*simple_key=*/false);
      WriteIndent();
      WriteIndicator(":", true, false, true);
    }
  }

  Style SelectStyle(const Scalar& sc, bool simple_key) const {
    Style style = sc.requested;
    if (simple_key && sc.multiline) style = Style::kDouble;
    if (style == Style::kPlain) {
      if (!sc.block_plain_allowed || (sc.value.empty() && simple_key)) style = Style::kSingle;
    }
    if (style == Style::kSingle && !sc.single_quoted_allowed) style = Style::kDouble;
    if (style == Style::kLiteral && (!sc.block_allowed || simple_key)) style = Style::kDouble;
    return style;
  }

  void EmitScalar(const Scalar& sc, Parent parent, bool simple_key) {
    const Style style = SelectStyle(sc, simple_key);
    if (sc.binary) {
      if (!whitespace_) Put(' ');
      WriteAll("!!binary");
      whitespace_ = false;
      indention_ = false;
    }
    const int saved = IncreaseIndent(true, parent);
    const Bytes v{sc.value};
    switch (style) {
      case Style::kPlain:
        if (sc.ascii_word) {
          // What WritePlain does for a run without spaces or breaks.
          if (!sc.value.empty()) {
            if (!whitespace_) Put(' ');
            out_ += sc.value;
            column_ += static_cast<int>(sc.value.size());
            whitespace_ = false;
          }
          indention_ = false;
        } else {
          WritePlain(v, !simple_key);
        }
        break;
      case Style::kSingle:
        WriteSingleQuoted(v, !simple_key);
        break;
      case Style::kDouble:
        WriteDoubleQuoted(v, !simple_key);
        break;
      case Style::kLiteral:
        WriteLiteral(v);
        break;
    }
    indent_ = saved;
  }

  void WritePlain(const Bytes& v, bool allow_breaks) {
    if (v.size() > 0 && !whitespace_) Put(' ');
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < v.size();) {
      if (v.Space(i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && !v.Space(i + 1)) {
          WriteIndent();
          ++i;
        } else {
          Write(v, &i);
        }
        spaces = true;
      } else if (v.Break(i)) {
        if (!breaks && v[i] == '\n') PutBreak();
        WriteLineBreak(v, &i);
        breaks = true;
      } else {
        if (breaks) WriteIndent();
        WriteRun(v, &i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    if (v.size() > 0) whitespace_ = false;
    indention_ = false;
  }

  void WriteSingleQuoted(const Bytes& v, bool allow_breaks) {
    WriteIndicator("'", true, false, false);
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < v.size();) {
      if (v.Space(i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i + 1 < v.size() &&
            !v.Space(i + 1)) {
          WriteIndent();
          ++i;
        } else {
          Write(v, &i);
        }
        spaces = true;
      } else if (v.Break(i)) {
        if (!breaks && v[i] == '\n') PutBreak();
        WriteLineBreak(v, &i);
        breaks = true;
      } else {
        if (breaks) WriteIndent();
        if (v[i] == '\'') Put('\'');
        Write(v, &i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    WriteIndicator("'", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void WriteDoubleQuoted(const Bytes& v, bool allow_breaks) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    WriteIndicator("\"", true, false, false);
    const bool bom = v.StartsWithBom();
    bool spaces = false;
    for (size_t i = 0; i < v.size();) {
      const unsigned char c = v[i];
      if (!v.Printable(i) || bom || v.Break(i) || c == '"' || c == '\\') {
        size_t size;
        char32_t r = DecodeRune(v.s, i, &size);
        if (size == 1 && c >= 0x80) r = c;  // not reached for valid UTF-8
        i += size;
        Put('\\');
        if (const char e = ShortEscape(r); e != 0) {
          Put(e);
        } else {
          const int digits = r <= 0xFF ? 2 : r <= 0xFFFF ? 4 : 8;
          Put(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
          for (int k = (digits - 1) * 4; k >= 0; k -= 4) Put(kHex[(r >> k) & 0x0F]);
        }
        spaces = false;
      } else if (c == ' ') {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i + 1 < v.size()) {
          WriteIndent();
          if (v.Space(i + 1)) Put('\\');
          ++i;
        } else {
          Write(v, &i);
        }
        spaces = true;
      } else {
        Write(v, &i);
        spaces = false;
      }
    }
    WriteIndicator("\"", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void WriteLiteral(const Bytes& v) {
    WriteIndicator("|", true, false, false);
    if (v.Space(0)) {
      const char hint[] = {static_cast<char>('0' + kBestIndent), 0};
      WriteIndicator(hint, false, false, false);
    }
    // Chomping: '-' without a final break, '+' when the final break follows another (or is all
    // there is).
    char chomp = 0;
    if (v.size() == 0) {
      chomp = '-';
    } else {
      size_t i = v.size() - 1;
      while (i > 0 && (v[i] & 0xC0) == 0x80) --i;
      if (!v.Break(i)) {
        chomp = '-';
      } else if (i == 0) {
        chomp = '+';
      } else {
        --i;
        while (i > 0 && (v[i] & 0xC0) == 0x80) --i;
        if (v.Break(i)) chomp = '+';
      }
    }
    if (chomp != 0) WriteIndicator(std::string_view(&chomp, 1), false, false, false);
    PutBreak();
    whitespace_ = true;
    bool breaks = true;
    for (size_t i = 0; i < v.size();) {
      if (v.Break(i)) {
        WriteLineBreak(v, &i);
        breaks = true;
      } else {
        if (breaks) WriteIndent();
        Write(v, &i);
        indention_ = false;
        breaks = false;
      }
    }
  }

  std::string& out_;
  int indent_ = -1;
  int column_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
};

// ---------------------------------------------------------------------------------------------------------------
// encoding/json.

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&') {
        ++i;
        continue;
      }
      out->append(s, start, i - start);
      switch (b) {
        case '\\':
        case '"':
          *out += '\\';
          *out += static_cast<char>(b);
          break;
        case '\b':
          *out += "\\b";
          break;
        case '\f':
          *out += "\\f";
          break;
        case '\n':
          *out += "\\n";
          break;
        case '\r':
          *out += "\\r";
          break;
        case '\t':
          *out += "\\t";
          break;
        default:
          *out += "\\u00";
          *out += kHex[b >> 4];
          *out += kHex[b & 0xF];
      }
      start = ++i;
      continue;
    }
    size_t size;
    const char32_t r = DecodeRune(s, i, &size);
    if (size == 1) {  // invalid UTF-8
      out->append(s, start, i - start);
      *out += "\\ufffd";
      start = ++i;
      continue;
    }
    if (r == 0x2028 || r == 0x2029) {
      out->append(s, start, i - start);
      *out += "\\u202";
      *out += kHex[r & 0xF];
      i += size;
      start = i;
      continue;
    }
    i += size;
  }
  out->append(s, start, s.size() - start);
  *out += '"';
}

class JsonEmitter {
 public:
  explicit JsonEmitter(std::string* out) : out_(*out) {}

  bool Emit(const Node& n, int depth) {
    switch (n.kind) {
      case NodeKind::kScalar:
        return Scalar(n);
      case NodeKind::kSequence:
        if (n.items.empty()) {
          out_ += "[]";
          return true;
        }
        out_ += '[';
        for (size_t k = 0; k < n.items.size(); ++k) {
          if (k > 0) out_ += ',';
          NewLine(depth + 1);
          if (!Emit(n.items[k], depth + 1)) return false;
        }
        NewLine(depth);
        out_ += ']';
        return true;
      case NodeKind::kMapping:
        if (n.entries.empty()) {
          out_ += "{}";
          return true;
        }
        out_ += '{';
        for (size_t k = 0; k < n.entries.size(); ++k) {
          if (k > 0) out_ += ',';
          NewLine(depth + 1);
          AppendJsonString(n.entries[k].key, &out_);
          out_ += ": ";
          if (!Emit(n.entries[k].value, depth + 1)) return false;
        }
        NewLine(depth);
        out_ += '}';
        return true;
    }
    return true;
  }

  std::string error;

  void NewLine(int depth) {
    out_ += '\n';
    out_.append(static_cast<size_t>(depth) * 2, ' ');
  }

  bool Scalar(const Node& n) {
    switch (n.type) {
      case ScalarType::kNull:
        out_ += "null";
        return true;
      case ScalarType::kBool:
        out_ += n.AsBool().value_or(n.text == "true") ? "true" : "false";
        return true;
      case ScalarType::kInt:
        AppendInt(n, &out_);
        return true;
      case ScalarType::kFloat: {
        const double v = FloatValue(n);
        if (!std::isfinite(v)) {
          error = std::string("json: unsupported value: ") + (std::isnan(v) ? "NaN"
                                                              : v > 0       ? "+Inf"
                                                                            : "-Inf");
          return false;
        }
        AppendJsonFloat(v, &out_);
        return true;
      }
      case ScalarType::kString:
        AppendJsonString(n.text, &out_);
        return true;
    }
    return true;
  }

  std::string& out_;
};

// A generous estimate of the printed size, so the output grows once: text, keys, and indentation by
// depth.
size_t EstimateSize(const Node& n, size_t depth) {
  switch (n.kind) {
    case NodeKind::kScalar:
      return n.text.size() + 8;
    case NodeKind::kSequence: {
      size_t total = 4;
      for (const Node& item : n.items) total += 2 * depth + 4 + EstimateSize(item, depth + 1);
      return total;
    }
    case NodeKind::kMapping: {
      size_t total = 4;
      for (const MapEntry& e : n.entries) {
        total += 2 * depth + 6 + e.key.size() + EstimateSize(e.value, depth + 1);
      }
      return total;
    }
  }
  return 0;
}

class YamlWriter final : public GoWriter {
 public:
  explicit YamlWriter(std::string* out) : emitter_(out) {}
  void BeginMapping() override { open_.push_back(emitter_.BeginMapping(open_.empty())); }
  void Key(std::string_view key) override { emitter_.MappingKey(open_.back(), key); }
  bool Value(const Node& value) override {
    if (open_.empty()) {
      emitter_.RootValue(value);
    } else {
      emitter_.MappingValue(value);
    }
    return true;
  }
  void EndMapping() override {
    emitter_.EndMapping(open_.back());
    open_.pop_back();
  }
  bool Finish(std::string* /*error*/) override {
    emitter_.EndDocument();
    return true;
  }

 private:
  YamlEmitter emitter_;
  std::vector<YamlEmitter::Open> open_;
};

class JsonWriter final : public GoWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out), emitter_(out) {}
  void BeginMapping() override { keys_.push_back(0); }
  void Key(std::string_view key) override {
    out_ += keys_.back()++ == 0 ? '{' : ',';
    emitter_.NewLine(static_cast<int>(keys_.size()));
    AppendJsonString(key, &out_);
    out_ += ": ";
  }
  bool Value(const Node& value) override {
    if (failed_) return false;
    if (!emitter_.Emit(value, static_cast<int>(keys_.size()))) failed_ = true;
    return !failed_;
  }
  void EndMapping() override {
    const size_t keys = keys_.back();
    keys_.pop_back();
    if (keys == 0) {
      out_ += "{}";
      return;
    }
    emitter_.NewLine(static_cast<int>(keys_.size()));
    out_ += '}';
  }
  bool Finish(std::string* error) override {
    if (!failed_) return true;
    out_.clear();
    if (error != nullptr) *error = emitter_.error;
    return false;
  }

 private:
  std::string& out_;
  JsonEmitter emitter_;
  std::vector<size_t> keys_;  // per open mapping, the keys written so far
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<GoWriter> MakeGoYamlWriter(std::string* out) {
  return std::make_unique<YamlWriter>(out);
}

std::unique_ptr<GoWriter> MakeGoJsonWriter(std::string* out) {
  return std::make_unique<JsonWriter>(out);
}

bool GoYamlResolvesToString(std::string_view in) {
  if (in.empty()) return false;  // null
  const char c = in[0];
  if (kMayNotBeString.find(c) == std::string_view::npos) return true;
  const bool in_map = std::string_view("yYnNtTfFoO~<").find(c) != std::string_view::npos;
  static constexpr std::string_view kResolved[] = {
      "true",  "True",  "TRUE",  "false", "False", "FALSE", "~",    "null",  "Null",
      "NULL",  ".nan",  ".NaN",  ".NAN",  ".inf",  ".Inf",  ".INF", "+.inf", "+.Inf",
      "+.INF", "-.inf", "-.Inf", "-.INF", "-0",    "-0.0",  "<<"};
  for (std::string_view r : kResolved) {
    if (in == r) return false;
  }
  if (in_map) return true;
  if (c == '.') return !IsDotFloat(in);
  if (IsYamlTimestamp(in)) return false;
  std::string plain;
  plain.reserve(in.size());
  for (char ch : in) {
    if (ch != '_') plain += ch;
  }
  if (IsGoInt(plain)) return false;
  return !IsYamlStyleFloat(plain);
}

std::string GoYamlFloat(double v) {
  std::string out;
  AppendYamlFloat(v, &out);
  return out;
}

std::string GoJsonFloat(double v) {
  std::string out;
  AppendJsonFloat(v, &out);
  return out;
}

std::string EmitGoYaml(const Node& root) {
  std::string out;
  out.reserve(EstimateSize(root, 0));
  YamlEmitter(&out).Document(root);
  return out;
}

bool EmitGoJson(const Node& root, std::string* out, std::string* error) {
  out->clear();
  out->reserve(EstimateSize(root, 0));
  JsonEmitter e(out);
  if (!e.Emit(root, 0)) {
    out->clear();
    if (error != nullptr) *error = e.error;
    return false;
  }
  return true;
}

std::string EmitGoJson(const Node& root) {
  std::string out;
  EmitGoJson(root, &out, nullptr);
  return out;
}

}  // namespace stackc::frontend
