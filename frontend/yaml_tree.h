// The YAML node tree every other part of the frontend works on.
//
// libyaml's events become a tree of Nodes that keep byte spans, the scalar style (plain or quoted),
// explicit tags
// (`!reset`, `!override`) and go-yaml's typing of plain scalars (`0440` is the octal int 288, `yes`
// stays a string, `22:22` stays a string). Aliases are expanded under a budget; `<<` merge keys are
// applied; duplicate keys and non-string keys are errors; comments are recorded with their spans.
//
// Example:
//   ir::SourceManager sm;
//   ir::DiagnosticSink sink;
//   FileId f = sm.Add("compose.yaml", "services:\n  web:\n    image: nginx\n");
//   std::vector<Node> docs = ParseYaml(sm, f, sink, {});
//   const Node* image = docs[0].Find("services")->Find("web")->Find("image");
//   // image->text == "nginx", image->type == ScalarType::kString, sm.Text(image->span) == "nginx"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/compact_string.h"
#include "ir/diagnostic.h"
#include "ir/source.h"
#include "ir/thin_vector.h"

namespace stackc::frontend {

enum class NodeKind : uint8_t { kScalar, kSequence, kMapping };
enum class ScalarStyle : uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };
// What a scalar means, as go-yaml (and so compose-go) resolves it.
enum class ScalarType : uint8_t { kNull, kBool, kInt, kFloat, kString };

// The explicit tag of a node, as far as the loader cares: Compose's `!reset` and `!override`, the
// merge key's `!!merge`, or some other tag (a typed `!!str` or `!!int` has already decided the
// scalar's type). One byte instead of a string in every node of every tree.
enum class NodeTag : uint8_t { kNone, kReset, kOverride, kMerge, kOther };

struct MapEntry;

struct Node {
  NodeKind kind = NodeKind::kScalar;
  ScalarType type = ScalarType::kNull;
  ScalarStyle style = ScalarStyle::kPlain;
  NodeTag tag = NodeTag::kNone;
  // The span next to the one-byte fields, so that they share one 16-byte slot; with the one-pointer
  // child lists and the 16-byte string a node is 48 bytes.
  ir::Span span;  // the whole node (for an alias: the anchored node)
  // Scalar content after YAML unescaping; for kInt/kFloat/kBool the text as written.
  ir::CompactString text;
  ir::ThinVector<Node> items;        // kSequence
  ir::ThinVector<MapEntry> entries;  // kMapping, in document order, merge keys applied

  bool is_scalar() const { return kind == NodeKind::kScalar; }
  bool is_null() const { return kind == NodeKind::kScalar && type == ScalarType::kNull; }
  bool is_string() const { return kind == NodeKind::kScalar && type == ScalarType::kString; }
  bool is_map() const { return kind == NodeKind::kMapping; }
  bool is_seq() const { return kind == NodeKind::kSequence; }

  const Node* Find(std::string_view key) const;
  Node* Find(std::string_view key);
  const MapEntry* FindEntry(std::string_view key) const;
  MapEntry* FindEntry(std::string_view key);
  // Sets key to value, replacing an existing entry in place or appending a new one.
  Node& Set(std::string_view key, Node value);
  bool Erase(std::string_view key);

  // Typed views of a scalar (go-yaml semantics); nullopt when the scalar is not of that type.
  std::optional<int64_t> AsInt() const;
  std::optional<double> AsFloat() const;  // ints convert too
  std::optional<bool> AsBool() const;
  // Whether go-yaml decodes the scalar into a time.Time: a plain, untagged string of a timestamp's
  // shape (`2024-01-05`, go_time.h). Strings the loader makes (Node::String), interpolated ones
  // and ones that carried a tag (`!override 2024-01-05`) never are.
  bool IsTimestamp() const;
  // The scalar as text, as compose-go reads it where it wants a string: Go's fmt.Sprint of the
  // decoded value, 0440 -> "288", 1.0 -> "1", true -> "true", 1000000.0 -> "1e+06", except that a
  // date stays as written (compose-go rejects a time there; stackc keeps the text).
  std::string GoString() const;
  // fmt.Sprint of the decoded value, a time included: what compose-go sets for a label, variable,
  // sysctl, annotation or option, 2024-01-05 -> "2024-01-05 00:00:00 +0000 UTC".
  std::string SprintValue() const;

  static Node String(std::string_view s, ir::Span span = {});
  static Node Int(int64_t v, ir::Span span = {});
  static Node Bool(bool v, ir::Span span = {});
  static Node Null(ir::Span span = {});
  static Node Map(ir::Span span = {});
  static Node Seq(ir::Span span = {});
};

// A node as Go's fmt.Sprint prints what go-yaml decoded into an interface{}: scalars as GoString,
// `[a b]` for a sequence, `map[k:v ...]` with sorted keys for a mapping.
std::string GoSprint(const Node& n);

struct MapEntry {
  ir::CompactString key;
  ir::Span key_span;
  Node value;
};

struct Comment {
  ir::Span span;  // from '#' to the end of the line
};

struct YamlOptions {
  // Alias expansion budget: the number of nodes that aliases may copy in one document (a
  // billion-laughs guard).
  size_t max_alias_nodes = 1'000'000;
  // Deepest nesting of collections accepted.
  size_t max_depth = 256;
};

// Parses every document of file `file`. Errors go to `sink` with their location; the result then
// holds the documents parsed before the error. An empty file yields no documents. `comments`
// receives the comments; `aliased` the spans of anchored nodes that an alias (or a `<<` merge)
// copies, once per use.
std::vector<Node> ParseYaml(const ir::SourceManager& sm, ir::FileId file, ir::DiagnosticSink& sink,
                            const YamlOptions& options, std::vector<Comment>* comments = nullptr,
                            std::vector<ir::Span>* aliased = nullptr);

// go-yaml's resolution of a plain scalar's text.
ScalarType ResolvePlain(std::string_view text);

// Whether a YAML text can give a node an explicit tag (`!reset`, `!!str`, `!<verbatim>`): every
// tag is written starting with '!', so a text without one has none, and the loader need not walk
// the tree looking for them. One pass over the bytes, where the walk visits every node.
inline bool MayHaveTags(std::string_view yaml_text) {
  return yaml_text.find('!') != std::string_view::npos;
}

// Whether `n` or a node under it carries a tag.
bool HasTags(const Node& n);

}  // namespace stackc::frontend
