// The model printer: what `docker compose config` prints for a loaded project.
//
// compose-go decodes its canonical model into Go structs (types.Project) and marshals those with
// go-yaml or encoding/json. The printer does both steps at once on our node tree: it walks the
// model along the shape of types.Project (compose_types.inc, generated from compose-go), converts
// each value the way the Go decoders do (durations, byte sizes, file modes, shell-split commands,
// key=value lists...), orders struct fields as Go declares them, sorts map keys as each encoder
// sorts them and drops what `omitempty` drops. The result is a tree of typed scalars that
// EmitGoYaml / EmitGoJson print byte for byte.
//
// Example:
//   ModelPrinter printer;
//   std::string yaml = printer.Yaml(model);   // "name: demo\nservices:\n  web:\n    image:
//   nginx\n..."
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/yaml_tree.h"

namespace stackc::frontend {

enum class OutputFormat { kYaml, kJson };

class ModelPrinter {
 public:
  ModelPrinter();
  ~ModelPrinter();
  ModelPrinter(const ModelPrinter&) = delete;
  ModelPrinter& operator=(const ModelPrinter&) = delete;

  // The output tree for `model` (a loaded, canonical compose model with `name` set).
  Node OutputTree(const Node& model, OutputFormat format) const;
  // Writes to *out what EmitGoYaml / EmitGoJson print for OutputTree(model, format), without
  // building that tree: each service, network, volume... is decoded, written and dropped in turn,
  // so that a large project's output costs the memory of one service. False when encoding/json
  // refuses a value (NaN, infinities): *out is then empty and *error (if given) holds Go's message.
  //
  // With a drain, YAML output is handed over as it is written: whenever *out holds kDrainBytes or
  // more between two entries of a streamed map, drain(*out) is called and *out is cleared, so a
  // large project never holds its whole output (and what is written stays in the cache). JSON is
  // never drained, since encoding/json may still refuse a later value.
  using Drain = std::function<void(std::string_view written)>;
  static constexpr size_t kDrainBytes = size_t{64} << 10;
  bool Print(const Node& model, OutputFormat format, std::string* out, std::string* error = nullptr,
             const Drain& drain = {}) const;
  std::string Yaml(const Node& model) const;
  std::string Json(const Node& model) const;

  // The model as a generic map (keys sorted as each encoder sorts them), which is what
  // `docker compose config --no-interpolate` prints: the loaded dict, never decoded into types.
  std::string GenericYaml(const Node& model) const;
  std::string GenericJson(const Node& model) const;
  // The tree GenericYaml / GenericJson print.
  Node GenericTree(const Node& model, OutputFormat format) const;

  // Decodes one value as the named Go type ("ServiceConfig", "[]string", "Duration"...): used by
  // tests and by `config --hash`.
  Node DecodeAs(const Node& value, std::string_view go_type, OutputFormat format) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// go-yaml's order of map keys: numbers inside keys compare by value ("a2" < "a10").
bool GoYamlKeyLess(std::string_view a, std::string_view b);

}  // namespace stackc::frontend
