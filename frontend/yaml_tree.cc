#include "frontend/yaml_tree.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <yaml.h>

#include "frontend/go_time.h"

namespace stackc::frontend {

// ---------------------------------------------------------------------------------------------------------------
// Node helpers

namespace {

// The key test of the lookups that every pass makes, many times a service: the length and the
// first byte settle almost every mismatch without a call to memcmp.
inline bool SameKey(const ir::CompactString& a, std::string_view b) {
  return a.size() == b.size() &&
         (b.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), b.size()) == 0));
}

}  // namespace

bool HasTags(const Node& n) {
  if (n.tag != NodeTag::kNone) return true;
  for (const MapEntry& e : n.entries) {
    if (HasTags(e.value)) return true;
  }
  for (const Node& i : n.items) {
    if (HasTags(i)) return true;
  }
  return false;
}

const MapEntry* Node::FindEntry(std::string_view key) const {
  for (const MapEntry& e : entries) {
    if (SameKey(e.key, key)) return &e;
  }
  return nullptr;
}

MapEntry* Node::FindEntry(std::string_view key) {
  for (MapEntry& e : entries) {
    if (SameKey(e.key, key)) return &e;
  }
  return nullptr;
}

static_assert(sizeof(Node) <= 48, "a node is 48 bytes: keep the span next to the one-byte fields");
static_assert(sizeof(MapEntry) <= 80, "a mapping entry is its key, the key's span and a node");

const Node* Node::Find(std::string_view key) const {
  const MapEntry* e = FindEntry(key);
  return e ? &e->value : nullptr;
}

Node* Node::Find(std::string_view key) {
  MapEntry* e = FindEntry(key);
  return e ? &e->value : nullptr;
}

Node& Node::Set(std::string_view key, Node value) {
  if (MapEntry* e = FindEntry(key)) {
    e->value = std::move(value);
    return e->value;
  }
  entries.push_back(MapEntry{std::string(key), {}, std::move(value)});
  return entries.back().value;
}

bool Node::Erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->key == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

namespace {

// Go's strconv.ParseInt(s, 0, 64) after go-yaml removed underscores: optional sign, then 0x / 0o /
// 0b / leading-0 octal / decimal.
std::optional<int64_t> ParseGoInt(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  int base = 10;
  if (s.size() >= 2 && s[0] == '0') {
    const char c = static_cast<char>(s[1] | 0x20);
    if (c == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else if (c == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (c == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  if (neg) {
    if (v > static_cast<uint64_t>(INT64_MAX) + 1) return std::nullopt;
    return static_cast<int64_t>(0 - v);
  }
  if (v > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return static_cast<int64_t>(v);
}

bool IsYamlStyleFloat(std::string_view s) {
  // ^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$
  size_t i = 0;
  auto digits = [&]() {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

std::optional<double> ParseFloat(std::string_view s) {
  std::string buf(s);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size() || buf.empty()) return std::nullopt;
  return v;
}

}  // namespace

ScalarType ResolvePlain(std::string_view in) {
  if (in.empty()) return ScalarType::kNull;
  const char c = in[0];
  switch (c) {
    case '~':
      return in.size() == 1 ? ScalarType::kNull : ScalarType::kString;
    case 'n':
    case 'N':
      return (in == "null" || in == "Null" || in == "NULL") ? ScalarType::kNull
                                                            : ScalarType::kString;
    case 't':
    case 'T':
      return (in == "true" || in == "True" || in == "TRUE") ? ScalarType::kBool
                                                            : ScalarType::kString;
    case 'f':
    case 'F':
      return (in == "false" || in == "False" || in == "FALSE") ? ScalarType::kBool
                                                               : ScalarType::kString;
    case '.':
      if (in == ".nan" || in == ".NaN" || in == ".NAN" || in == ".inf" || in == ".Inf" ||
          in == ".INF") {
        return ScalarType::kFloat;
      }
      return ParseFloat(in) && IsYamlStyleFloat(in) ? ScalarType::kFloat : ScalarType::kString;
    case '+':
    case '-':
      if (in == "+.inf" || in == "+.Inf" || in == "+.INF" || in == "-.inf" || in == "-.Inf" ||
          in == "-.INF" || in == "-0" || in == "-0.0") {
        return ScalarType::kFloat;
      }
      [[fallthrough]];
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': {
      std::string plain;
      plain.reserve(in.size());
      for (char ch : in) {
        if (ch != '_') plain.push_back(ch);
      }
      if (ParseGoInt(plain)) return ScalarType::kInt;
      if (IsYamlStyleFloat(plain) && ParseFloat(plain)) return ScalarType::kFloat;
      return ScalarType::kString;
    }
    default:
      return ScalarType::kString;
  }
}

std::optional<int64_t> Node::AsInt() const {
  if (kind != NodeKind::kScalar || type != ScalarType::kInt) return std::nullopt;
  std::string plain;
  for (char ch : text) {
    if (ch != '_') plain.push_back(ch);
  }
  return ParseGoInt(plain);
}

std::optional<double> Node::AsFloat() const {
  if (kind != NodeKind::kScalar) return std::nullopt;
  if (type == ScalarType::kInt) {
    if (auto i = AsInt()) return static_cast<double>(*i);
    return std::nullopt;
  }
  if (type != ScalarType::kFloat) return std::nullopt;
  std::string_view t = text;
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return std::nan("");
  if (t == ".inf" || t == ".Inf" || t == ".INF" || t == "+.inf" || t == "+.Inf" || t == "+.INF") {
    return HUGE_VAL;
  }
  if (t == "-.inf" || t == "-.Inf" || t == "-.INF") return -HUGE_VAL;
  std::string plain;
  for (char ch : text) {
    if (ch != '_') plain.push_back(ch);
  }
  return ParseFloat(plain);
}

std::optional<bool> Node::AsBool() const {
  if (kind != NodeKind::kScalar || type != ScalarType::kBool) return std::nullopt;
  return text == "true" || text == "True" || text == "TRUE";
}

namespace {

// A float64 as fmt.Sprint prints it, strconv.FormatFloat(v, 'g', -1, 64): the shortest digits, with
// an exponent when it is below -4 or at least 6 (1e+06, 1.234567e+06, 100000), and Go's names for
// the infinities and NaN.
std::string GoFloat(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  // Shortest round-trip digits.
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, p);  // d.ddddde±XX
  const size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  const int exp = std::atoi(sci.c_str() + e + 1);
  bool neg = false;
  if (!mant.empty() && mant[0] == '-') {
    neg = true;
    mant.erase(0, 1);
  }
  std::string digits;
  for (char ch : mant) {
    if (ch != '.') digits.push_back(ch);
  }
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 6) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', std::abs(exp));
    return out;
  }
  if (exp < 0) {
    out += "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    return out;
  }
  const size_t int_len = static_cast<size_t>(exp) + 1;
  if (digits.size() <= int_len) {
    out += digits + std::string(int_len - digits.size(), '0');
  } else {
    out += digits.substr(0, int_len) + "." + digits.substr(int_len);
  }
  return out;
}

}  // namespace

std::string Node::GoString() const {
  if (kind != NodeKind::kScalar) return {};
  switch (type) {
    case ScalarType::kNull:
      return "<nil>";
    case ScalarType::kBool:
      return *AsBool() ? "true" : "false";
    case ScalarType::kInt:
      if (auto i = AsInt()) return std::to_string(*i);
      return text.str();
    case ScalarType::kFloat:
      if (auto f = AsFloat()) return GoFloat(*f);
      return text.str();
    case ScalarType::kString:
      return text.str();
  }
  return text.str();
}

std::string Node::SprintValue() const {
  if (IsTimestamp()) return GoTimeString(*ParseYamlTimestamp(text.view()));
  return GoString();
}

bool Node::IsTimestamp() const {
  return kind == NodeKind::kScalar && type == ScalarType::kString && style == ScalarStyle::kPlain &&
         tag == NodeTag::kNone && IsYamlTimestamp(text.view());
}

std::string GoSprint(const Node& n) {
  if (n.is_scalar()) return n.SprintValue();
  std::string out = n.is_seq() ? "[" : "map[";
  if (n.is_seq()) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      if (i > 0) out += ' ';
      out += GoSprint(n.items[i]);
    }
    return out + "]";
  }
  std::vector<const MapEntry*> sorted;
  sorted.reserve(n.entries.size());
  for (const MapEntry& e : n.entries) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const MapEntry* a, const MapEntry* b) { return a->key.view() < b->key.view(); });
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) out += ' ';
    out.append(sorted[i]->key.view()).append(":").append(GoSprint(sorted[i]->value));
  }
  return out + "]";
}

Node Node::String(std::string_view s, ir::Span span) {
  Node n;
  n.type = ScalarType::kString;
  n.style = ScalarStyle::kDoubleQuoted;  // made, not read: never resolves as a timestamp
  n.text = s;
  n.span = span;
  return n;
}

Node Node::Int(int64_t v, ir::Span span) {
  Node n;
  n.type = ScalarType::kInt;
  n.text = std::to_string(v);
  n.span = span;
  return n;
}

Node Node::Bool(bool v, ir::Span span) {
  Node n;
  n.type = ScalarType::kBool;
  n.text = v ? "true" : "false";
  n.span = span;
  return n;
}

Node Node::Null(ir::Span span) {
  Node n;
  n.span = span;
  return n;
}

Node Node::Map(ir::Span span) {
  Node n;
  n.kind = NodeKind::kMapping;
  n.span = span;
  return n;
}

Node Node::Seq(ir::Span span) {
  Node n;
  n.kind = NodeKind::kSequence;
  n.span = span;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// The parser

namespace {

// libyaml marks count characters; spans are bytes. Converts with checkpoints every 64 characters.
class MarkConverter {
 public:
  explicit MarkConverter(std::string_view text) : text_(text) {
    ascii_ = true;
    for (unsigned char c : text) {
      if (c >= 0x80) {
        ascii_ = false;
        break;
      }
    }
    if (!ascii_) {
      uint32_t chars = 0;
      for (uint32_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
          if (chars % 64 == 0) checkpoints_.push_back(i);
          ++chars;
        }
      }
    }
  }

  uint32_t Byte(size_t char_index) const {
    if (ascii_) return static_cast<uint32_t>(std::min(char_index, text_.size()));
    const size_t cp = char_index / 64;
    if (cp >= checkpoints_.size()) return static_cast<uint32_t>(text_.size());
    uint32_t b = checkpoints_[cp];
    size_t remaining = char_index % 64;
    while (remaining > 0 && b < text_.size()) {
      ++b;
      while (b < text_.size() && (static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) ++b;
      --remaining;
    }
    return b;
  }

 private:
  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> checkpoints_;
};

size_t CountNodes(const Node& n) {
  size_t count = 1;
  for (const Node& i : n.items) count += CountNodes(i);
  for (const MapEntry& e : n.entries) count += 1 + CountNodes(e.value);
  return count;
}

struct Frame {
  Node node;
  std::string anchor;
  // For mappings: the pending key, and merge sources collected from `<<`.
  bool have_key = false;
  Node key;
  std::vector<Node> merges;
  std::vector<ir::Span> merge_spans;
  // Key -> index into node.entries, kept once a mapping is large, so duplicate checks stay linear.
  std::unordered_map<std::string, size_t, ir::StringHash, std::equal_to<>> index;
};

NodeTag TagOf(std::string_view tag) {
  if (tag.empty()) return NodeTag::kNone;
  if (tag == "!reset") return NodeTag::kReset;
  if (tag == "!override") return NodeTag::kOverride;
  if (tag == "tag:yaml.org,2002:merge") return NodeTag::kMerge;
  return NodeTag::kOther;
}

class TreeBuilder {
 public:
  TreeBuilder(const ir::SourceManager& sm, ir::FileId file, ir::DiagnosticSink& sink,
              const YamlOptions& options)
      : sm_(sm), file_(file), sink_(sink), options_(options), marks_(sm.text(file)) {}

  std::vector<Node> Run(std::vector<ir::Span>* scalar_spans);
  void set_aliased(std::vector<ir::Span>* out) { aliased_ = out; }

 private:
  ir::Span SpanOf(const yaml_mark_t& b, const yaml_mark_t& e) const {
    return ir::Span{file_, marks_.Byte(b.index), marks_.Byte(e.index)};
  }
  // Syntax errors read as go-yaml's LoadError: "go-yaml load error in <stage> at L<line>.C<col>:
  // <problem>".
  void Fail(ir::Span span, std::string message) {
    if (!failed_) sink_.Error("LOAD001", span, std::move(message));
    failed_ = true;
  }
  // Decoding errors, as compose-go wraps them: "failed to parse <file>: yaml: construct errors:
  // line <document line>: <error>".
  void ConstructError(ir::Span span, std::string message) {
    Fail(span, fmt::format("failed to parse {}: yaml: construct errors: line {}: {}",
                           sm_.path(file_), document_line_, message));
  }
  std::string Location(ir::Span span) const {
    const ir::LineCol lc = sm_.Position(span);
    return fmt::format("L{}.C{}", lc.line, lc.column);
  }
  // compose-go's name of the mapping being built, for "non-string key in <path>".
  std::string PathOfTop() const;
  // Adds a finished node to its parent (or to the document).
  void Attach(Node node, const std::string& anchor);
  void FinishMapping(Frame& f);

  const ir::SourceManager& sm_;
  ir::FileId file_;
  ir::DiagnosticSink& sink_;
  const YamlOptions& options_;
  MarkConverter marks_;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, std::pair<Node, size_t>> anchors_;
  size_t alias_budget_used_ = 0;
  std::vector<ir::Span>* aliased_ = nullptr;  // where to record anchored nodes that aliases use
  std::optional<Node> document_;
  uint32_t document_line_ = 1;
  bool failed_ = false;
  void NonStringKey(ir::Span span, std::string message) {
    // Reported by compose-go's loader after parsing, so without the "failed to parse" wrapping.
    if (!failed_) sink_.Error("LOAD001", span, std::move(message));
    failed_ = true;
  }
};

std::string TreeBuilder::PathOfTop() const {
  // Frames below the top one: each child sits under its parent's pending key or at the next index.
  std::string path;
  for (size_t i = 0; i + 1 < stack_.size(); ++i) {
    const Frame& parent = stack_[i];
    if (parent.node.kind == NodeKind::kMapping) {
      const std::string_view k = parent.key.text;
      if (!path.empty()) path += '.';
      path += k;
    } else {
      path += fmt::format("[{}]", parent.node.items.size());
    }
  }
  return path;
}

// go-yaml's rendering of a libyaml failure (its LoadError): stage, context, position range,
// problem.
std::string LibyamlMessage(const yaml_parser_t& p) {
  const char* stage = p.error == YAML_SCANNER_ERROR  ? "scanner"
                      : p.error == YAML_PARSER_ERROR ? "parser"
                                                     : "reader";
  std::string problem = p.problem ? p.problem : "unknown error";
  if (p.error == YAML_READER_ERROR) {
    if (p.problem_value != -1) problem += fmt::format(" (value: {})", p.problem_value);
    return fmt::format("go-yaml load error in reader at <unknown position>: {}", problem);
  }
  const size_t line = p.problem_mark.line + 1;
  const size_t col = p.problem_mark.column + 1;
  std::string at = fmt::format("L{}.C{}", line, col);
  std::string context;
  if (p.context) {
    context = fmt::format(" ({})", p.context);
    const size_t cline = p.context_mark.line + 1;
    const size_t ccol = p.context_mark.column + 1;
    if (cline == line) {
      at = ccol == col ? fmt::format("L{}.C{}", cline, ccol)
                       : fmt::format("L{}.C{}-C{}", cline, ccol, col);
    } else {
      at = fmt::format("L{}.C{}-L{}.C{}", cline, ccol, line, col);
    }
  }
  return fmt::format("go-yaml load error in {}{} at {}: {}", stage, context, at, problem);
}

void TreeBuilder::Attach(Node node, const std::string& anchor) {
  if (!anchor.empty()) {
    const size_t count = CountNodes(node);
    anchors_[anchor] = {node, count};
  }
  if (stack_.empty()) {
    document_ = std::move(node);
    return;
  }
  Frame& parent = stack_.back();
  if (parent.node.kind == NodeKind::kSequence) {
    parent.node.items.push_back(std::move(node));
    return;
  }
  // Mapping.
  if (!parent.have_key) {
    parent.key = std::move(node);
    parent.have_key = true;
    return;
  }
  parent.have_key = false;
  Node key = std::move(parent.key);
  const bool is_merge = key.kind == NodeKind::kScalar && key.style == ScalarStyle::kPlain &&
                        key.tag == NodeTag::kNone && key.text == "<<";
  if (is_merge || key.tag == NodeTag::kMerge) {
    // Duplicate `<<` keys are duplicates like any other.
    if (!parent.merge_spans.empty()) {
      const ir::LineCol first = sm_.Position(parent.merge_spans.front());
      ConstructError(key.span, fmt::format("line {}: mapping key \"<<\" already defined at line {}",
                                           sm_.Position(key.span).line, first.line));
      return;
    }
    parent.merge_spans.push_back(key.span);
    if (node.kind == NodeKind::kMapping) {
      parent.merges.push_back(std::move(node));
    } else if (node.kind == NodeKind::kSequence) {
      for (Node& item : node.items) {
        if (item.kind != NodeKind::kMapping) {
          ConstructError(
              item.span,
              fmt::format("go-yaml load error in constructor at {}: map merge requires map "
                          "or sequence of maps as the value",
                          Location(item.span)));
          return;
        }
        parent.merges.push_back(std::move(item));
      }
    } else {
      ConstructError(
          node.span,
          fmt::format("go-yaml load error in constructor at {}: map merge requires map or "
                      "sequence of maps as the value",
                      Location(node.span)));
    }
    return;
  }
  if (key.kind != NodeKind::kScalar) {
    Fail(key.span, "mapping keys must be strings: found a collection used as a key");
    return;
  }
  if (key.type != ScalarType::kString) {
    std::string shown = key.type == ScalarType::kNull ? "<nil>" : key.GoString();
    const std::string path = PathOfTop();
    NonStringKey(key.span, fmt::format("non-string key {}: {}",
                                       path.empty() ? "at top level" : "in " + path, shown));
    return;
  }
  constexpr size_t kIndexFrom = 16;
  if (parent.node.entries.size() >= kIndexFrom && parent.index.empty()) {
    for (size_t i = 0; i < parent.node.entries.size(); ++i) {
      parent.index.emplace(parent.node.entries[i].key.str(), i);
    }
  }
  const MapEntry* duplicate = nullptr;
  if (!parent.index.empty()) {
    if (auto it = parent.index.find(key.text.view()); it != parent.index.end()) {
      duplicate = &parent.node.entries[it->second];
    }
  } else {
    for (const MapEntry& e : parent.node.entries) {
      if (e.key == key.text) duplicate = &e;
    }
  }
  if (duplicate) {
    const ir::LineCol first = sm_.Position(duplicate->key_span);
    ConstructError(key.span, fmt::format("line {}: mapping key \"{}\" already defined at line {}",
                                         sm_.Position(key.span).line, key.text, first.line));
    return;
  }
  if (!parent.index.empty()) parent.index.emplace(key.text.str(), parent.node.entries.size());
  parent.node.entries.push_back(MapEntry{std::move(key.text), key.span, std::move(node)});
}

void TreeBuilder::FinishMapping(Frame& f) {
  if (f.merges.empty()) return;
  // Local keys win; among the merged maps, the first one that has a key wins.
  std::unordered_set<std::string> seen;
  for (const MapEntry& e : f.node.entries) seen.insert(e.key.str());
  for (Node& m : f.merges) {
    for (MapEntry& e : m.entries) {
      if (seen.insert(e.key.str()).second) f.node.entries.push_back(std::move(e));
    }
  }
}

std::vector<Node> TreeBuilder::Run(std::vector<ir::Span>* scalar_spans) {
  std::vector<Node> docs;
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    Fail({file_, 0, 0}, "cannot initialise the YAML parser");
    return docs;
  }
  const std::string_view text = sm_.text(file_);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  bool done = false;
  while (!done && !failed_) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      const yaml_mark_t& m = parser.problem_mark;
      ir::Span span{file_, marks_.Byte(m.index), marks_.Byte(m.index)};
      if (parser.error == YAML_READER_ERROR) {
        // Reader errors carry a byte offset instead of a mark.
        const uint32_t at = static_cast<uint32_t>(parser.problem_offset);
        span = ir::Span{file_, at, at};
      }
      Fail(span, LibyamlMessage(parser));
      break;
    }
    const ir::Span span = SpanOf(event.start_mark, event.end_mark);
    switch (event.type) {
      case YAML_STREAM_END_EVENT:
        done = true;
        break;
      case YAML_DOCUMENT_START_EVENT:
        document_.reset();
        document_line_ = static_cast<uint32_t>(event.start_mark.line) + 1;
        anchors_.clear();
        alias_budget_used_ = 0;
        break;
      case YAML_DOCUMENT_END_EVENT:
        if (document_) docs.push_back(std::move(*document_));
        document_.reset();
        break;
      case YAML_SCALAR_EVENT: {
        Node n;
        n.kind = NodeKind::kScalar;
        n.text.assign(std::string_view(reinterpret_cast<const char*>(event.data.scalar.value),
                                       event.data.scalar.length));
        n.span = span;
        const std::string_view tag =
            event.data.scalar.tag ? reinterpret_cast<const char*>(event.data.scalar.tag) : "";
        n.tag = TagOf(tag);
        switch (event.data.scalar.style) {
          case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            n.style = ScalarStyle::kSingleQuoted;
            break;
          case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            n.style = ScalarStyle::kDoubleQuoted;
            break;
          case YAML_LITERAL_SCALAR_STYLE:
            n.style = ScalarStyle::kLiteral;
            break;
          case YAML_FOLDED_SCALAR_STYLE:
            n.style = ScalarStyle::kFolded;
            break;
          default:
            n.style = ScalarStyle::kPlain;
        }
        if (tag.empty()) {
          n.type = n.style == ScalarStyle::kPlain ? ResolvePlain(n.text) : ScalarType::kString;
        } else if (tag == "tag:yaml.org,2002:str") {
          n.type = ScalarType::kString;
        } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
                   tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
          n.type = ResolvePlain(n.text);
        } else {
          // !reset, !override and other local tags: go-yaml keeps the text as a string.
          n.type = ScalarType::kString;
        }
        if (scalar_spans) scalar_spans->push_back(span);
        std::string anchor =
            event.data.scalar.anchor ? reinterpret_cast<const char*>(event.data.scalar.anchor) : "";
        Attach(std::move(n), anchor);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (stack_.size() >= options_.max_depth) {
          Fail(span, fmt::format("go-yaml load error in parser at {}: exceeded max depth of {}",
                                 Location(span), options_.max_depth));
          break;
        }
        Frame f;
        const bool seq = event.type == YAML_SEQUENCE_START_EVENT;
        f.node.kind = seq ? NodeKind::kSequence : NodeKind::kMapping;
        f.node.span = span;
        const yaml_char_t* tag = seq ? event.data.sequence_start.tag : event.data.mapping_start.tag;
        const yaml_char_t* anchor =
            seq ? event.data.sequence_start.anchor : event.data.mapping_start.anchor;
        if (tag) f.node.tag = TagOf(reinterpret_cast<const char*>(tag));
        if (anchor) f.anchor = reinterpret_cast<const char*>(anchor);
        stack_.push_back(std::move(f));
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        if (stack_.empty()) break;
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        f.node.span.end = span.end;
        if (f.node.kind == NodeKind::kMapping) FinishMapping(f);
        Attach(std::move(f.node), f.anchor);
        break;
      }
      case YAML_ALIAS_EVENT: {
        const std::string name = reinterpret_cast<const char*>(event.data.alias.anchor);
        auto it = anchors_.find(name);
        if (it == anchors_.end()) {
          Fail(span,
               fmt::format("go-yaml load error in composer at {}: unknown anchor '{}' referenced",
                           Location(span), name));
          break;
        }
        alias_budget_used_ += it->second.second;
        if (alias_budget_used_ > options_.max_alias_nodes) {
          ConstructError(span, "document contains excessive aliasing");
          break;
        }
        if (aliased_ != nullptr) aliased_->push_back(it->second.first.span);
        Attach(it->second.first, "");
        break;
      }
      default:
        break;
    }
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return docs;
}

// Finds comments: a '#' at the start of a line or after white space, outside every scalar.
void FindComments(std::string_view text, ir::FileId file, const std::vector<ir::Span>& scalars,
                  std::vector<Comment>* out) {
  size_t next_scalar = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    while (next_scalar < scalars.size() && scalars[next_scalar].end <= i) ++next_scalar;
    if (next_scalar < scalars.size() && scalars[next_scalar].begin <= i) {
      i = scalars[next_scalar].end - 1;
      continue;
    }
    if (text[i] != '#') continue;
    if (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '\n') continue;
    uint32_t end = i;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    out->push_back(Comment{ir::Span{file, i, end}});
    i = end;
  }
}

}  // namespace

std::vector<Node> ParseYaml(const ir::SourceManager& sm, ir::FileId file, ir::DiagnosticSink& sink,
                            const YamlOptions& options, std::vector<Comment>* comments,
                            std::vector<ir::Span>* aliased) {
  TreeBuilder builder(sm, file, sink, options);
  builder.set_aliased(aliased);
  std::vector<ir::Span> scalar_spans;
  std::vector<Node> docs = builder.Run(comments ? &scalar_spans : nullptr);
  if (comments) FindComments(sm.text(file), file, scalar_spans, comments);
  return docs;
}

}  // namespace stackc::frontend
