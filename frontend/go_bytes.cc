#include "frontend/go_bytes.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace stackc::frontend {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) { return IsDigit(c) || (Lower(c) >= 'a' && Lower(c) <= 'f'); }

// Go's strconv underscoreOK: '_' only between digits (or after a base prefix).
bool UnderscoresOk(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if (IsDigit(s[i]) || (hex && IsHexDigit(s[i]))) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

enum class FloatStatus { kOk, kSyntax, kRange };

// "inf", "infinity" (optionally signed) or "nan", any case, as the whole text.
bool ParseSpecialFloat(std::string_view s, double* out) {
  const auto equals_ignore_case = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (Lower(a[i]) != b[i]) return false;
    }
    return true;
  };
  if (equals_ignore_case(s, "nan")) {
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  double sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  if (equals_ignore_case(s, "inf") || equals_ignore_case(s, "infinity")) {
    *out = sign * std::numeric_limits<double>::infinity();
    return true;
  }
  return false;
}

// strconv.ParseFloat(s, 64): Go's float literal syntax (decimal or hex mantissa with a
// required p exponent, '_' separators), correctly rounded; out of range means overflow.
FloatStatus ParseGoFloat(std::string_view s, double* out) {
  if (ParseSpecialFloat(s, out)) return FloatStatus::kOk;

  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && Lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  // Mantissa, collected without underscores; `magnitude` tracks where the first significant
  // digit sits relative to the point (in digits), which decides overflow vs underflow.
  std::string digits;
  bool saw_dot = false;
  bool saw_digits = false;
  bool underscores = false;
  bool seen_nonzero = false;
  int64_t magnitude = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
      digits.push_back('.');
      continue;
    }
    if (IsDigit(c) || (hex && IsHexDigit(c))) {
      saw_digits = true;
      if (c != '0') seen_nonzero = true;
      if (seen_nonzero && !saw_dot) ++magnitude;
      if (!seen_nonzero && saw_dot) --magnitude;
      digits.push_back(c);
      continue;
    }
    break;
  }
  if (!saw_digits) return FloatStatus::kSyntax;
  int64_t exponent = 0;
  if (i < s.size() && Lower(s[i]) == (hex ? 'p' : 'e')) {
    ++i;
    if (i >= s.size()) return FloatStatus::kSyntax;
    int64_t exponent_sign = 1;
    if (s[i] == '+' || s[i] == '-') {
      exponent_sign = s[i] == '-' ? -1 : 1;
      ++i;
    }
    if (i >= s.size() || !IsDigit(s[i])) return FloatStatus::kSyntax;
    for (; i < s.size() && (IsDigit(s[i]) || s[i] == '_'); ++i) {
      if (s[i] == '_') {
        underscores = true;
        continue;
      }
      if (exponent < 10000) exponent = exponent * 10 + (s[i] - '0');
    }
    exponent *= exponent_sign;
  } else if (hex) {
    return FloatStatus::kSyntax;  // a hex mantissa needs a 'p' exponent
  }
  if (underscores && !UnderscoresOk(s.substr(0, i))) return FloatStatus::kSyntax;
  if (i != s.size()) return FloatStatus::kSyntax;

  if (hex) {
    digits.push_back('p');
  } else {
    digits.push_back('e');
  }
  digits.append(std::to_string(exponent));
  double value = 0;
  const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), value,
                                   hex ? std::chars_format::hex : std::chars_format::general);
  if (res.ec == std::errc::result_out_of_range) {
    // Overflow is an error (Go returns ±Inf); underflow rounds to zero silently.
    const int64_t scale = hex ? magnitude * 4 + exponent : magnitude + exponent;
    if (scale > 0) {
      *out = negative ? -std::numeric_limits<double>::infinity()
                      : std::numeric_limits<double>::infinity();
      return FloatStatus::kRange;
    }
    value = 0;
  } else if (res.ec != std::errc() || res.ptr != digits.data() + digits.size()) {
    return FloatStatus::kSyntax;
  }
  *out = negative ? -value : value;
  return FloatStatus::kOk;
}

// Go's strconv.Quote, for the error text. Non-ASCII runes are kept as they are, except C1
// controls and U+00AD (Go escapes a few more that it does not consider printable).
void AppendGoQuoted(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\a':
          out->append("\\a");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\v':
          out->append("\\v");
          break;
        default:
          if (c >= 0x20 && c < 0x7F) {
            out->push_back(static_cast<char>(c));
          } else {
            out->append("\\x").push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 0xF]);
          }
      }
      ++i;
      continue;
    }
    // Validate one UTF-8 sequence (Go's rules); an invalid byte is written as \xNN.
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
    }
    bool valid = n > 0 && i + n <= s.size();
    for (size_t k = 1; valid && k < n; ++k) {
      const unsigned char b = static_cast<unsigned char>(s[i + k]);
      valid = b >= (k == 1 ? lo : 0x80) && b <= (k == 1 ? hi : 0xBF);
    }
    if (!valid) {
      out->append("\\x").push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
      ++i;
      continue;
    }
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (n == 2 && c == 0xC2 && (c1 < 0xA0 || c1 == 0xAD)) {  // C1 controls, soft hyphen
      out->append("\\u00").push_back(kHex[c1 >> 4]);
      out->push_back(kHex[c1 & 0xF]);
    } else {
      out->append(s.substr(i, n));
    }
    i += n;
  }
  out->push_back('"');
}

GoBytesResult Fail(std::string error) {
  GoBytesResult r;
  r.bytes = -1;
  r.error = std::move(error);
  return r;
}

// Go's int64(f) on amd64: truncation, and INT64_MIN for NaN or out of range.
int64_t TruncateToInt64(double f) {
  if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) {
    return std::numeric_limits<int64_t>::min();
  }
  return static_cast<int64_t>(f);
}

}  // namespace

bool ParseGoInt64(std::string_view text, int64_t* out) {
  size_t i = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    i = 1;
  }
  if (i == text.size()) return false;
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t value = 0;
  for (; i < text.size(); ++i) {
    if (!IsDigit(text[i])) return false;
    const uint64_t digit = static_cast<uint64_t>(text[i] - '0');
    if (value > (limit - digit) / 10) return false;
    value = value * 10 + digit;
  }
  *out = negative ? static_cast<int64_t>(~value + 1) : static_cast<int64_t>(value);
  return true;
}

GoBytesResult ParseRamInBytes(std::string_view text) {
  const size_t sep = text.find_last_of("0123456789. ");
  if (sep == std::string_view::npos) {
    return Fail("invalid size: '" + std::string(text) + "'");
  }
  const std::string_view number = text.substr(0, text[sep] == ' ' ? sep : sep + 1);
  const std::string_view suffix = text.substr(sep + 1);

  double size = 0;
  const FloatStatus status = ParseGoFloat(number, &size);
  if (status != FloatStatus::kOk) {
    std::string error = "strconv.ParseFloat: parsing ";
    AppendGoQuoted(number, &error);
    error.append(status == FloatStatus::kSyntax ? ": invalid syntax" : ": value out of range");
    return Fail(std::move(error));
  }
  if (size < 0) return Fail("invalid size: '" + std::string(text) + "'");

  GoBytesResult r;
  if (suffix.empty()) {
    r.bytes = TruncateToInt64(size);
    return r;
  }
  if (suffix.size() > 3)
    return Fail("invalid suffix: '" + std::string(suffix) + "'");  // not lowered
  // strings.ToLower, for ASCII and Latin-1 letters (it only shows in the error text).
  std::string lower(suffix);
  for (size_t i = 0; i < lower.size(); ++i) {
    lower[i] = Lower(lower[i]);
    const unsigned char b = static_cast<unsigned char>(lower[i]);
    if (b == 0xC3 && i + 1 < lower.size()) {
      const unsigned char next = static_cast<unsigned char>(lower[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        lower[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  const auto bad_suffix = [&] { return Fail("invalid suffix: '" + lower + "'"); };
  if (lower[0] == 'b') {
    if (lower.size() > 1) return bad_suffix();
    r.bytes = TruncateToInt64(size);
    return r;
  }
  int shift = 0;
  switch (lower[0]) {
    case 'k':
      shift = 10;
      break;
    case 'm':
      shift = 20;
      break;
    case 'g':
      shift = 30;
      break;
    case 't':
      shift = 40;
      break;
    case 'p':
      shift = 50;
      break;
    default:
      return bad_suffix();
  }
  size *= static_cast<double>(int64_t{1} << shift);
  if ((lower.size() == 2 && lower[1] != 'b') ||
      (lower.size() == 3 && std::string_view(lower).substr(1) != "ib")) {
    return bad_suffix();
  }
  r.bytes = TruncateToInt64(size);
  return r;
}

GoBytesResult ParseUnitBytes(std::string_view text) {
  GoBytesResult r;
  if (ParseGoInt64(text, &r.bytes)) return r;
  return ParseRamInBytes(text);
}

std::string FormatUnitBytes(int64_t bytes) { return std::to_string(bytes); }

}  // namespace stackc::frontend
