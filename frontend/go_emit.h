// Byte-exact emulation of the two Go encoders behind `docker compose config`: go.yaml.in/yaml/v4
// v4.0.0-rc.6 (compose-go's Project.MarshalYAML: yaml.NewEncoder + SetIndent(2), so v3 defaults
// with a 2-space indent, 80 column folding and the legacy quoting rules) and encoding/json's
// MarshalIndent(v, "", "  ").
//
// The input is an output tree of Nodes whose mappings are already in print order (struct field
// order, or the encoder's sorted key order for Go maps; see corpus/frontend/emit/ for the vectors
// this is checked against). Scalars print as the Go value they stand for: kString as a Go string
// (quoted, escaped, folded or written as a literal block exactly when go-yaml would; invalid UTF-8
// becomes `!!binary` base64), kInt as a Go int (its text is the decimal digits), kFloat as a
// float64 (its text is any Go/YAML float spelling: `0.5`, `1e+06`, `.inf`), kBool and kNull as Go's
// true/false/nil. Tags, styles and spans of the nodes are ignored.
//
// Example:
//   Node root = Node::Map();
//   root.Set("ports", Node::Seq()).items.push_back(Node::String("8080:80"));
//   root.Set("user", Node::String("1000"));
//   EmitGoYaml(root);  // "ports:\n  - 8080:80\nuser: \"1000\"\n"
//   EmitGoJson(root);  // "{\n  \"ports\": [\n    \"8080:80\"\n  ],\n  \"user\": \"1000\"\n}"
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "frontend/yaml_tree.h"

namespace stackc::frontend {

// The YAML document go-yaml's Encoder writes for `root` (one document, no `---`, ends with a line
// break).
std::string EmitGoYaml(const Node& root);

// json.MarshalIndent(root, "", "  "): no trailing line break. encoding/json refuses NaN and
// infinities; this variant then returns false and sets *error to Go's message ("json: unsupported
// value: +Inf").
bool EmitGoJson(const Node& root, std::string* out, std::string* error);
// As above; a refused value yields an empty string.
std::string EmitGoJson(const Node& root);

// Writes one document piece by piece, so that a large output never exists as one tree: mappings
// are opened and closed around their keys, and each value is a whole subtree or a mapping opened
// in turn. The bytes are those EmitGoYaml / EmitGoJson write for the tree of the same shape (a
// mapping closed without keys prints `{}`).
//
// Example:
//   std::string out;
//   std::unique_ptr<GoWriter> w = MakeGoYamlWriter(&out);
//   w->BeginMapping();
//   w->Key("services");
//   w->BeginMapping();
//   w->Key("web");
//   w->Value(decoded_web);  // then the next service, decoded only now
//   w->EndMapping();
//   w->EndMapping();
//   w->Finish(nullptr);  // out == EmitGoYaml(the whole tree)
class GoWriter {
 public:
  virtual ~GoWriter() = default;
  // Opens a mapping: the document's root, or the value of the last Key.
  virtual void BeginMapping() = 0;
  virtual void Key(std::string_view key) = 0;
  // The document's root, or the value of the last Key. False once a value was refused (JSON: NaN
  // and infinities).
  virtual bool Value(const Node& value) = 0;
  virtual void EndMapping() = 0;
  // Ends the document. When a value was refused, the output is cleared, *error (if given) holds
  // Go's message and the result is false.
  virtual bool Finish(std::string* error) = 0;
};
std::unique_ptr<GoWriter> MakeGoYamlWriter(std::string* out);
std::unique_ptr<GoWriter> MakeGoJsonWriter(std::string* out);

// Go's strconv.FormatFloat(v, 'g', -1, 64) with go-yaml's spellings of the non-finite values (.inf,
// -.inf, .nan): how a float64 field prints in YAML (1e+06, 0.5, 1e-05).
std::string GoYamlFloat(double v);
// How encoding/json prints a finite float64: 'f' format, or 'e' with a 1-digit negative exponent
// outside [1e-6, 1e21) (1000000, 1e+21, 1e-7).
std::string GoJsonFloat(double v);

// Whether go-yaml reads back the plain scalar `text` as a string (not
// null/bool/int/float/timestamp/merge); the encoder quotes Go strings for which this is false.
bool GoYamlResolvesToString(std::string_view text);

}  // namespace stackc::frontend
