#include "frontend/schema.h"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "frontend/lazy_regex.h"
#include "frontend/suggest.h"

namespace stackc::frontend {
namespace {

using Json = nlohmann::json;

// JSON types as bits, in the order santhosh-tekuri/jsonschema lists them in a type error.
enum TypeBit : uint8_t {
  kNullType = 1,
  kBooleanType = 2,
  kNumberType = 4,
  kIntegerType = 8,
  kStringType = 16,
  kArrayType = 32,
  kObjectType = 64,
};
constexpr std::pair<TypeBit, const char*> kTypeNames[] = {
    {kNullType, "null"},       {kBooleanType, "boolean"}, {kNumberType, "number"},
    {kIntegerType, "integer"}, {kStringType, "string"},   {kArrayType, "array"},
    {kObjectType, "object"},
};

// A `pattern` or `patternProperties` key: JSON-schema patterns are unanchored regular expressions.
// The shapes the Compose schema uses most are matched without a regex engine; the rest go to RE2
// (Go's regexp syntax), compiled when a value first meets them: the two of the Compose schema
// (`container_name`, `pull_policy`) are absent from most projects, and compiling them was a
// fifteenth of `stackc config` on a small file.
class Pattern {
 public:
  // kNow compiles the regex at once and refuses an invalid one (a schema read from JSON);
  // kOnFirstMatch defers it (a compiled schema, whose patterns were checked when it was compiled:
  // should one be invalid after all, it matches nothing).
  enum class Compile : uint8_t { kNow, kOnFirstMatch };
  static std::optional<Pattern> Make(const std::string& source, std::string* error,
                                     Compile compile = Compile::kNow) {
    Pattern p;
    p.source_ = source;
    if (source == ".+") {
      p.fast_ = Fast::kAnyNonNewline;
      return p;
    }
    if (source == "^.+$") {
      p.fast_ = Fast::kWholeNoNewline;
      return p;
    }
    if (p.ParseClassPlus()) return p;
    if (source.size() > 1 && source[0] == '^' &&
        source.find_first_of("\\.+*?()|[]{}^$", 1) == std::string::npos) {
      p.fast_ = Fast::kPrefix;
      p.prefix_ = source.substr(1);
      return p;
    }
    p.re_ = std::make_shared<const LazyRegex>(source);
    if (compile == Compile::kNow && !p.re_->Get()) {
      *error = fmt::format("invalid pattern '{}': {}", source, p.re_->Error());
      return std::nullopt;
    }
    return p;
  }

  bool Match(std::string_view s) const {
    switch (fast_) {
      case Fast::kAnyNonNewline:
        return s.find_first_not_of('\n') != std::string_view::npos;
      case Fast::kWholeNoNewline:
        return !s.empty() && s.find('\n') == std::string_view::npos;
      case Fast::kPrefix:
        return s.starts_with(prefix_);
      case Fast::kClassPlus:
        if (s.empty()) return false;
        for (unsigned char c : s) {
          if (!class_[c]) return false;
        }
        return true;
      case Fast::kRegex:
        break;
    }
    const RE2* re = re_->Get();  // null only if a compiled schema was damaged
    return re != nullptr && RE2::PartialMatch(s, *re);
  }

  const std::string& source() const { return source_; }

 private:
  enum class Fast : uint8_t { kRegex, kAnyNonNewline, kWholeNoNewline, kPrefix, kClassPlus };

  // `^[a-zA-Z0-9._-]+$`: ASCII ranges and literal characters only.
  bool ParseClassPlus() {
    const std::string& s = source_;
    if (s.size() < 6 || s.compare(0, 2, "^[") != 0 || s.compare(s.size() - 3, 3, "]+$") != 0)
      return false;
    const std::string_view body(s.data() + 2, s.size() - 5);
    if (body.empty() || body[0] == '^' || body.find_first_of("\\[]") != std::string_view::npos) {
      return false;
    }
    std::bitset<256> cls;
    for (size_t i = 0; i < body.size(); ++i) {
      const auto c = static_cast<unsigned char>(body[i]);
      if (c >= 0x80) return false;
      if (i + 2 < body.size() && body[i + 1] == '-') {
        const auto hi = static_cast<unsigned char>(body[i + 2]);
        if (hi < c || hi >= 0x80) return false;
        for (unsigned x = c; x <= hi; ++x) cls.set(x);
        i += 2;
      } else {
        cls.set(c);
      }
    }
    fast_ = Fast::kClassPlus;
    class_ = cls;
    return true;
  }

  std::string source_;
  Fast fast_ = Fast::kRegex;
  std::string prefix_;
  std::bitset<256> class_;
  std::shared_ptr<const LazyRegex> re_;  // shared by the copies of a pattern
};

enum class Additional : uint8_t { kAny, kNone, kSchema };

// One compiled (sub)schema; schemas refer to each other by index, `$ref`s resolved at compile time.
struct Schema {
  std::string location;               // JSON pointer in the schema document
  int8_t boolean = -1;                // a `true`/`false` schema: 1/0; -1 otherwise
  uint8_t types = 0;                  // 0: any type
  const Json* const_value = nullptr;  // into SchemaValidator::Impl::root
  const Json* enum_values = nullptr;  // an array
  int ref = -1;
  std::vector<std::pair<std::string, int>> properties;  // sorted by name
  std::vector<std::pair<Pattern, int>> pattern_properties;
  Additional additional = Additional::kAny;
  int additional_schema = -1;
  std::vector<std::string> required;
  int items = -1;
  bool unique_items = false;
  std::optional<int64_t> min_items, max_items, min_length, max_length, min_properties,
      max_properties;
  std::optional<double> minimum, maximum;
  std::string minimum_text, maximum_text;
  std::unique_ptr<Pattern> pattern;
  std::vector<int> all_of, any_of, one_of;
  int not_schema = -1;

  int Property(std::string_view name) const {
    auto it = std::lower_bound(properties.begin(), properties.end(), name,
                               [](const auto& p, std::string_view n) { return p.first < n; });
    return it != properties.end() && it->first == name ? it->second : -1;
  }
};

// ---- compilation ----

std::string EscapePointerToken(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// Resolves a JSON pointer ("/$defs/service") in `root`; null when it points nowhere.
const Json* ResolvePointer(const Json& root, std::string_view pointer) {
  const Json* cur = &root;
  if (pointer.empty()) return cur;
  if (pointer[0] != '/') return nullptr;
  size_t pos = 1;
  while (true) {
    const size_t end = std::min(pointer.find('/', pos), pointer.size());
    std::string token;
    for (size_t i = pos; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    if (cur->is_object()) {
      auto it = cur->find(token);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    } else if (cur->is_array()) {
      if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos)
        return nullptr;
      const size_t index = std::stoul(token);
      if (index >= cur->size()) return nullptr;
      cur = &(*cur)[index];
    } else {
      return nullptr;
    }
    if (end == pointer.size()) return cur;
    pos = end + 1;
  }
}

bool IsAnnotation(std::string_view k) {
  static constexpr std::string_view kAnnotations[] = {
      "$schema", "$id",      "$comment",   "$defs",    "definitions", "title",  "description",
      "default", "examples", "deprecated", "readOnly", "writeOnly",   "format", "$vocabulary",
  };
  return std::find(std::begin(kAnnotations), std::end(kAnnotations), k) != std::end(kAnnotations);
}

bool IsUnsupported(std::string_view k) {
  static constexpr std::string_view kUnsupported[] = {
      "if",
      "then",
      "else",
      "prefixItems",
      "contains",
      "minContains",
      "maxContains",
      "dependentRequired",
      "dependentSchemas",
      "dependencies",
      "propertyNames",
      "unevaluatedProperties",
      "unevaluatedItems",
      "exclusiveMinimum",
      "exclusiveMaximum",
      "multipleOf",
      "additionalItems",
      "$dynamicRef",
      "$recursiveRef",
      "$anchor",
      "$dynamicAnchor",
      "$recursiveAnchor",
      "contentSchema",
      "contentMediaType",
      "contentEncoding",
  };
  return std::find(std::begin(kUnsupported), std::end(kUnsupported), k) != std::end(kUnsupported);
}

class Compiler {
 public:
  Compiler(const Json& root, std::vector<Schema>& out) : root_(root), out_(out) {}

  // Compiles the schema at `pointer` (`node` when the caller has it already), once; returns its
  // index or -1 (error_ set).
  int At(const std::string& pointer, const Json* node = nullptr) {
    if (auto it = by_pointer_.find(pointer); it != by_pointer_.end()) return it->second;
    if (node == nullptr) node = ResolvePointer(root_, pointer);
    if (node == nullptr) return Fail(fmt::format("$ref '#{}' points nowhere", pointer));
    const int index = static_cast<int>(out_.size());
    out_.emplace_back();
    by_pointer_.emplace(pointer, index);
    Schema s;
    if (!Build(pointer, *node, s)) return -1;
    out_[index] = std::move(s);
    return index;
  }

  const std::string& error() const { return error_; }

 private:
  int Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return -1;
  }

  bool Count(const std::string& where, const Json& v, std::optional<int64_t>* out) {
    if (!v.is_number_integer() && !v.is_number_unsigned()) {
      Fail(fmt::format("{}: expected a non-negative integer", where));
      return false;
    }
    *out = v.get<int64_t>();
    return true;
  }

  bool Number(const std::string& where, const Json& v, std::optional<double>* out,
              std::string* text) {
    if (!v.is_number()) {
      Fail(fmt::format("{}: expected a number", where));
      return false;
    }
    *out = v.get<double>();
    *text = v.dump();
    return true;
  }

  bool MakePattern(const std::string& where, const Json& v, std::optional<Pattern>* out) {
    if (!v.is_string()) {
      Fail(fmt::format("{}: expected a string", where));
      return false;
    }
    std::string err;
    *out = Pattern::Make(v.get<std::string>(), &err);
    if (!*out) Fail(fmt::format("{}: {}", where, err));
    return out->has_value();
  }

  bool SchemaList(const std::string& where, const Json& v, std::vector<int>* out) {
    if (!v.is_array() || v.empty()) {
      Fail(fmt::format("{}: expected a non-empty array of schemas", where));
      return false;
    }
    for (size_t i = 0; i < v.size(); ++i) {
      const int sub = At(fmt::format("{}/{}", where, i), &v[i]);
      if (sub < 0) return false;
      out->push_back(sub);
    }
    return true;
  }

  bool Build(const std::string& ptr, const Json& node, Schema& s) {
    s.location = ptr;
    if (node.is_boolean()) {
      s.boolean = node.get<bool>() ? 1 : 0;
      return true;
    }
    if (!node.is_object())
      return Fail(fmt::format("#{}: a schema must be an object or a boolean", ptr)) >= 0;
    for (const auto& [key, v] : node.items()) {
      const std::string where = ptr + "/" + EscapePointerToken(key);
      if (key == "type") {
        std::vector<std::string> names;
        if (v.is_string()) {
          names.push_back(v.get<std::string>());
        } else if (v.is_array()) {
          for (const Json& n : v) {
            if (!n.is_string())
              return Fail(fmt::format("#{}: type names must be strings", where)) >= 0;
            names.push_back(n.get<std::string>());
          }
        } else {
          return Fail(fmt::format("#{}: expected a string or an array", where)) >= 0;
        }
        for (const std::string& n : names) {
          auto it = std::find_if(std::begin(kTypeNames), std::end(kTypeNames),
                                 [&](const auto& t) { return n == t.second; });
          if (it == std::end(kTypeNames))
            return Fail(fmt::format("#{}: unknown type '{}'", where, n)) >= 0;
          s.types |= it->first;
        }
      } else if (key == "enum") {
        if (!v.is_array()) return Fail(fmt::format("#{}: expected an array", where)) >= 0;
        s.enum_values = &v;
      } else if (key == "const") {
        s.const_value = &v;
      } else if (key == "$ref") {
        if (!v.is_string()) return Fail(fmt::format("#{}: expected a string", where)) >= 0;
        const std::string ref = v.get<std::string>();
        if (ref.empty() || ref[0] != '#') {
          return Fail(fmt::format("#{}: only local references are supported, not '{}'", where,
                                  ref)) >= 0;
        }
        s.ref = At(ref.substr(1));
        if (s.ref < 0) return false;
      } else if (key == "properties") {
        if (!v.is_object()) return Fail(fmt::format("#{}: expected an object", where)) >= 0;
        for (const auto& [name, sub] : v.items()) {
          const int index = At(where + "/" + EscapePointerToken(name), &sub);
          if (index < 0) return false;
          s.properties.emplace_back(name, index);
        }
        std::sort(s.properties.begin(), s.properties.end());
      } else if (key == "patternProperties") {
        if (!v.is_object()) return Fail(fmt::format("#{}: expected an object", where)) >= 0;
        for (const auto& [source, sub] : v.items()) {
          std::optional<Pattern> p;
          if (!MakePattern(where, Json(source), &p)) return false;
          const int index = At(where + "/" + EscapePointerToken(source), &sub);
          if (index < 0) return false;
          s.pattern_properties.emplace_back(std::move(*p), index);
        }
      } else if (key == "additionalProperties") {
        if (v.is_boolean()) {
          s.additional = v.get<bool>() ? Additional::kAny : Additional::kNone;
        } else {
          s.additional = Additional::kSchema;
          s.additional_schema = At(where, &v);
          if (s.additional_schema < 0) return false;
        }
      } else if (key == "required") {
        if (!v.is_array()) return Fail(fmt::format("#{}: expected an array", where)) >= 0;
        for (const Json& n : v) {
          if (!n.is_string()) return Fail(fmt::format("#{}: expected strings", where)) >= 0;
          s.required.push_back(n.get<std::string>());
        }
      } else if (key == "items") {
        if (v.is_array())
          return Fail(fmt::format("#{}: draft 2020-12 `items` takes one schema", where)) >= 0;
        s.items = At(where, &v);
        if (s.items < 0) return false;
      } else if (key == "uniqueItems") {
        s.unique_items = v.is_boolean() && v.get<bool>();
      } else if (key == "minItems") {
        if (!Count(where, v, &s.min_items)) return false;
      } else if (key == "maxItems") {
        if (!Count(where, v, &s.max_items)) return false;
      } else if (key == "minLength") {
        if (!Count(where, v, &s.min_length)) return false;
      } else if (key == "maxLength") {
        if (!Count(where, v, &s.max_length)) return false;
      } else if (key == "minProperties") {
        if (!Count(where, v, &s.min_properties)) return false;
      } else if (key == "maxProperties") {
        if (!Count(where, v, &s.max_properties)) return false;
      } else if (key == "minimum") {
        if (!Number(where, v, &s.minimum, &s.minimum_text)) return false;
      } else if (key == "maximum") {
        if (!Number(where, v, &s.maximum, &s.maximum_text)) return false;
      } else if (key == "pattern") {
        std::optional<Pattern> p;
        if (!MakePattern(where, v, &p)) return false;
        s.pattern = std::make_unique<Pattern>(std::move(*p));
      } else if (key == "oneOf") {
        if (!SchemaList(where, v, &s.one_of)) return false;
      } else if (key == "anyOf") {
        if (!SchemaList(where, v, &s.any_of)) return false;
      } else if (key == "allOf") {
        if (!SchemaList(where, v, &s.all_of)) return false;
      } else if (key == "not") {
        s.not_schema = At(where, &v);
        if (s.not_schema < 0) return false;
      } else if (key == "$id" && !ptr.empty()) {
        return Fail(fmt::format("#{}: nested $id is not supported", where)) >= 0;
      } else if (IsUnsupported(key)) {
        return Fail(fmt::format("#{}: keyword '{}' is not supported", where, key)) >= 0;
      } else if (!IsAnnotation(key)) {
        // Unknown keywords are ignored, as by santhosh-tekuri/jsonschema.
      }
    }
    return true;
  }

  const Json& root_;
  std::vector<Schema>& out_;
  std::unordered_map<std::string, int> by_pointer_;
  std::string error_;
};

// ---- values ----

double NumberOf(const Node& n) { return n.AsFloat().value_or(0.0); }

bool IsNumber(const Node& n) {
  return n.is_scalar() && (n.type == ScalarType::kInt || n.type == ScalarType::kFloat);
}

bool IsIntegral(const Node& n) {
  if (n.type == ScalarType::kInt) return true;
  const double d = NumberOf(n);
  return std::isfinite(d) && std::floor(d) == d;
}

bool TypeMatches(uint8_t types, const Node& n) {
  switch (n.kind) {
    case NodeKind::kMapping:
      return types & kObjectType;
    case NodeKind::kSequence:
      return types & kArrayType;
    case NodeKind::kScalar:
      break;
  }
  switch (n.type) {
    case ScalarType::kNull:
      return types & kNullType;
    case ScalarType::kBool:
      return types & kBooleanType;
    case ScalarType::kString:
      return types & kStringType;
    case ScalarType::kInt:
    case ScalarType::kFloat:
      return (types & kNumberType) || ((types & kIntegerType) && IsIntegral(n));
  }
  return false;
}

// JSON equality of a YAML value and a schema value (numbers compare by value: 1 == 1.0).
bool Equal(const Node& n, const Json& j) {
  switch (n.kind) {
    case NodeKind::kMapping: {
      if (!j.is_object() || j.size() != n.entries.size()) return false;
      for (const MapEntry& e : n.entries) {
        auto it = j.find(e.key);
        if (it == j.end() || !Equal(e.value, *it)) return false;
      }
      return true;
    }
    case NodeKind::kSequence: {
      if (!j.is_array() || j.size() != n.items.size()) return false;
      for (size_t i = 0; i < n.items.size(); ++i) {
        if (!Equal(n.items[i], j[i])) return false;
      }
      return true;
    }
    case NodeKind::kScalar:
      break;
  }
  switch (n.type) {
    case ScalarType::kNull:
      return j.is_null();
    case ScalarType::kBool:
      return j.is_boolean() && n.AsBool() == j.get<bool>();
    case ScalarType::kString:
      return j.is_string() && j.get_ref<const std::string&>() == n.text;
    case ScalarType::kInt:
    case ScalarType::kFloat:
      return j.is_number() && NumberOf(n) == j.get<double>();
  }
  return false;
}

bool Equal(const Node& a, const Node& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case NodeKind::kMapping: {
      if (a.entries.size() != b.entries.size()) return false;
      for (const MapEntry& e : a.entries) {
        const Node* other = b.Find(e.key);
        if (other == nullptr || !Equal(e.value, *other)) return false;
      }
      return true;
    }
    case NodeKind::kSequence: {
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i) {
        if (!Equal(a.items[i], b.items[i])) return false;
      }
      return true;
    }
    case NodeKind::kScalar:
      break;
  }
  if (IsNumber(a) && IsNumber(b)) return NumberOf(a) == NumberOf(b);
  if (a.type != b.type) return false;
  switch (a.type) {
    case ScalarType::kNull:
      return true;
    case ScalarType::kBool:
      return a.AsBool() == b.AsBool();
    default:
      return a.text == b.text;
  }
}

// A string that is equal for equal JSON values (for uniqueItems over long arrays).
void CanonicalKey(const Node& n, std::string& out) {
  switch (n.kind) {
    case NodeKind::kMapping: {
      std::vector<const MapEntry*> sorted;
      for (const MapEntry& e : n.entries) sorted.push_back(&e);
      std::sort(sorted.begin(), sorted.end(), [](auto* x, auto* y) { return x->key < y->key; });
      out += '{';
      for (const MapEntry* e : sorted) {
        out += fmt::format("{}:", e->key.size());
        out += e->key;
        CanonicalKey(e->value, out);
      }
      out += '}';
      return;
    }
    case NodeKind::kSequence:
      out += '[';
      for (const Node& i : n.items) CanonicalKey(i, out);
      out += ']';
      return;
    case NodeKind::kScalar:
      break;
  }
  switch (n.type) {
    case ScalarType::kNull:
      out += 'n';
      return;
    case ScalarType::kBool:
      out += n.AsBool().value_or(false) ? 't' : 'f';
      return;
    case ScalarType::kInt:
    case ScalarType::kFloat:
      out += fmt::format("#{};", NumberOf(n));
      return;
    case ScalarType::kString:
      out += fmt::format("s{}:", n.text.size());
      out += n.text;
      return;
  }
}

// The first pair j < i of equal items, i smallest (then j smallest), as santhosh-tekuri reports it.
std::optional<std::pair<size_t, size_t>> FirstDuplicate(std::span<const Node> items) {
  if (items.size() <= 32) {
    for (size_t i = 1; i < items.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (Equal(items[i], items[j])) return std::make_pair(j, i);
      }
    }
    return std::nullopt;
  }
  std::unordered_map<std::string, size_t> first;
  std::string key;
  for (size_t i = 0; i < items.size(); ++i) {
    key.clear();
    CanonicalKey(items[i], key);
    auto [it, inserted] = first.emplace(key, i);
    if (!inserted) return std::make_pair(it->second, i);
  }
  return std::nullopt;
}

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Go's %q of a string, then santhosh-tekuri's quote(): `\"` becomes `"` and `'` becomes `\'`, in
// single quotes.
std::string GoQuote(std::string_view s) {
  std::string out = "'";
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\a':
          out += "\\a";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\v':
          out += "\\v";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\'':
          out += "\\'";
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02x}", c);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; invalid bytes print as \xNN.
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    uint32_t r = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool valid = len != 0 && i + len <= s.size();
    for (size_t k = 1; valid && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) valid = false;
      r = (r << 6) | (cc & 0x3F);
    }
    if (valid) {
      const uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
      valid = r >= min && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
    }
    if (!valid) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    const bool unprintable = (r >= 0x80 && r <= 0x9F) || r == 0xAD || r == 0x2028 || r == 0x2029 ||
                             r == 0xFEFF || (r >= 0x200B && r <= 0x200F);
    if (unprintable) {
      out += fmt::format("\\u{:04x}", r);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out += "'";
  return out;
}

// santhosh-tekuri's display() of a primitive schema value.
std::string Display(const Json& j) {
  if (j.is_string()) return GoQuote(j.get_ref<const std::string&>());
  if (j.is_null()) return "<nil>";
  if (j.is_array() || j.is_object()) return "value";
  return j.dump();
}

std::string JoinQuoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += GoQuote(n);
  }
  return out;
}

// compose-go's humanReadableType: "object" reads "mapping", several types are sorted and joined.
std::string HumanType(uint8_t types) {
  std::vector<std::string> names;
  for (const auto& [bit, name] : kTypeNames) {
    if (types & bit) names.emplace_back(bit == kObjectType ? "mapping" : name);
  }
  if (names.size() == 1) return names[0];
  std::sort(names.begin(), names.end());
  std::string out;
  for (size_t i = 0; i + 1 < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out + " or " + names.back();
}

// ---- validation ----

enum class Kind : uint8_t {
  kType,
  kConst,
  kEnum,
  kFalse,
  kRequired,
  kAdditional,
  kMinProperties,
  kMaxProperties,
  kMinItems,
  kMaxItems,
  kUniqueItems,
  kMinLength,
  kMaxLength,
  kPattern,
  kMinimum,
  kMaximum,
  kNot,
  kOneOfMany,
  kTooDeep,
};

// One failed assertion, a leaf of santhosh-tekuri's error tree.
struct Leaf {
  Kind kind;
  int schema;
  const Node* node;
  std::vector<std::string> path;
  std::vector<const MapEntry*> extra;  // kAdditional
  std::vector<std::string> missing;    // kRequired
  int64_t got = 0, a = 0, b = 0;       // counts and indexes

  // compose-go's specificity(): the depth of the instance location, an unknown key one deeper.
  size_t Specificity() const { return path.size() + (kind == Kind::kAdditional ? 1 : 0); }
};

// The first leaf of greatest specificity: what compose-go's getMostSpecificError picks.
size_t MostSpecific(const std::vector<Leaf>& leaves) {
  size_t best = 0;
  for (size_t i = 1; i < leaves.size(); ++i) {
    if (leaves[i].Specificity() > leaves[best].Specificity()) best = i;
  }
  return best;
}

constexpr int kMaxDepth = 1500;  // below what an ASan build's 8 MB stack holds

struct PathElem {
  std::string_view key;
  int64_t index = -1;
};

class Run {
 public:
  explicit Run(const std::vector<Schema>& schemas) : schemas_(schemas) {}

  // Validates `v` against schema `si`. With `out`, every failure is appended (alternatives reduced
  // to their most specific failure) and the result says whether none was; without, stops at the
  // first failure.
  bool Validate(int si, const Node& v, std::vector<Leaf>* out) {
    const Schema& s = schemas_[si];
    if (s.boolean >= 0) {
      if (s.boolean == 1) return true;
      return Add(out, Kind::kFalse, si, v);
    }
    if (depth_ >= kMaxDepth) return Add(out, Kind::kTooDeep, si, v);
    ++depth_;
    const bool ok = ValidateObject(s, si, v, out);
    --depth_;
    return ok;
  }

 private:
  bool Add(std::vector<Leaf>* out, Kind kind, int si, const Node& v) {
    if (out != nullptr) out->push_back(MakeLeaf(kind, si, v));
    return false;
  }

  Leaf MakeLeaf(Kind kind, int si, const Node& v) {
    Leaf leaf{kind, si, &v, {}, {}, {}};
    leaf.path.reserve(path_.size());
    for (const PathElem& e : path_) {
      leaf.path.push_back(e.index >= 0 ? std::to_string(e.index) : std::string(e.key));
    }
    return leaf;
  }

  bool ValidateObject(const Schema& s, int si, const Node& v, std::vector<Leaf>* out) {
    if (s.types != 0 && !TypeMatches(s.types, v)) return Add(out, Kind::kType, si, v);
    if (s.const_value && !Equal(v, *s.const_value)) return Add(out, Kind::kConst, si, v);
    if (s.enum_values) {
      bool found = false;
      for (const Json& e : *s.enum_values) {
        if (Equal(v, e)) {
          found = true;
          break;
        }
      }
      if (!found) return Add(out, Kind::kEnum, si, v);
    }
    const size_t before = out != nullptr ? out->size() : 0;
    if (s.ref >= 0 && !Validate(s.ref, v, out) && out == nullptr) return false;

    if (v.is_map()) {
      if (!Mapping(s, si, v, out) && out == nullptr) return false;
    } else if (v.is_seq()) {
      if (!Sequence(s, si, v, out) && out == nullptr) return false;
    } else if (v.is_string()) {
      if (s.min_length && static_cast<int64_t>(RuneCount(v.text)) < *s.min_length) {
        if (!Count(out, Kind::kMinLength, si, v, RuneCount(v.text), *s.min_length)) return false;
      }
      if (s.max_length && static_cast<int64_t>(RuneCount(v.text)) > *s.max_length) {
        if (!Count(out, Kind::kMaxLength, si, v, RuneCount(v.text), *s.max_length)) return false;
      }
      if (s.pattern && !s.pattern->Match(v.text)) {
        if (!Add(out, Kind::kPattern, si, v) && out == nullptr) return false;
      }
    } else if (IsNumber(v)) {
      if (s.minimum && NumberOf(v) < *s.minimum) {
        if (!Add(out, Kind::kMinimum, si, v) && out == nullptr) return false;
      }
      if (s.maximum && NumberOf(v) > *s.maximum) {
        if (!Add(out, Kind::kMaximum, si, v) && out == nullptr) return false;
      }
    }

    if (s.not_schema >= 0 && Validate(s.not_schema, v, nullptr)) {
      if (!Add(out, Kind::kNot, si, v) && out == nullptr) return false;
    }
    for (int sub : s.all_of) {
      if (!Validate(sub, v, out) && out == nullptr) return false;
    }
    if (!s.any_of.empty()) {
      bool matched = false;
      for (int sub : s.any_of) {
        if (Validate(sub, v, nullptr)) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        if (out == nullptr) return false;
        Alternatives(s.any_of, v, out);
      }
    }
    if (!s.one_of.empty()) {
      int first = -1;
      int second = -1;
      for (size_t i = 0; i < s.one_of.size() && second < 0; ++i) {
        if (Validate(s.one_of[i], v, nullptr)) (first < 0 ? first : second) = static_cast<int>(i);
      }
      if (first < 0) {
        if (out == nullptr) return false;
        Alternatives(s.one_of, v, out);
      } else if (second >= 0) {
        if (out == nullptr) return false;
        Leaf leaf = MakeLeaf(Kind::kOneOfMany, si, v);
        leaf.a = first;
        leaf.b = second;
        out->push_back(std::move(leaf));
      }
    }
    return out == nullptr || out->size() == before;
  }

  // None of `subs` matched: the most specific failure among all of theirs stands for them.
  void Alternatives(const std::vector<int>& subs, const Node& v, std::vector<Leaf>* out) {
    std::vector<Leaf> all;
    for (int sub : subs) Validate(sub, v, &all);
    if (!all.empty()) out->push_back(std::move(all[MostSpecific(all)]));
  }

  bool Count(std::vector<Leaf>* out, Kind kind, int si, const Node& v, int64_t got, int64_t want) {
    if (out == nullptr) return false;
    Leaf leaf = MakeLeaf(kind, si, v);
    leaf.got = got;
    leaf.a = want;
    out->push_back(std::move(leaf));
    return true;
  }

  bool Mapping(const Schema& s, int si, const Node& v, std::vector<Leaf>* out) {
    const size_t before = out != nullptr ? out->size() : 0;
    const auto n = static_cast<int64_t>(v.entries.size());
    if (s.min_properties && n < *s.min_properties) {
      if (!Count(out, Kind::kMinProperties, si, v, n, *s.min_properties)) return false;
    }
    if (s.max_properties && n > *s.max_properties) {
      if (!Count(out, Kind::kMaxProperties, si, v, n, *s.max_properties)) return false;
    }
    if (!s.required.empty()) {
      std::vector<std::string> missing;
      for (const std::string& r : s.required) {
        if (v.FindEntry(r) == nullptr) {
          if (out == nullptr) return false;
          missing.push_back(r);
        }
      }
      if (!missing.empty()) {
        Leaf leaf = MakeLeaf(Kind::kRequired, si, v);
        leaf.missing = std::move(missing);
        out->push_back(std::move(leaf));
      }
    }
    std::vector<const MapEntry*> extra;
    for (const MapEntry& e : v.entries) {
      path_.push_back({e.key});
      bool evaluated = false;
      bool ok = true;
      if (const int p = s.Property(e.key); p >= 0) {
        evaluated = true;
        ok = Validate(p, e.value, out) && ok;
      }
      for (const auto& [pattern, sub] : s.pattern_properties) {
        if ((ok || out != nullptr) && pattern.Match(e.key)) {
          evaluated = true;
          ok = Validate(sub, e.value, out) && ok;
        }
      }
      if (!evaluated && s.additional == Additional::kNone) {
        ok = false;
        extra.push_back(&e);
      } else if (!evaluated && s.additional == Additional::kSchema) {
        ok = Validate(s.additional_schema, e.value, out) && ok;
      }
      path_.pop_back();
      if (!ok && out == nullptr) return false;
    }
    if (!extra.empty()) {
      Leaf leaf = MakeLeaf(Kind::kAdditional, si, v);
      leaf.extra = std::move(extra);
      out->push_back(std::move(leaf));
    }
    return out == nullptr || out->size() == before;
  }

  bool Sequence(const Schema& s, int si, const Node& v, std::vector<Leaf>* out) {
    const size_t before = out != nullptr ? out->size() : 0;
    const auto n = static_cast<int64_t>(v.items.size());
    if (s.min_items && n < *s.min_items) {
      if (!Count(out, Kind::kMinItems, si, v, n, *s.min_items)) return false;
    }
    if (s.max_items && n > *s.max_items) {
      if (!Count(out, Kind::kMaxItems, si, v, n, *s.max_items)) return false;
    }
    if (s.unique_items && n > 1) {
      if (auto dup = FirstDuplicate(v.items)) {
        if (out == nullptr) return false;
        Leaf leaf = MakeLeaf(Kind::kUniqueItems, si, v);
        leaf.a = static_cast<int64_t>(dup->first);
        leaf.b = static_cast<int64_t>(dup->second);
        out->push_back(std::move(leaf));
      }
    }
    if (s.items >= 0) {
      for (size_t i = 0; i < v.items.size(); ++i) {
        path_.push_back({{}, static_cast<int64_t>(i)});
        const bool ok = Validate(s.items, v.items[i], out);
        path_.pop_back();
        if (!ok && out == nullptr) return false;
      }
    }
    return out == nullptr || out->size() == before;
  }

  const std::vector<Schema>& schemas_;
  std::vector<PathElem> path_;
  int depth_ = 0;
};

std::string Reason(const std::vector<Schema>& schemas, const Leaf& leaf) {
  const Schema& s = schemas[leaf.schema];
  const Node& v = *leaf.node;
  switch (leaf.kind) {
    case Kind::kType:
      return "must be a " + HumanType(s.types);
    case Kind::kMinimum:
      return "must be greater than or equal to " + s.minimum_text;
    case Kind::kMaximum:
      return "must be less than or equal to " + s.maximum_text;
    case Kind::kConst:
      if (s.const_value->is_array() || s.const_value->is_object()) return "const failed";
      return "value must be " + Display(*s.const_value);
    case Kind::kEnum: {
      const auto& values = *s.enum_values;
      if (std::any_of(values.begin(), values.end(),
                      [](const Json& j) { return j.is_array() || j.is_object(); })) {
        return "enum failed";
      }
      if (values.size() == 1) return "value must be " + Display(values[0]);
      std::string list;
      for (const Json& j : values) {
        if (!list.empty()) list += ", ";
        list += Display(j);
      }
      return "value must be one of " + list;
    }
    case Kind::kFalse:
      return "false schema";
    case Kind::kRequired:
      if (leaf.missing.size() == 1) return "missing property " + GoQuote(leaf.missing[0]);
      return "missing properties " + JoinQuoted(leaf.missing);
    case Kind::kAdditional: {
      std::vector<std::string> names;
      for (const MapEntry* e : leaf.extra) names.push_back(e->key.str());
      return "additional properties " + JoinQuoted(names) + " not allowed";
    }
    case Kind::kMinProperties:
      return fmt::format("minProperties: got {}, want {}", leaf.got, leaf.a);
    case Kind::kMaxProperties:
      return fmt::format("maxProperties: got {}, want {}", leaf.got, leaf.a);
    case Kind::kMinItems:
      return fmt::format("minItems: got {}, want {}", leaf.got, leaf.a);
    case Kind::kMaxItems:
      return fmt::format("maxItems: got {}, want {}", leaf.got, leaf.a);
    case Kind::kMinLength:
      return fmt::format("minLength: got {}, want {}", leaf.got, leaf.a);
    case Kind::kMaxLength:
      return fmt::format("maxLength: got {}, want {}", leaf.got, leaf.a);
    case Kind::kUniqueItems:
      return fmt::format("items at {} and {} are equal", leaf.a, leaf.b);
    case Kind::kPattern:
      return GoQuote(v.text) + " does not match pattern " + GoQuote(s.pattern->source());
    case Kind::kNot:
      return "not failed";
    case Kind::kOneOfMany:
      return fmt::format("oneOf failed, subschemas {}, {} matched", leaf.a, leaf.b);
    case Kind::kTooDeep:
      return "validation nested too deeply (reference cycle?)";
  }
  return "validation failed";
}

std::string Join(const std::vector<std::string>& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) out += '.';
    out += path[i];
  }
  return out;
}

SchemaError ToError(const std::vector<Schema>& schemas, const Leaf& leaf) {
  SchemaError e;
  e.path = Join(leaf.path);
  e.message = e.path + " " + Reason(schemas, leaf);
  e.span = leaf.node->span;
  const Schema& s = schemas[leaf.schema];
  if (leaf.kind == Kind::kAdditional) {
    e.unknown_key = true;
    e.span = leaf.extra.front()->key_span;
    std::vector<std::string_view> known;
    for (const auto& [name, index] : s.properties) {
      (void)index;
      if (leaf.node->FindEntry(name) == nullptr) known.push_back(name);
    }
    for (const MapEntry* extra : leaf.extra) {
      const std::string guess = Suggest(extra->key, known);
      if (!guess.empty())
        e.notes.push_back({extra->key_span, fmt::format("did you mean '{}'", guess)});
    }
  } else if (leaf.kind == Kind::kEnum && leaf.node->is_string()) {
    std::vector<std::string_view> known;
    for (const Json& j : *s.enum_values) {
      if (j.is_string()) known.push_back(j.get_ref<const std::string&>());
    }
    const std::string guess = Suggest(leaf.node->text, known);
    if (!guess.empty())
      e.notes.push_back({leaf.node->span, fmt::format("did you mean '{}'", guess)});
  }
  return e;
}

// ---- the compiled form as bytes ----
//
// What the build bakes into the binary (frontend/schema_bake.cc) so that start-up does not parse
// and compile 76 KB of JSON. Fixed-width integers in the machine's byte order (the build runs the
// tool on the machine it builds for), strings as a length and bytes,
// `enum` and `const` values as JSON text. The bytes are written and read by the same build, so
// there is no versioning beyond a magic string; a truncated or inconsistent input is refused.

constexpr std::string_view kCompiledMagic = "stackc-compiled-schema-1";

class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void I64(int64_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void F64(double v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    I32(static_cast<int32_t>(s.size()));
    out_.append(s);
  }
  void Ints(const std::vector<int>& v) {
    I32(static_cast<int32_t>(v.size()));
    for (int i : v) I32(i);
  }
  void Count(const std::optional<int64_t>& v) {
    U8(v.has_value());
    if (v) I64(*v);
  }
  void Bound(const std::optional<double>& v, const std::string& text) {
    U8(v.has_value());
    if (!v) return;
    F64(*v);
    Str(text);
  }
  std::string Take() { return std::move(out_); }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

  uint8_t U8() { return Get<uint8_t>(); }
  int64_t I64() { return Get<int64_t>(); }
  int32_t I32() { return Get<int32_t>(); }
  double F64() { return Get<double>(); }
  std::string_view Str() {
    const int32_t n = I32();
    if (!ok_ || n < 0 || static_cast<size_t>(n) > in_.size()) return Fail();
    const std::string_view s = in_.substr(0, static_cast<size_t>(n));
    in_.remove_prefix(static_cast<size_t>(n));
    return s;
  }
  // A length that the rest of the input can hold (each element takes at least 4 bytes).
  size_t Length() {
    const int32_t n = I32();
    if (!ok_ || n < 0 || static_cast<size_t>(n) > in_.size() / 4) {
      Fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  void Ints(std::vector<int>* v) {
    const size_t n = Length();
    v->reserve(n);
    for (size_t i = 0; i < n; ++i) v->push_back(I32());
  }
  void Count(std::optional<int64_t>* v) {
    if (U8() != 0) *v = I64();
  }
  void Bound(std::optional<double>* v, std::string* text) {
    if (U8() == 0) return;
    *v = F64();
    *text = Str();
  }
  std::string_view Fail() {
    ok_ = false;
    in_ = {};
    return {};
  }

 private:
  // A fixed-width value; zero once the input has run out.
  template <typename T>
  T Get() {
    T v{};
    if (in_.size() < sizeof v) {
      Fail();
      return v;
    }
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return v;
  }
  std::string_view in_;
  bool ok_ = true;
};

void WriteValue(ByteWriter& w, const Json* v) {
  w.U8(v != nullptr);
  if (v) w.Str(v->dump());
}

void WriteSchema(ByteWriter& w, const Schema& s) {
  w.U8(static_cast<uint8_t>(s.boolean));
  w.U8(s.types);
  WriteValue(w, s.const_value);
  WriteValue(w, s.enum_values);
  w.I32(s.ref);
  w.I32(static_cast<int32_t>(s.properties.size()));
  for (const auto& [name, index] : s.properties) {
    w.Str(name);
    w.I32(index);
  }
  w.I32(static_cast<int32_t>(s.pattern_properties.size()));
  for (const auto& [pattern, index] : s.pattern_properties) {
    w.Str(pattern.source());
    w.I32(index);
  }
  w.U8(static_cast<uint8_t>(s.additional));
  w.I32(s.additional_schema);
  w.I32(static_cast<int32_t>(s.required.size()));
  for (const std::string& r : s.required) w.Str(r);
  w.I32(s.items);
  w.U8(s.unique_items);
  for (const auto* c : {&s.min_items, &s.max_items, &s.min_length, &s.max_length, &s.min_properties,
                        &s.max_properties}) {
    w.Count(*c);
  }
  w.Bound(s.minimum, s.minimum_text);
  w.Bound(s.maximum, s.maximum_text);
  w.U8(s.pattern != nullptr);
  if (s.pattern) w.Str(s.pattern->source());
  w.Ints(s.all_of);
  w.Ints(s.any_of);
  w.Ints(s.one_of);
  w.I32(s.not_schema);
}

// Reads one value of `enum` / `const` into `values` (whose elements never move).
bool ReadValue(ByteReader& r, std::deque<Json>& values, const Json** out) {
  if (r.U8() == 0) return r.ok();
  const std::string_view text = r.Str();
  Json v = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!r.ok() || v.is_discarded()) return false;
  values.push_back(std::move(v));
  *out = &values.back();
  return true;
}

bool ReadPattern(std::string_view source, std::optional<Pattern>* out) {
  std::string error;
  *out = Pattern::Make(std::string(source), &error, Pattern::Compile::kOnFirstMatch);
  return out->has_value();
}

bool ReadSchema(ByteReader& r, std::deque<Json>& values, Schema& s) {
  s.boolean = static_cast<int8_t>(r.U8());
  s.types = r.U8();
  if (s.boolean < -1 || s.boolean > 1 || (s.types & ~uint8_t{0x7f}) != 0) return false;
  if (!ReadValue(r, values, &s.const_value) || !ReadValue(r, values, &s.enum_values)) return false;
  if (s.enum_values != nullptr && !s.enum_values->is_array()) return false;
  s.ref = r.I32();
  const size_t properties = r.Length();
  s.properties.reserve(properties);
  for (size_t i = 0; i < properties; ++i) {
    const std::string_view name = r.Str();
    s.properties.emplace_back(std::string(name), r.I32());
  }
  const size_t patterns = r.Length();
  for (size_t i = 0; i < patterns; ++i) {
    std::optional<Pattern> p;
    if (!ReadPattern(r.Str(), &p)) return false;
    s.pattern_properties.emplace_back(std::move(*p), r.I32());
  }
  const uint8_t additional = r.U8();
  if (additional > static_cast<uint8_t>(Additional::kSchema)) return false;
  s.additional = static_cast<Additional>(additional);
  s.additional_schema = r.I32();
  const size_t required = r.Length();
  for (size_t i = 0; i < required; ++i) s.required.emplace_back(r.Str());
  s.items = r.I32();
  s.unique_items = r.U8() != 0;
  for (auto* c : {&s.min_items, &s.max_items, &s.min_length, &s.max_length, &s.min_properties,
                  &s.max_properties}) {
    r.Count(c);
  }
  r.Bound(&s.minimum, &s.minimum_text);
  r.Bound(&s.maximum, &s.maximum_text);
  if (r.U8() != 0) {
    std::optional<Pattern> p;
    if (!ReadPattern(r.Str(), &p)) return false;
    s.pattern = std::make_unique<Pattern>(std::move(*p));
  }
  r.Ints(&s.all_of);
  r.Ints(&s.any_of);
  r.Ints(&s.one_of);
  s.not_schema = r.I32();
  return r.ok();
}

// Every schema index a schema holds is one of the `count` schemas (or -1 where allowed).
bool IndicesInRange(const Schema& s, int count) {
  auto in = [count](int i) { return i >= 0 && i < count; };
  auto optional = [&](int i) { return i == -1 || in(i); };
  if (!optional(s.ref) || !optional(s.additional_schema) || !optional(s.items) ||
      !optional(s.not_schema)) {
    return false;
  }
  if (s.additional == Additional::kSchema && !in(s.additional_schema)) return false;
  for (const auto& p : s.properties) {
    if (!in(p.second)) return false;
  }
  for (const auto& p : s.pattern_properties) {
    if (!in(p.second)) return false;
  }
  for (const std::vector<int>* list : {&s.all_of, &s.any_of, &s.one_of}) {
    if (!std::all_of(list->begin(), list->end(), in)) return false;
  }
  return std::is_sorted(s.properties.begin(), s.properties.end());
}

}  // namespace

struct SchemaValidator::Impl {
  Json root;                    // the schema document, when compiled from JSON
  std::deque<Json> values;      // the `enum`s and `const`s, when read from the compiled form
  std::vector<Schema> schemas;  // [0] is the root; `enum`s and `const`s point into root or values
};

SchemaValidator::SchemaValidator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SchemaValidator::~SchemaValidator() = default;

std::unique_ptr<SchemaValidator> SchemaValidator::Compile(std::string_view schema_json,
                                                          std::string* error) {
  auto impl = std::make_unique<Impl>();
  impl->root = Json::parse(schema_json, nullptr, /*allow_exceptions=*/false);
  if (impl->root.is_discarded()) {
    *error = "the schema is not valid JSON";
    return nullptr;
  }
  impl->schemas.reserve(schema_json.size() / 64);
  Compiler compiler(impl->root, impl->schemas);
  if (compiler.At("") != 0) {
    *error = "invalid schema: " + compiler.error();
    return nullptr;
  }
  return std::unique_ptr<SchemaValidator>(new SchemaValidator(std::move(impl)));
}

std::string SchemaValidator::Serialize() const {
  ByteWriter w;
  w.Str(kCompiledMagic);
  w.I32(static_cast<int32_t>(impl_->schemas.size()));
  for (const Schema& s : impl_->schemas) WriteSchema(w, s);
  return w.Take();
}

std::unique_ptr<SchemaValidator> SchemaValidator::Deserialize(std::string_view bytes,
                                                              std::string* error) {
  ByteReader r(bytes);
  auto impl = std::make_unique<Impl>();
  bool ok = r.Str() == kCompiledMagic;
  const size_t count = ok ? r.Length() : 0;
  ok = ok && count > 0;
  impl->schemas.resize(count);
  for (size_t i = 0; ok && i < count; ++i) ok = ReadSchema(r, impl->values, impl->schemas[i]);
  for (size_t i = 0; ok && i < count; ++i) {
    ok = IndicesInRange(impl->schemas[i], static_cast<int>(count));
  }
  if (!ok || !r.done()) {
    *error = "the compiled schema is malformed";
    return nullptr;
  }
  return std::unique_ptr<SchemaValidator>(new SchemaValidator(std::move(impl)));
}

bool SchemaValidator::IsValid(const Node& doc) const {
  Run run(impl_->schemas);
  return run.Validate(0, doc, nullptr);
}

std::vector<SchemaError> SchemaValidator::Check(const Node& doc, size_t max_errors) const {
  Run run(impl_->schemas);
  if (run.Validate(0, doc, nullptr)) return {};
  std::vector<Leaf> leaves;
  Run full(impl_->schemas);
  full.Validate(0, doc, &leaves);
  if (leaves.empty()) return {};
  const size_t first = MostSpecific(leaves);
  std::vector<SchemaError> errors;
  errors.push_back(ToError(impl_->schemas, leaves[first]));
  std::vector<SchemaError> rest;
  for (size_t i = 0; i < leaves.size(); ++i) {
    if (i != first) rest.push_back(ToError(impl_->schemas, leaves[i]));
  }
  std::stable_sort(rest.begin(), rest.end(), [](const SchemaError& a, const SchemaError& b) {
    return std::make_pair(a.span.file, a.span.begin) < std::make_pair(b.span.file, b.span.begin);
  });
  for (SchemaError& e : rest) {
    if (errors.size() >= max_errors) break;
    const bool duplicate = std::any_of(errors.begin(), errors.end(), [&](const SchemaError& x) {
      return x.message == e.message && x.span == e.span;
    });
    if (!duplicate) errors.push_back(std::move(e));
  }
  return errors;
}

bool SchemaValidator::Validate(const Node& doc, ir::DiagnosticSink& sink,
                               const SchemaValidateOptions& options) const {
  std::vector<SchemaError> errors = Check(doc, options.max_errors);
  for (SchemaError& e : errors) {
    ir::Diagnostic& d = sink.Error(e.unknown_key ? kSchemaUnknownKeyCode : kSchemaErrorCode, e.span,
                                   options.message_prefix + e.message);
    d.notes = std::move(e.notes);
  }
  return errors.empty();
}

}  // namespace stackc::frontend
