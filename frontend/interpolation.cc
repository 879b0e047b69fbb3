#include "frontend/interpolation.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "frontend/go_emit.h"
#include "frontend/utf8.h"

namespace stackc::frontend {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// UTF-8 and Go's strconv.Quote.

// Go's unicode.IsPrint for the runes that matter in messages: exact for ASCII and Latin-1, the
// spaces, format characters and private-use areas; other assigned and unassigned runes count as
// printable.
bool IsGoPrint(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  if (r <= 0xA0 || r == 0xAD) return false;
  if ((r >= 0x600 && r <= 0x605) || r == 0x61C || r == 0x6DD || r == 0x70F || r == 0x180E)
    return false;
  if (r == 0x1680 || (r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202F)) return false;
  if ((r >= 0x205F && r <= 0x206F) || r == 0x3000 || r == 0xFEFF) return false;
  if ((r >= 0xD800 && r <= 0xF8FF) || (r >= 0xFFF9 && r <= 0xFFFB) || r == 0xFFFE || r == 0xFFFF)
    return false;
  if ((r >= 0xE0000 && r <= 0xE007F) || r >= 0xF0000) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The template engine.

bool IsAsciiNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsAsciiNameChar(char c) { return IsAsciiNameStart(c) || (c >= '0' && c <= '9'); }

// The byte length of a name character at t[i], 0 when there is none. compose-go's pattern is
// `(?i)[_a-z]...`; Go's case folding adds U+017F (long s) and U+212A (Kelvin sign) to [a-z].
size_t NameCharLen(std::string_view t, size_t i, bool start) {
  if (i >= t.size()) return 0;
  const char c = t[i];
  if (start ? IsAsciiNameStart(c) : IsAsciiNameChar(c)) return 1;
  if (t.substr(i, 2) == "\xC5\xBF") return 2;
  if (t.substr(i, 3) == "\xE2\x84\xAA") return 3;
  return 0;
}

size_t ScanName(std::string_view t, size_t i) {
  size_t n = NameCharLen(t, i, true);
  if (n == 0) return i;
  i += n;
  while ((n = NameCharLen(t, i, false)) != 0) i += n;
  return i;
}

enum class Op : uint8_t {
  kNone,
  kRequiredNonEmpty,
  kRequired,
  kDefaultNonEmpty,
  kDefault,
  kAltNonEmpty,
  kAlt
};

// One match of compose-go's pattern
//   \$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|{(?:(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?P<invalid>)))
// at a '$'. A braced form with an operator ends at the last '}' of its line (`.*` is greedy, stops
// at '\n').
struct Match {
  enum class Kind : uint8_t { kEscaped, kNamed, kBraced, kInvalid } kind = Kind::kInvalid;
  size_t end = 0;
  size_t name_begin = 0;
  size_t name_end = 0;
  Op op = Op::kNone;
  size_t op_end = 0;  // index after the operator
};

bool MatchAt(std::string_view t, size_t p, Match* m) {
  if (p + 1 >= t.size()) return false;
  const char c = t[p + 1];
  if (c == '$') {
    m->kind = Match::Kind::kEscaped;
    m->end = p + 2;
    return true;
  }
  if (size_t e = ScanName(t, p + 1); e != p + 1) {
    m->kind = Match::Kind::kNamed;
    m->name_begin = p + 1;
    m->name_end = m->end = e;
    return true;
  }
  if (c != '{') return false;
  m->kind = Match::Kind::kInvalid;
  m->end = p + 2;
  const size_t nb = p + 2;
  const size_t ne = ScanName(t, nb);
  if (ne == nb || ne >= t.size()) return true;
  m->name_begin = nb;
  m->name_end = ne;
  if (t[ne] == '}') {
    m->kind = Match::Kind::kBraced;
    m->end = ne + 1;
    return true;
  }
  size_t q = ne;
  const bool colon = t[q] == ':';
  if (colon) ++q;
  if (q >= t.size()) return true;
  switch (t[q]) {
    case '?':
      m->op = colon ? Op::kRequiredNonEmpty : Op::kRequired;
      break;
    case '-':
      m->op = colon ? Op::kDefaultNonEmpty : Op::kDefault;
      break;
    case '+':
      m->op = colon ? Op::kAltNonEmpty : Op::kAlt;
      break;
    default:
      return true;
  }
  ++q;
  size_t line_end = t.find('\n', q);
  if (line_end == std::string_view::npos) line_end = t.size();
  const size_t close = t.substr(q, line_end - q).rfind('}');
  if (close == std::string_view::npos) {
    m->op = Op::kNone;
    return true;
  }
  m->kind = Match::Kind::kBraced;
  m->op_end = q;
  m->end = q + close + 1;
  return true;
}

// compose-go's getFirstBraceClosingIndex, with its quirk: the character after each '{' is skipped.
size_t FirstBraceClosing(std::string_view s) {
  int open = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '}') {
      --open;
      if (open == 0) return i;
    }
    if (s[i] == '{') {
      ++open;
      ++i;
    }
  }
  return std::string_view::npos;
}

class Substituter {
 public:
  Substituter(const EnvLookup& lookup, std::vector<std::string>* unset)
      : lookup_(lookup), unset_(unset) {}

  // One SubstituteWithOptions call: appends the result to *out; returns the first error of this
  // level.
  std::optional<TemplateError> Run(std::string_view t, std::string* out) {
    std::optional<TemplateError> first;
    size_t i = 0;
    while (true) {
      const size_t d = t.find('$', i);
      if (d == std::string_view::npos) break;
      Match m;
      if (!MatchAt(t, d, &m)) {
        out->append(t.substr(i, d + 1 - i));
        i = d + 1;
        continue;
      }
      out->append(t.substr(i, d - i));
      std::optional<TemplateError> err = Replace(t, d, m, out);
      if (err && !first) first = std::move(err);
      i = m.end;
    }
    out->append(t.substr(i));
    return first;
  }

 private:
  std::optional<TemplateError> Replace(std::string_view t, size_t begin, const Match& m,
                                       std::string* out) {
    switch (m.kind) {
      case Match::Kind::kEscaped:
        out->push_back('$');
        return std::nullopt;
      case Match::Kind::kInvalid: {
        TemplateError e;
        e.kind = TemplateError::Kind::kInvalid;
        e.template_text = std::string(t);
        return e;
      }
      case Match::Kind::kNamed:
      case Match::Kind::kBraced:
        break;
    }
    const std::string_view name = t.substr(m.name_begin, m.name_end - m.name_begin);
    if (m.op == Op::kNone) {
      if (std::optional<std::string> v = lookup_(name)) {
        out->append(*v);
      } else if (unset_) {
        unset_->emplace_back(name);
      }
      return std::nullopt;
    }
    // The braced form is cut at its matching brace; what follows up to the end of the match is
    // interpolated on its own and appended.
    std::string_view whole = t.substr(begin, m.end - begin);
    std::string_view rest;
    if (size_t close = FirstBraceClosing(whole); close != std::string_view::npos) {
      rest = whole.substr(close + 1);
      whole = whole.substr(0, close + 1);
    }
    const size_t arg_begin = m.op_end - begin;
    const std::string_view arg = whole.substr(arg_begin, whole.size() - 1 - arg_begin);
    const std::optional<std::string> value = lookup_(name);
    const bool set = value.has_value();
    const bool non_empty = set && !value->empty();
    std::optional<TemplateError> err;
    switch (m.op) {
      case Op::kRequiredNonEmpty:
      case Op::kRequired:
        if (m.op == Op::kRequiredNonEmpty ? !non_empty : !set) {
          std::string reason;
          if ((err = Run(arg, &reason))) return err;
          TemplateError e;
          e.kind = TemplateError::Kind::kRequired;
          e.variable = std::string(name);
          e.reason = std::move(reason);
          return e;
        }
        out->append(*value);
        break;
      case Op::kDefaultNonEmpty:
      case Op::kDefault:
        if (m.op == Op::kDefaultNonEmpty ? !non_empty : !set) {
          if ((err = Run(arg, out))) return err;
        } else {
          out->append(*value);
        }
        break;
      case Op::kAltNonEmpty:
      case Op::kAlt:
        if (m.op == Op::kAltNonEmpty ? non_empty : set) {
          if ((err = Run(arg, out))) return err;
        } else if (value) {
          out->append(*value);
        }
        break;
      case Op::kNone:
        break;
    }
    return Run(rest, out);
  }

  const EnvLookup& lookup_;
  std::vector<std::string>* unset_;
};

// ---------------------------------------------------------------------------------------------------------------
// ExtractVariables (template/variables.go).

void ExtractInto(std::string_view s, std::vector<TemplateVariable>* values) {
  size_t i = 0;
  while (true) {
    const size_t d = s.find('$', i);
    if (d == std::string_view::npos) return;
    Match m;
    if (!MatchAt(s, d, &m)) {
      i = d + 1;
      continue;
    }
    i = m.end;
    if (m.kind == Match::Kind::kEscaped) continue;
    std::string_view val;
    if (m.kind == Match::Kind::kNamed) {
      val = s.substr(m.name_begin, m.name_end - m.name_begin);
    } else if (m.kind == Match::Kind::kBraced) {
      const std::string_view match = s.substr(d, m.end - d);
      val = s.substr(m.name_begin, m.end - 1 - m.name_begin);  // the braced group
      const size_t close = FirstBraceClosing(match);
      if (close != std::string_view::npos && close > 0) {
        val = match.substr(2, close - 2);
        ExtractInto(match.substr(close + 1), values);
      }
    }
    TemplateVariable v;
    v.name = std::string(val);
    size_t k = 0;
    while (k < val.size() && IsAsciiNameChar(val[k])) ++k;
    if (k > 0 && k < val.size()) {
      v.name = std::string(val.substr(0, k));
      const std::string_view rest = val.substr(k);
      if (rest.starts_with(":?") || rest.starts_with("?")) {
        v.required = true;
      } else if (rest.starts_with(":-")) {
        v.default_value = std::string(rest.substr(2));
      } else if (rest.starts_with("-")) {
        v.default_value = std::string(rest.substr(1));
      } else if (rest.starts_with(":+")) {
        v.presence_value = std::string(rest.substr(2));
      } else if (rest.starts_with("+")) {
        v.presence_value = std::string(rest.substr(1));
      }
    }
    const std::string def = v.default_value;
    const std::string presence = v.presence_value;
    values->push_back(std::move(v));
    if (!def.empty()) ExtractInto(def, values);
    if (!presence.empty()) ExtractInto(presence, values);
  }
}

void ExtractTree(const Node& n, std::map<std::string, TemplateVariable>* out) {
  switch (n.kind) {
    case NodeKind::kScalar:
      if (n.is_string() && n.text.find('$') != std::string::npos) {
        for (TemplateVariable& v : ExtractVariables(n.text)) (*out)[v.name] = std::move(v);
      }
      break;
    case NodeKind::kSequence:
      for (const Node& item : n.items) ExtractTree(item, out);
      break;
    case NodeKind::kMapping:
      for (const MapEntry& e : n.entries) ExtractTree(e.value, out);
      break;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Casts (loader/interpolate.go) with strconv's error texts.

std::string NumError(std::string_view func, std::string_view num, bool range) {
  return fmt::format("strconv.{}: parsing {}: {}", func, GoQuote(num),
                     range ? "value out of range" : "invalid syntax");
}

// strconv.ParseInt(s, 10, 64) (Atoi is the same with its own name in the error).
bool ParseGoInt(std::string_view s, std::string_view func, int64_t* v, std::string* err) {
  std::string_view digits = s;
  bool neg = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    neg = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) {
    *err = NumError(func, s, false);
    return false;
  }
  uint64_t n = 0;
  constexpr uint64_t kCutoff = UINT64_MAX / 10 + 1;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      *err = NumError(func, s, false);
      return false;
    }
    if (n >= kCutoff) {
      *err = NumError(func, s, true);
      return false;
    }
    n = n * 10;
    const uint64_t n1 = n + static_cast<uint64_t>(c - '0');
    if (n1 < n) {
      *err = NumError(func, s, true);
      return false;
    }
    n = n1;
  }
  const uint64_t limit = uint64_t{1} << 63;
  if ((!neg && n >= limit) || (neg && n > limit)) {
    *err = NumError(func, s, true);
    return false;
  }
  *v = neg ? static_cast<int64_t>(0 - n) : static_cast<int64_t>(n);
  return true;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

size_t CommonPrefixIgnoreCase(std::string_view s, std::string_view prefix) {
  size_t n = 0;
  while (n < s.size() && n < prefix.size() && Lower(s[n]) == prefix[n]) ++n;
  return n;
}

// strconv's underscoreOK.
bool UnderscoreOk(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// Whether s is entirely one float literal as strconv.ParseFloat reads it (readFloat's grammar).
bool GoFloatSyntax(std::string_view s) {
  size_t i = 0;
  bool underscores = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && Lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool sawdot = false;
  bool sawdigits = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (sawdot) break;
      sawdot = true;
    } else if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      sawdigits = true;
    } else {
      break;
    }
  }
  if (!sawdigits) return false;
  if (i < s.size() && Lower(s[i]) == (hex ? 'p' : 'e')) {
    ++i;
    if (i >= s.size()) return false;
    if (s[i] == '+' || s[i] == '-') ++i;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); ++i) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;
  }
  if (underscores && !UnderscoreOk(s.substr(0, i))) return false;
  return i == s.size();
}

// strconv.ParseFloat(s, 64 or 32); the value is rounded once, to the target size.
bool ParseGoFloat(std::string_view s, bool f32, double* v, std::string* err) {
  // special(): [+-]inf, [+-]infinity, nan, any case.
  {
    std::string_view t = s;
    double sign = 1;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
      sign = t[0] == '-' ? -1 : 1;
      t.remove_prefix(1);
      size_t n = CommonPrefixIgnoreCase(t, "infinity");
      if ((n == 3 && t.size() == 3) || (n == 8 && t.size() == 8)) {
        *v = sign * HUGE_VAL;
        return true;
      }
    } else if (!t.empty()) {
      size_t n = CommonPrefixIgnoreCase(t, "infinity");
      if ((n == 3 && t.size() == 3) || (n == 8 && t.size() == 8)) {
        *v = HUGE_VAL;
        return true;
      }
      if (CommonPrefixIgnoreCase(t, "nan") == 3 && t.size() == 3) {
        *v = std::nan("");
        return true;
      }
    }
  }
  if (!GoFloatSyntax(s)) {
    *err = NumError("ParseFloat", s, false);
    return false;
  }
  std::string plain;
  plain.reserve(s.size());
  for (char c : s) {
    if (c != '_') plain.push_back(c);
  }
  errno = 0;
  double d;
  if (f32) {
    const float f = std::strtof(plain.c_str(), nullptr);
    d = f;
  } else {
    d = std::strtod(plain.c_str(), nullptr);
  }
  if (std::isinf(d)) {
    *err = NumError("ParseFloat", s, true);
    return false;
  }
  *v = d;
  return true;
}

// How a cast float is written back into Node::text: Go's shortest formatting of the value at its
// size.
std::string FloatText(double d, bool f32) {
  if (f32 && std::isfinite(d)) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<float>(d));
    d = std::strtod(std::string(buf, r.ptr).c_str(), nullptr);
  }
  return GoYamlFloat(d);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The tree walk.

constexpr std::string_view kGhost =
    "\xF0\x9F\x91\xBB";  // tree.Path's stand-in for '.' inside a key

struct Frame {
  std::string_view part;  // the key, or "[]"
  size_t index = 0;       // the sequence index, for sorting
  bool is_index = false;
};

struct PendingError {
  std::vector<std::string> sort_key;
  ir::Span span;
  const char* code;
  std::string message;
};

class Walker {
 public:
  Walker(const EnvLookup& lookup, const InterpolateOptions& options)
      : lookup_(lookup), options_(options) {}

  void Walk(Node& n) {
    switch (n.kind) {
      case NodeKind::kScalar:
        if (n.is_string()) Scalar(n);
        break;
      case NodeKind::kSequence:
        for (size_t i = 0; i < n.items.size(); ++i) {
          frames_.push_back(Frame{"[]", i, true});
          Walk(n.items[i]);
          frames_.pop_back();
        }
        break;
      case NodeKind::kMapping:
        for (MapEntry& e : n.entries) {
          const size_t depth = frames_.size();
          if (depth == 0) {
            // tree.NewPath(key) does not protect the dots of a top-level key.
            std::string_view key = e.key;
            size_t dot;
            while ((dot = key.find('.')) != std::string_view::npos) {
              frames_.push_back(Frame{key.substr(0, dot)});
              key.remove_prefix(dot + 1);
            }
            frames_.push_back(Frame{key});
          } else {
            frames_.push_back(Frame{e.key});
          }
          Walk(e.value);
          frames_.resize(depth);
        }
        break;
    }
  }

  std::vector<PendingError>& errors() { return errors_; }
  std::vector<InterpolationWarning>& warnings() { return warnings_; }

 private:
  void Scalar(Node& n) {
    if (n.text.find('$') != std::string::npos) {
      std::string out;
      TemplateError err;
      unset_.clear();
      const bool ok = Substitute(n.text, lookup_, &out, &err, &unset_);
      for (const std::string& name : unset_)
        warnings_.push_back({n.span, UnsetVariableWarning(name)});
      if (!ok) {
        if (err.kind == TemplateError::Kind::kInvalid) {
          Error(
              n, kInterpolationErrorCode,
              fmt::format(
                  "invalid interpolation format for {}.\nYou may need to escape any $ with another "
                  "$.\n{}",
                  Path(), err.template_text));
        } else {
          Error(n, kInterpolationErrorCode,
                fmt::format("error while interpolating {}: {}", Path(), err.Message()));
        }
        return;
      }
      n.text = out;
      // compose-go substitutes in decoded strings: the result is text, never a timestamp.
      if (n.style == ScalarStyle::kPlain) n.style = ScalarStyle::kDoubleQuoted;
    }
    if (!options_.cast_types || frames_.size() < 3) return;
    parts_.clear();
    for (const Frame& f : frames_) parts_.push_back(f.part);
    const CastKind kind = CastForPath(parts_);
    if (kind != CastKind::kNone) Cast(n, kind);
  }

  void Cast(Node& n, CastKind kind) {
    std::string err;
    switch (kind) {
      case CastKind::kNone:
        return;
      case CastKind::kInt:
      case CastKind::kInt64: {
        int64_t v;
        if (!ParseGoInt(n.text, kind == CastKind::kInt ? "Atoi" : "ParseInt", &v, &err)) break;
        n.type = ScalarType::kInt;
        n.text = std::to_string(v);
        return;
      }
      case CastKind::kFloat:
      case CastKind::kFloat32: {
        double v;
        if (!ParseGoFloat(n.text, kind == CastKind::kFloat32, &v, &err)) break;
        n.type = ScalarType::kFloat;
        n.text = FloatText(v, kind == CastKind::kFloat32);
        return;
      }
      case CastKind::kBool: {
        const std::string lower = AsciiLower(n.text);
        std::optional<bool> v;
        if (lower == "true" || lower == "false") {
          v = lower == "true";
        } else if (lower == "y" || lower == "yes" || lower == "on") {
          v = true;
        } else if (lower == "n" || lower == "no" || lower == "off") {
          v = false;
        }
        if (!v) {
          err = "invalid boolean: " + n.text;
          break;
        }
        if (lower != "true" && lower != "false") {
          warnings_.push_back(
              {n.span, fmt::format("{} for boolean is not supported by YAML 1.2, please use `{}`",
                                   GoQuote(n.text), *v ? "true" : "false")});
        }
        n.type = ScalarType::kBool;
        n.text = *v ? "true" : "false";
        return;
      }
    }
    Error(n, kInterpolationCastErrorCode,
          fmt::format("error while interpolating {}: failed to cast to expected type: {}", Path(),
                      err));
  }

  std::string Path() const {
    std::string p;
    for (const Frame& f : frames_) {
      if (!p.empty()) p.push_back('.');
      p.append(f.part);
    }
    return p;
  }

  void Error(const Node& n, const char* code, std::string message) {
    PendingError e;
    for (const Frame& f : frames_) {
      if (f.is_index) {
        // Big-endian bytes compare as the numbers do.
        std::string k(8, '\0');
        for (int b = 0; b < 8; ++b) k[b] = static_cast<char>((f.index >> (8 * (7 - b))) & 0xFF);
        e.sort_key.push_back(std::move(k));
      } else {
        std::string k;
        for (char c : f.part) {
          if (c == '.') {
            k.append(kGhost);
          } else {
            k.push_back(c);
          }
        }
        e.sort_key.push_back(std::move(k));
      }
    }
    e.span = n.span;
    e.code = code;
    e.message = std::move(message);
    errors_.push_back(std::move(e));
  }

  const EnvLookup& lookup_;
  const InterpolateOptions& options_;
  std::vector<Frame> frames_;
  std::vector<std::string_view> parts_;
  std::vector<std::string> unset_;
  std::vector<PendingError> errors_;
  std::vector<InterpolationWarning> warnings_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------------------------

std::string GoQuote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    size_t width;
    const char32_t r = DecodeRune(s, i, &width);
    if (r == 0xFFFD && width == 1) {
      out.append(fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i])));
      i += width;
      continue;
    }
    if (r == '"' || r == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(r));
    } else if (IsGoPrint(r)) {
      out.append(s.substr(i, width));
    } else {
      switch (r) {
        case '\a':
          out.append("\\a");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\v':
          out.append("\\v");
          break;
        default:
          if (r < ' ' || r == 0x7F) {
            out.append(fmt::format("\\x{:02x}", static_cast<unsigned>(r)));
          } else if (r < 0x10000) {
            out.append(fmt::format("\\u{:04x}", static_cast<unsigned>(r)));
          } else {
            out.append(fmt::format("\\U{:08x}", static_cast<unsigned>(r)));
          }
      }
    }
    i += width;
  }
  out.push_back('"');
  return out;
}

std::string TemplateError::Message() const {
  if (kind == Kind::kInvalid) return "Invalid template: " + GoQuote(template_text);
  if (reason.empty()) return fmt::format("required variable {} is missing a value", variable);
  return fmt::format("required variable {} is missing a value: {}", variable, reason);
}

std::string UnsetVariableWarning(std::string_view name) {
  return fmt::format("The {} variable is not set. Defaulting to a blank string.", GoQuote(name));
}

bool Substitute(std::string_view text, const EnvLookup& lookup, std::string* out,
                TemplateError* error, std::vector<std::string>* unset) {
  if (text.find('$') == std::string_view::npos) {
    out->assign(text);
    return true;
  }
  std::string result;
  result.reserve(text.size());
  std::optional<TemplateError> err = Substituter(lookup, unset).Run(text, &result);
  if (err) {
    if (error) *error = std::move(*err);
    return false;
  }
  *out = std::move(result);
  return true;
}

std::vector<TemplateVariable> ExtractVariables(std::string_view text) {
  std::vector<TemplateVariable> values;
  ExtractInto(text, &values);
  return values;
}

std::map<std::string, TemplateVariable> ExtractVariables(const Node& root) {
  std::map<std::string, TemplateVariable> out;
  ExtractTree(root, &out);
  return out;
}

void InterpolationWarnings::Add(ir::Span span, std::string message) {
  if (!seen_.insert(message).second) return;
  items_.push_back({span, std::move(message)});
}

CastKind CastForPath(const std::vector<std::string_view>& p) {
  const size_t n = p.size();
  if (n < 3) return CastKind::kNone;
  if (n == 3 && p[0] != "services") {
    const std::string_view top = p[0];
    const std::string_view key = p[2];
    if (top == "networks") {
      if (key == "external" || key == "internal" || key == "attachable" || key == "enable_ipv4" ||
          key == "enable_ipv6") {
        return CastKind::kBool;
      }
    } else if (top == "volumes" || top == "secrets" || top == "configs") {
      if (key == "external") return CastKind::kBool;
    }
    return CastKind::kNone;
  }
  if (p[0] != "services") return CastKind::kNone;
  const std::string_view a = p[2];
  if (n == 3) {
    static constexpr std::pair<std::string_view, CastKind> kTop[] = {
        {"cpu_count", CastKind::kInt64},
        {"cpu_percent", CastKind::kFloat},
        {"cpu_period", CastKind::kInt64},
        {"cpu_quota", CastKind::kInt64},
        {"cpu_rt_period", CastKind::kInt64},
        {"cpu_rt_runtime", CastKind::kInt64},
        {"cpus", CastKind::kFloat32},
        {"cpu_shares", CastKind::kInt64},
        {"init", CastKind::kBool},
        {"oom_kill_disable", CastKind::kBool},
        {"oom_score_adj", CastKind::kInt64},
        {"pids_limit", CastKind::kInt64},
        {"privileged", CastKind::kBool},
        {"read_only", CastKind::kBool},
        {"scale", CastKind::kInt},
        {"stdin_open", CastKind::kBool},
        {"tty", CastKind::kBool},
    };
    for (const auto& [key, kind] : kTop) {
      if (a == key) return kind;
    }
    return CastKind::kNone;
  }
  if (n == 4) {
    const std::string_view b = p[3];
    if (a == "deploy" && b == "replicas") return CastKind::kInt;
    if (a == "healthcheck" && b == "retries") return CastKind::kInt;
    if (a == "healthcheck" && b == "disable") return CastKind::kBool;
    if (a == "ulimits") return CastKind::kInt;
    return CastKind::kNone;
  }
  if (n == 5) {
    const std::string_view b = p[3];
    const std::string_view c = p[4];
    if (a == "depends_on" && (c == "required" || c == "restart")) return CastKind::kBool;
    if (a == "deploy") {
      if ((b == "update_config" || b == "rollback_config") && c == "parallelism")
        return CastKind::kInt;
      if ((b == "update_config" || b == "rollback_config") && c == "max_failure_ratio") {
        return CastKind::kFloat;
      }
      if (b == "restart_policy" && c == "max_attempts") return CastKind::kInt;
      if (b == "placement" && c == "max_replicas_per_node") return CastKind::kInt;
      return CastKind::kNone;
    }
    if (a == "ports" && b == "[]" && c == "target") return CastKind::kInt;
    if (a == "ulimits" && (c == "hard" || c == "soft")) return CastKind::kInt;
    if (a == "volumes" && b == "[]" && c == "read_only") return CastKind::kBool;
    return CastKind::kNone;
  }
  if (n == 6 && a == "volumes" && p[3] == "[]" && p[4] == "volume" && p[5] == "nocopy")
    return CastKind::kBool;
  return CastKind::kNone;
}

bool InterpolateModel(Node& root, const EnvLookup& lookup, ir::DiagnosticSink& sink,
                      const InterpolateOptions& options) {
  if (!root.is_map()) return true;
  Walker walker(lookup, options);
  walker.Walk(root);
  if (options.warnings) {
    for (InterpolationWarning& w : walker.warnings())
      options.warnings->Add(w.span, std::move(w.message));
  } else {
    InterpolationWarnings once;
    for (InterpolationWarning& w : walker.warnings()) once.Add(w.span, std::move(w.message));
    for (const InterpolationWarning& w : once.items()) {
      const char* code =
          w.message.starts_with("The ") ? kUnsetVariableWarningCode : kYaml11BooleanWarningCode;
      sink.Warning(code, w.span, w.message);
    }
  }
  std::vector<PendingError>& errors = walker.errors();
  std::stable_sort(errors.begin(), errors.end(), [](const PendingError& a, const PendingError& b) {
    return a.sort_key < b.sort_key;
  });
  for (PendingError& e : errors) sink.Error(e.code, e.span, std::move(e.message));
  return errors.empty();
}

}  // namespace stackc::frontend
