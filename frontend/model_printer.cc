#include "frontend/model_printer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "frontend/go_bytes.h"
#include "frontend/go_duration.h"
#include "frontend/go_emit.h"
#include "frontend/go_time.h"
#include "frontend/shell_words.h"
#include "frontend/utf8.h"

namespace stackc::frontend {

namespace {

// ---------------------------------------------------------------------------------------------------------------
// The shape of types.Project, from compose_types.inc.

struct FieldRow {
  std::string_view owner;
  std::string_view yaml_key;
  bool yaml_omit;
  bool yaml_inline;
  std::string_view json_key;
  bool json_omit;
  bool json_skip;
  std::string_view type;
};

struct StructRow {
  std::string_view name;
  std::string_view flags;
};

struct NamedRow {
  std::string_view name;
  std::string_view underlying;
  std::string_view flags;
};

#define STACKC_STRUCT(name, flags)
#define STACKC_FIELD(owner, yk, yo, yi, jk, jo, js, type) \
  FieldRow{owner, yk, yo, yi, jk, jo, js, type},
#define STACKC_NAMED(name, underlying, flags)
constexpr FieldRow kFields[] = {
#include "frontend/compose_types.inc"
};
#undef STACKC_STRUCT
#undef STACKC_FIELD
#undef STACKC_NAMED

#define STACKC_STRUCT(name, flags) StructRow{name, flags},
#define STACKC_FIELD(owner, yk, yo, yi, jk, jo, js, type)
#define STACKC_NAMED(name, underlying, flags)
constexpr StructRow kStructs[] = {
#include "frontend/compose_types.inc"
};
#undef STACKC_STRUCT
#undef STACKC_FIELD
#undef STACKC_NAMED

#define STACKC_STRUCT(name, flags)
#define STACKC_FIELD(owner, yk, yo, yi, jk, jo, js, type)
#define STACKC_NAMED(name, underlying, flags) NamedRow{name, underlying, flags},
constexpr NamedRow kNamed[] = {
#include "frontend/compose_types.inc"
};
#undef STACKC_STRUCT
#undef STACKC_FIELD
#undef STACKC_NAMED

// go-yaml's order for string keys (representer.go keyList.Less, string case).
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c != 0xFFFD);
}

std::u32string Runes(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t width = 1;
    out.push_back(DecodeRune(s, i, &width));
    i += width;
  }
  return out;
}

// go-yaml's keyList.Less on two rune sequences (std::u32string, or the bytes of an ASCII string).
template <typename Runes>
bool RunesLess(const Runes& ar, const Runes& br) {
  bool digits = false;
  for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
    if (ar[i] == br[i]) {
      digits = IsDigit(ar[i]);
      continue;
    }
    const bool al = IsLetter(ar[i]);
    const bool bl = IsLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return digits ? al : bl;
    int64_t an = 0;
    int64_t bn = 0;
    if (ar[i] == '0' || br[i] == '0') {
      for (size_t j = i; j-- > 0 && IsDigit(ar[j]);) {
        if (ar[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    size_t ai = i;
    size_t bi = i;
    for (; ai < ar.size() && IsDigit(ar[ai]); ++ai) an = an * 10 + (ar[ai] - '0');
    for (; bi < br.size() && IsDigit(br[bi]); ++bi) bn = bn * 10 + (br[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.size() < br.size();
}

// The bytes of an ASCII string as runes, without copying.
struct AsciiRunes {
  std::string_view s;
  size_t size() const { return s.size(); }
  char32_t operator[](size_t i) const { return static_cast<unsigned char>(s[i]); }
};

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

bool GoYamlKeyLess(std::string_view a_str, std::string_view b_str) {
  // Map keys are almost always ASCII: compare their bytes in place.
  if (IsAscii(a_str) && IsAscii(b_str)) return RunesLess(AsciiRunes{a_str}, AsciiRunes{b_str});
  return RunesLess(Runes(a_str), Runes(b_str));
}

namespace {

// A parsed Go type expression.
struct GoType {
  enum Kind {
    kString,
    kBool,
    kInt,
    kUint,
    kFloat32,
    kFloat64,
    kAny,
    kPtr,
    kSlice,
    kMap,
    kStruct,
    kNamed
  };
  Kind kind = kAny;
  std::string_view name;  // kStruct / kNamed
  const GoType* elem = nullptr;
};

// A printed scalar. Its style is kDoubleQuoted (the emitter chooses how to write text); only a
// time is kPlain, which the emitter writes as is, as go-yaml writes a time.Time.
Node Scalar(ScalarType t, std::string_view text) {
  Node n;
  n.type = t;
  n.style = ScalarStyle::kDoubleQuoted;
  n.text = text;
  return n;
}

// Go's strconv.FormatFloat(v, 'g', -1, bits) for float32 values.
std::string FormatFloat32(float f) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string sci(buf, p);
  Node tmp;
  tmp.type = ScalarType::kFloat;
  tmp.text = sci;
  return tmp.GoString();
}

std::string FormatFloat64(double d) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  Node tmp;
  tmp.type = ScalarType::kFloat;
  tmp.text.assign(std::string_view(buf, static_cast<size_t>(p - buf)));
  return tmp.GoString();
}

std::optional<int64_t> ToInt(const Node& v) {
  if (auto i = v.AsInt()) return i;
  if (v.is_string()) {
    int64_t out = 0;
    std::string_view s = v.text;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc() && p == s.data() + s.size()) return out;
  }
  if (v.kind == NodeKind::kScalar && v.type == ScalarType::kFloat) {
    if (auto f = v.AsFloat()) return static_cast<int64_t>(*f);
  }
  return std::nullopt;
}

}  // namespace

struct ModelPrinter::Impl {
  std::unordered_map<std::string_view, std::vector<const FieldRow*>> fields;
  std::unordered_map<std::string_view, std::string_view> struct_flags;
  std::unordered_map<std::string_view, const NamedRow*> named;
  mutable std::unordered_map<std::string, std::unique_ptr<GoType>> types;
  // The parsed type of each row of kFields, resolved on first use (decoding asks for it per field
  // per value).
  mutable std::vector<const GoType*> field_types = std::vector<const GoType*>(std::size(kFields));

  // Whether a field that is absent from the model decodes to Go's zero value, per output format
  // (0 unknown, 1 yes, 2 no): an absent omitempty field is then skipped without decoding.
  mutable std::vector<std::array<uint8_t, 2>> absent_zero =
      std::vector<std::array<uint8_t, 2>>(std::size(kFields));

  bool AbsentIsZero(const FieldRow* field, OutputFormat f) const {
    uint8_t& known = absent_zero[static_cast<size_t>(field - kFields)][f == OutputFormat::kYaml];
    if (known == 0) known = DecodeAbsent(FieldType(field), f).zero ? 1 : 2;
    return known == 1;
  }

  const GoType* FieldType(const FieldRow* f) const {
    const GoType*& t = field_types[static_cast<size_t>(f - kFields)];
    if (t == nullptr) t = Type(f->type);
    return t;
  }

  // Per struct: each yaml key's slot, and each row's slot (rows with the same key share one), so
  // that DecodeStruct finds a value's fields in one pass over its entries.
  struct Slots {
    std::unordered_map<std::string_view, size_t> by_key;
    std::vector<size_t> of_row;
  };
  std::unordered_map<std::string_view, Slots> slots;

  Impl() {
    for (const FieldRow& f : kFields) fields[f.owner].push_back(&f);
    for (const auto& [owner, rows] : fields) {
      Slots& sl = slots[owner];
      for (const FieldRow* row : rows) {
        sl.of_row.push_back(sl.by_key.emplace(row->yaml_key, sl.by_key.size()).first->second);
      }
    }
    for (const StructRow& s : kStructs) struct_flags[s.name] = s.flags;
    for (const NamedRow& n : kNamed) named[n.name] = &n;
  }

  const GoType* Type(std::string_view expr) const {
    auto it = types.find(std::string(expr));
    if (it != types.end()) return it->second.get();
    auto t = std::make_unique<GoType>();
    if (expr.starts_with("*")) {
      t->kind = GoType::kPtr;
      t->elem = Type(expr.substr(1));
    } else if (expr.starts_with("[]")) {
      t->kind = GoType::kSlice;
      t->elem = Type(expr.substr(2));
    } else if (expr.starts_with("map[string]")) {
      t->kind = GoType::kMap;
      t->elem = Type(expr.substr(11));
    } else if (expr == "string") {
      t->kind = GoType::kString;
    } else if (expr == "bool") {
      t->kind = GoType::kBool;
    } else if (expr == "int" || expr == "int64" || expr == "int32" || expr == "int16" ||
               expr == "int8") {
      t->kind = GoType::kInt;
    } else if (expr.starts_with("uint")) {
      t->kind = GoType::kUint;
    } else if (expr == "float32") {
      t->kind = GoType::kFloat32;
    } else if (expr == "float64") {
      t->kind = GoType::kFloat64;
    } else if (expr == "any") {
      t->kind = GoType::kAny;
    } else if (fields.count(expr) || struct_flags.count(expr)) {
      t->kind = GoType::kStruct;
      t->name = struct_flags.find(expr)->first;
    } else if (auto n = named.find(expr); n != named.end()) {
      t->kind = GoType::kNamed;
      t->name = n->first;
      t->elem = Type(n->second->underlying);
    }
    const GoType* raw = t.get();
    types.emplace(std::string(expr), std::move(t));
    return raw;
  }

  // A decoded value: the output node and whether Go considers it zero (for omitempty).
  struct Out {
    Node node;
    bool zero = false;
  };

  Out Decode(const Node& v, const GoType* t, OutputFormat f) const;
  // Decodes a field that is absent from the model.
  Out DecodeAbsent(const GoType* t, OutputFormat f) const {
    const Node null_node;
    Out fo = Decode(null_node, t, f);
    if (t->kind == GoType::kPtr) fo.zero = true;
    if (t->kind == GoType::kNamed && t->name == "ShellCommand") fo.zero = true;
    return fo;
  }
  Out DecodeStruct(const Node& v, std::string_view name, OutputFormat f) const;
  Out DecodeNamed(const Node& v, const GoType* t, OutputFormat f) const;
  Out DecodeAny(const Node& v, OutputFormat f) const;
  // Writes the Go map of structs `v` (of type map_type) to w, one decoded entry at a time.
  // Writes a map of structs one entry at a time, handing the output to drain (when set) between
  // entries once *out holds ModelPrinter::kDrainBytes.
  void StreamMap(const Node& v, const GoType* map_type, OutputFormat f, GoWriter& w,
                 std::string* out, const ModelPrinter::Drain* drain) const;
  // A stable sort that leaves sorted entries alone and sorts a few in place (most maps of a
  // project are small: environment, labels, networks), without std::stable_sort's buffer.
  template <typename Less>
  static void StableSortEntries(ir::ThinVector<MapEntry>& entries, Less less) {
    if (entries.size() < 2 || std::is_sorted(entries.begin(), entries.end(), less)) return;
    if (entries.size() > 16) {
      std::stable_sort(entries.begin(), entries.end(), less);
      return;
    }
    for (size_t i = 1; i < entries.size(); ++i) {
      if (!less(entries[i], entries[i - 1])) continue;
      MapEntry moving = std::move(entries[i]);
      size_t j = i;
      for (; j > 0 && less(moving, entries[j - 1]); --j) entries[j] = std::move(entries[j - 1]);
      entries[j] = std::move(moving);
    }
  }

  static void SortKeys(Node& map, OutputFormat f) {
    if (f == OutputFormat::kYaml) {
      StableSortEntries(map.entries, [](const MapEntry& a, const MapEntry& b) {
        return GoYamlKeyLess(a.key, b.key);
      });
    } else {
      StableSortEntries(map.entries,
                        [](const MapEntry& a, const MapEntry& b) { return a.key < b.key; });
    }
  }
};

ModelPrinter::Impl::Out ModelPrinter::Impl::DecodeAny(const Node& v, OutputFormat f) const {
  Out out;
  if (v.is_map()) {
    out.node = Node::Map();
    for (const MapEntry& e : v.entries) {
      out.node.entries.push_back(MapEntry{e.key, {}, DecodeAny(e.value, f).node});
    }
    SortKeys(out.node, f);
    out.zero = v.entries.empty();
    return out;
  }
  if (v.is_seq()) {
    out.node = Node::Seq();
    for (const Node& i : v.items) out.node.items.push_back(DecodeAny(i, f).node);
    out.zero = v.items.empty();
    return out;
  }
  if (v.IsTimestamp()) {  // go-yaml decoded a time.Time, and writes it back in RFC 3339
    out.node = Scalar(ScalarType::kString, GoTimeRfc3339Nano(*ParseYamlTimestamp(v.text.view())));
    out.node.style = ScalarStyle::kPlain;
    return out;
  }
  out.node = Scalar(v.type, v.type == ScalarType::kString ? v.text.str() : v.GoString());
  if (v.type == ScalarType::kNull) out.node.text.clear();
  out.zero = v.is_null();
  return out;
}

ModelPrinter::Impl::Out ModelPrinter::Impl::Decode(const Node& v, const GoType* t,
                                                   OutputFormat f) const {
  Out out;
  switch (t->kind) {
    case GoType::kNamed:
      return DecodeNamed(v, t, f);
    case GoType::kStruct:
      return DecodeStruct(v, t->name, f);
    case GoType::kPtr: {
      if (v.is_null()) {
        out.node = Node::Null();
        out.zero = true;
        return out;
      }
      out = Decode(v, t->elem, f);
      out.zero = false;  // a non-nil pointer is never empty
      return out;
    }
    case GoType::kSlice: {
      out.node = Node::Seq();
      if (v.is_seq()) {
        out.node.items.reserve(v.items.size());
        for (const Node& i : v.items) out.node.items.push_back(Decode(i, t->elem, f).node);
      } else if (!v.is_null()) {
        out.node.items.push_back(Decode(v, t->elem, f).node);
      }
      out.zero = out.node.items.empty();
      return out;
    }
    case GoType::kMap: {
      out.node = Node::Map();
      if (v.is_map()) {
        out.node.entries.reserve(v.entries.size());
        for (const MapEntry& e : v.entries) {
          // A map of text: compose-go prints each value with fmt.Sprint, a decoded date included.
          out.node.entries.push_back(
              MapEntry{e.key,
                       {},
                       t->elem->kind == GoType::kString && e.value.IsTimestamp()
                           ? Scalar(ScalarType::kString, e.value.SprintValue())
                           : Decode(e.value, t->elem, f).node});
        }
      }
      SortKeys(out.node, f);
      out.zero = out.node.entries.empty();
      return out;
    }
    case GoType::kString:
      if (v.is_null()) {
        out.node = Scalar(ScalarType::kString, "");
      } else {
        out.node = Scalar(ScalarType::kString, v.is_scalar() ? v.GoString() : GoSprint(v));
      }
      out.zero = out.node.text.empty();
      return out;
    case GoType::kBool: {
      bool b = false;
      if (auto x = v.AsBool()) {
        b = *x;
      } else if (v.is_string()) {
        std::string lower = v.text;
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        b = lower == "true" || lower == "yes" || lower == "y" || lower == "on";
      }
      out.node = Node::Bool(b);
      out.zero = !b;
      return out;
    }
    case GoType::kInt:
    case GoType::kUint: {
      const int64_t i = ToInt(v).value_or(0);
      out.node = Node::Int(i);
      out.zero = i == 0;
      return out;
    }
    case GoType::kFloat32:
    case GoType::kFloat64: {
      double d = 0;
      if (auto x = v.AsFloat()) {
        d = *x;
      } else if (v.is_string()) {
        d = std::strtod(v.text.c_str(), nullptr);
      }
      out.node = Scalar(ScalarType::kFloat, t->kind == GoType::kFloat32
                                                ? FormatFloat32(static_cast<float>(d))
                                                : FormatFloat64(d));
      out.zero = d == 0;
      return out;
    }
    case GoType::kAny:
      return DecodeAny(v, f);
  }
  return out;
}

ModelPrinter::Impl::Out ModelPrinter::Impl::DecodeNamed(const Node& v, const GoType* t,
                                                        OutputFormat f) const {
  const std::string_view name = t->name;
  Out out;
  if (name == "Duration") {
    int64_t ns = 0;
    if (v.kind == NodeKind::kScalar && !v.is_null()) {
      const GoDurationResult d = ParseGoDuration(v.GoString());
      if (d.ok()) ns = d.nanoseconds;
    }
    out.node = Scalar(ScalarType::kString, FormatGoDuration(ns));
    out.zero = ns == 0;
    return out;
  }
  if (name == "UnitBytes") {
    int64_t b = 0;
    if (auto i = v.AsInt()) {
      b = *i;
    } else if (v.is_string()) {
      const GoBytesResult parsed = ParseUnitBytes(v.text);
      if (parsed.ok()) b = parsed.bytes;
    }
    out.node = Scalar(ScalarType::kString, std::to_string(b));
    out.zero = b == 0;
    return out;
  }
  if (name == "FileMode") {
    int64_t m = 0;
    if (auto i = v.AsInt()) {
      m = *i;
    } else if (v.is_string()) {
      m = std::strtoll(v.text.c_str(), nullptr, 8);
    }
    out.node = Scalar(ScalarType::kString, fmt::format("0{:o}", m));
    out.zero = m == 0;
    return out;
  }
  if (name == "NanoCPUs") {
    double d = 0;
    if (auto x = v.AsFloat()) {
      d = *x;
    } else if (v.is_string()) {
      d = std::strtod(v.text.c_str(), nullptr);
    }
    out.node = Scalar(ScalarType::kFloat, FormatFloat32(static_cast<float>(d)));
    out.zero = d == 0;
    return out;
  }
  if (name == "HealthCheckTest" || name == "ShellCommand" || name == "StringList" ||
      name == "StringOrNumberList") {
    out.node = Node::Seq();
    if (v.is_null()) {
      out.zero = true;
      if (name == "ShellCommand") out.node = Node::Null();
      return out;
    }
    if (v.is_string()) {
      if (name == "HealthCheckTest") {
        out.node.items.push_back(Node::String("CMD-SHELL"));
        out.node.items.push_back(Node::String(v.text));
      } else if (name == "ShellCommand") {
        for (const std::string& w : SplitShellWords(v.text).words) {
          out.node.items.push_back(Node::String(w));
        }
      } else {
        out.node.items.push_back(Node::String(v.text));
      }
    } else if (v.is_seq()) {
      for (const Node& i : v.items) out.node.items.push_back(Node::String(GoSprint(i)));
    } else if (v.is_scalar()) {
      out.node.items.push_back(Node::String(v.GoString()));
    }
    // ShellCommand is zero only when nil: an explicit empty list is printed as [].
    out.zero = name == "ShellCommand" ? false : out.node.items.empty();
    return out;
  }
  if (name == "MappingWithEquals" || name == "Labels" || name == "Mapping" || name == "Options") {
    const bool nullable = name == "MappingWithEquals";
    out.node = Node::Map();
    auto add = [&](std::string key, const Node* value, bool has_value) {
      Node val;
      if (!has_value || (value && value->is_null())) {
        val = nullable ? Node::Null() : Node::String("");
      } else {
        val = Node::String(value ? GoSprint(*value) : "");
      }
      out.node.Set(key, std::move(val));
    };
    if (v.is_map()) {
      for (const MapEntry& e : v.entries) add(e.key, &e.value, true);
    } else if (v.is_seq()) {
      for (const Node& i : v.items) {
        const std::string s = GoSprint(i);
        const size_t eq = s.find('=');
        if (eq == std::string::npos) {
          if (nullable) {
            add(s, nullptr, false);
          } else {
            out.node.Set(s, Node::String(""));
          }
        } else {
          Node value = Node::String(s.substr(eq + 1));
          add(s.substr(0, eq), &value, true);
        }
      }
    }
    SortKeys(out.node, f);
    out.zero = out.node.entries.empty();
    return out;
  }
  if (name == "MultiOptions") {
    out.node = Node::Map();
    if (v.is_map()) {
      for (const MapEntry& e : v.entries) {
        Node list = Node::Seq();
        if (e.value.is_seq()) {
          for (const Node& i : e.value.items) list.items.push_back(Node::String(GoSprint(i)));
        } else {
          list.items.push_back(Node::String(GoSprint(e.value)));
        }
        out.node.entries.push_back(MapEntry{e.key, {}, std::move(list)});
      }
    }
    SortKeys(out.node, f);
    out.zero = out.node.entries.empty();
    return out;
  }
  if (name == "HostsList") {
    // host -> IPs (a "host=ip1,ip2" entry lists several), brackets dropped; printed as sorted
    // "host=ip".
    std::vector<std::string> list;
    auto add = [&](const std::string& host, const std::string& ip) {
      std::string v = ip;
      if (v.size() > 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
      list.push_back(host + "=" + v);
    };
    if (v.is_seq()) {
      for (const Node& i : v.items) {
        const std::string s = GoSprint(i);
        size_t sep = s.find('=');
        if (sep == std::string::npos) sep = s.find(':');
        if (sep == std::string::npos) continue;
        const std::string host = s.substr(0, sep);
        std::string_view ips = std::string_view(s).substr(sep + 1);
        while (true) {
          const size_t comma = ips.find(',');
          add(host, std::string(ips.substr(0, comma)));
          if (comma == std::string_view::npos) break;
          ips.remove_prefix(comma + 1);
        }
      }
    } else if (v.is_map()) {
      for (const MapEntry& e : v.entries) {
        if (e.value.is_seq()) {
          for (const Node& ip : e.value.items) add(e.key, GoSprint(ip));
        } else {
          add(e.key, e.value.is_null() ? "" : GoSprint(e.value));
        }
      }
    }
    std::sort(list.begin(), list.end());
    out.node = Node::Seq();
    for (const std::string& s : list) out.node.items.push_back(Node::String(s));
    out.zero = list.empty();
    return out;
  }
  if (name == "SSHConfig") {
    // A map id -> path; each key prints as "id" or "id: path" (SSHKey's marshallers), sorted by id.
    out.node = Node::Seq();
    if (v.is_map()) {
      std::vector<const MapEntry*> keys;
      for (const MapEntry& e : v.entries) keys.push_back(&e);
      std::sort(keys.begin(), keys.end(),
                [](const MapEntry* a, const MapEntry* b) { return a->key < b->key; });
      for (const MapEntry* e : keys) {
        const std::string path = e->value.is_null() ? "" : GoSprint(e->value);
        out.node.items.push_back(Node::String(path.empty() ? e->key.str() : e->key + ": " + path));
      }
    }
    out.zero = out.node.items.empty();
    return out;
  }
  if (name == "External" || name == "OptOut") {
    out = Decode(v, Type("bool"), f);
    if (name == "OptOut") out.zero = out.node.AsBool().value_or(false);
    return out;
  }
  if (name == "DeviceCount") {
    int64_t c = 0;
    if (auto i = v.AsInt()) {
      c = *i;
    } else if (v.is_string()) {
      std::string lower = v.text;
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      c = lower == "all" ? -1 : std::strtoll(v.text.c_str(), nullptr, 10);
    }
    out.node = Node::Int(c);
    out.zero = c == 0;
    return out;
  }
  // Plain named maps, slices and scalars: decode as their underlying type.
  return Decode(v, t->elem, f);
}

ModelPrinter::Impl::Out ModelPrinter::Impl::DecodeStruct(const Node& v, std::string_view name,
                                                         OutputFormat f) const {
  Out out;
  out.node = Node::Map();
  if (name == "UlimitsConfig") {
    if (auto i = v.AsInt()) {
      out.node = Node::Int(*i);
      out.zero = *i == 0;
      return out;
    }
    const int64_t soft = v.is_map() && v.Find("soft") ? ToInt(*v.Find("soft")).value_or(0) : 0;
    const int64_t hard = v.is_map() && v.Find("hard") ? ToInt(*v.Find("hard")).value_or(0) : 0;
    if (f == OutputFormat::kYaml) {
      out.node.Set("soft", Node::Int(soft));
      out.node.Set("hard", Node::Int(hard));
    } else {
      if (soft) out.node.Set("soft", Node::Int(soft));
      if (hard) out.node.Set("hard", Node::Int(hard));
    }
    out.zero = soft == 0 && hard == 0;
    return out;
  }
  const bool yaml = f == OutputFormat::kYaml;
  bool all_zero = true;
  ir::ThinVector<MapEntry> inline_ext;  // go-yaml prints an inline map after every other field
  auto it = fields.find(name);
  if (it == fields.end()) return out;
  const Slots& sl = slots.find(name)->second;
  std::vector<const Node*> values(sl.by_key.size());
  out.node.entries.reserve(v.is_map() ? v.entries.size() : 0);
  if (v.is_map()) {
    for (const MapEntry& e : v.entries) {
      auto slot = sl.by_key.find(e.key);
      if (slot != sl.by_key.end() && values[slot->second] == nullptr) {
        values[slot->second] = &e.value;
      }
    }
  }
  // The struct's own cleared fields, looked up once rather than per row.
  const bool service_config = name == "ServiceConfig";
  const bool secret_config = name == "SecretConfig";
  const bool config_obj_config = name == "ConfigObjConfig";
  for (size_t row = 0; row < it->second.size(); ++row) {
    const FieldRow* field = it->second[row];
    if (yaml && field->yaml_inline) {
      // Inline extensions: the x-* keys of this mapping, sorted, after the declared fields.
      ir::ThinVector<MapEntry> ext;
      if (v.is_map()) {
        for (const MapEntry& e : v.entries) {
          // "x-#..." keys are compose-go's internal values (a secret's resolved value), never
          // printed.
          if (e.key.starts_with("x-") && !e.key.starts_with("x-#")) {
            ext.push_back(MapEntry{e.key, {}, DecodeAny(e.value, f).node});
          }
        }
      }
      std::stable_sort(ext.begin(), ext.end(), [](const MapEntry& a, const MapEntry& b) {
        return GoYamlKeyLess(a.key, b.key);
      });
      for (MapEntry& e : ext) inline_ext.push_back(std::move(e));
      continue;
    }
    if (!yaml && field->json_skip) continue;
    const std::string_view key = yaml ? field->yaml_key : field->json_key;
    const Node* value = values[sl.of_row[row]];
    // Values the marshallers clear.
    if ((service_config && field->yaml_key == "name") ||
        (secret_config && field->yaml_key == "content") ||
        (config_obj_config && field->yaml_key == "content" && v.is_map() && v.Find("environment") &&
         !v.Find("environment")->text.empty())) {
      value = nullptr;
    }
    const GoType* ft = FieldType(field);
    const bool omit = yaml ? field->yaml_omit : field->json_omit;
    // encoding/json never omits a struct value; go-yaml omits an all-zero struct.
    const bool json_struct = !yaml && ft->kind == GoType::kStruct;
    if (!value && omit && !json_struct && AbsentIsZero(field, f)) continue;
    Out fo = value ? Decode(*value, ft, f) : DecodeAbsent(ft, f);
    if (!fo.zero) all_zero = false;
    if (omit && fo.zero && !json_struct) continue;
    if (!yaml && !value && ft->kind == GoType::kSlice) fo.node = Node::Null();  // a nil slice
    if (!yaml && !value && ft->kind == GoType::kMap) fo.node = Node::Null();
    if (!yaml && !value && ft->kind == GoType::kNamed && ft->elem &&
        (ft->elem->kind == GoType::kMap || ft->elem->kind == GoType::kSlice) &&
        ft->name != "ShellCommand") {
      fo.node = Node::Null();
    }
    out.node.entries.push_back(MapEntry{std::string(key), {}, std::move(fo.node)});
  }
  if (!inline_ext.empty()) all_zero = false;
  for (MapEntry& e : inline_ext) out.node.entries.push_back(std::move(e));
  out.zero = all_zero;
  return out;
}

ModelPrinter::ModelPrinter() : impl_(std::make_unique<Impl>()) {}
ModelPrinter::~ModelPrinter() = default;

Node ModelPrinter::DecodeAs(const Node& value, std::string_view go_type,
                            OutputFormat format) const {
  return impl_->Decode(value, impl_->Type(go_type), format).node;
}

Node ModelPrinter::OutputTree(const Node& model, OutputFormat format) const {
  if (format == OutputFormat::kYaml) {
    return impl_->DecodeStruct(model, "Project", format).node;
  }
  // Project.MarshalJSON: a map of name, services and the non-empty resource maps, plus extensions.
  Node out = Node::Map();
  const Node empty = Node::Map();
  const Node* name = model.Find("name");
  out.Set("name", Node::String(name ? name->GoString() : ""));
  const Node* services = model.Find("services");
  out.Set("services", DecodeAs(services ? *services : empty, "Services", format));
  for (std::string_view key : {"networks", "volumes", "secrets", "configs"}) {
    const Node* v = model.Find(key);
    if (!v || !v->is_map() || v->entries.empty()) continue;
    const std::string_view type = key == "networks"  ? "Networks"
                                  : key == "volumes" ? "Volumes"
                                  : key == "secrets" ? "Secrets"
                                                     : "Configs";
    out.Set(key, DecodeAs(*v, type, format));
  }
  for (const MapEntry& e : model.entries) {
    if (e.key.starts_with("x-")) out.Set(e.key, impl_->DecodeAny(e.value, format).node);
  }
  impl_->SortKeys(out, format);
  return out;
}

namespace {

// The Go map of structs behind a project field (Services, Networks...: map[string]ServiceConfig),
// or null for any other type.
const GoType* StructMapOf(const GoType* t) {
  if (t->kind == GoType::kNamed && t->elem != nullptr) t = t->elem;
  return t->kind == GoType::kMap && t->elem->kind == GoType::kStruct ? t : nullptr;
}

}  // namespace

void ModelPrinter::Impl::StreamMap(const Node& v, const GoType* map_type, OutputFormat f,
                                   GoWriter& w, std::string* out,
                                   const ModelPrinter::Drain* drain) const {
  std::vector<const MapEntry*> order;
  order.reserve(v.entries.size());
  for (const MapEntry& e : v.entries) order.push_back(&e);
  if (f == OutputFormat::kYaml) {
    std::stable_sort(order.begin(), order.end(), [](const MapEntry* a, const MapEntry* b) {
      return GoYamlKeyLess(a->key, b->key);
    });
  } else {
    std::stable_sort(order.begin(), order.end(),
                     [](const MapEntry* a, const MapEntry* b) { return a->key < b->key; });
  }
  w.BeginMapping();
  for (const MapEntry* e : order) {
    w.Key(e->key);
    w.Value(Decode(e->value, map_type->elem, f).node);
    if (drain != nullptr && out->size() >= ModelPrinter::kDrainBytes) {
      (*drain)(*out);
      out->clear();
    }
  }
  w.EndMapping();
}

bool ModelPrinter::Print(const Node& model, OutputFormat format, std::string* out,
                         std::string* error, const Drain& drain) const {
  const Drain* yaml_drain = format == OutputFormat::kYaml && drain ? &drain : nullptr;
  out->clear();
  std::unique_ptr<GoWriter> w =
      format == OutputFormat::kYaml ? MakeGoYamlWriter(out) : MakeGoJsonWriter(out);
  // The project's maps of structs that have entries are written one entry at a time; the rest of
  // the project (its name, extensions, empty maps) is decoded as usual, as a small tree.
  struct Deferred {
    std::string_view key;
    const Node* value;
    const GoType* type;
  };
  std::vector<Deferred> deferred;
  Node shell = Node::Map();
  for (const MapEntry& e : model.entries) {
    const FieldRow* row = nullptr;
    for (const FieldRow* r : impl_->fields.at("Project")) {
      if (r->yaml_key == e.key && !r->yaml_inline) row = r;
    }
    const GoType* map_type = row ? StructMapOf(impl_->FieldType(row)) : nullptr;
    if (map_type && e.value.is_map() && !e.value.entries.empty()) {
      deferred.push_back(Deferred{row->yaml_key, &e.value, map_type});
    } else {
      shell.entries.push_back(e);
    }
  }
  const auto find_deferred = [&](std::string_view key) -> const Deferred* {
    for (const Deferred& d : deferred) {
      if (d.key == key) return &d;
    }
    return nullptr;
  };
  if (format == OutputFormat::kYaml) {
    // Project's declared fields in order, then its inline extensions (what remains of the shell).
    Node decoded = impl_->DecodeStruct(shell, "Project", format).node;
    std::vector<bool> written(decoded.entries.size());
    w->BeginMapping();
    for (const FieldRow* row : impl_->fields.at("Project")) {
      const Deferred* d = find_deferred(row->yaml_key);
      if (d != nullptr) {
        w->Key(d->key);
        impl_->StreamMap(*d->value, d->type, format, *w, out, yaml_drain);
      }
      for (size_t i = 0; i < decoded.entries.size(); ++i) {
        if (written[i] || decoded.entries[i].key != row->yaml_key) continue;
        written[i] = true;  // a deferred field's own (empty) decoding is replaced by the stream
        if (d != nullptr) continue;
        w->Key(decoded.entries[i].key);
        w->Value(decoded.entries[i].value);
      }
    }
    for (size_t i = 0; i < decoded.entries.size(); ++i) {
      if (written[i]) continue;
      w->Key(decoded.entries[i].key);
      w->Value(decoded.entries[i].value);
    }
    w->EndMapping();
    return w->Finish(error);
  }
  // JSON: Project.MarshalJSON's map (see OutputTree), keys in byte order.
  Node decoded = OutputTree(shell, format);
  std::vector<std::string_view> keys;
  for (const MapEntry& e : decoded.entries) keys.push_back(e.key);
  for (const Deferred& d : deferred) {
    // MarshalJSON leaves models out.
    const bool marshalled = d.key == "services" || d.key == "networks" || d.key == "volumes" ||
                            d.key == "secrets" || d.key == "configs";
    if (marshalled && !decoded.Find(d.key)) keys.push_back(d.key);
  }
  std::sort(keys.begin(), keys.end());
  w->BeginMapping();
  for (std::string_view key : keys) {
    w->Key(key);
    if (const Deferred* d = find_deferred(key)) {
      impl_->StreamMap(*d->value, d->type, format, *w, out, yaml_drain);
    } else {
      w->Value(*decoded.Find(key));
    }
  }
  w->EndMapping();
  return w->Finish(error);
}

std::string ModelPrinter::Yaml(const Node& model) const {
  std::string out;
  Print(model, OutputFormat::kYaml, &out);
  return out;
}

Node ModelPrinter::GenericTree(const Node& model, OutputFormat format) const {
  return impl_->DecodeAny(model, format).node;
}

std::string ModelPrinter::GenericYaml(const Node& model) const {
  return EmitGoYaml(impl_->DecodeAny(model, OutputFormat::kYaml).node);
}

std::string ModelPrinter::GenericJson(const Node& model) const {
  return EmitGoJson(impl_->DecodeAny(model, OutputFormat::kJson).node);
}

std::string ModelPrinter::Json(const Node& model) const {
  std::string out;
  Print(model, OutputFormat::kJson, &out);
  return out;
}

}  // namespace stackc::frontend
