// Validation of a Compose model against the Compose JSON schema, read as data.
//
// The schema is compose-go v2.14.0's `schema/compose-spec.json`, embedded at build time (frontend/
// schema_embed.cmake). A SchemaValidator compiles it (refs resolved, regular expressions
// compiled; the build does this once and bakes the result in, see Serialize) and then validates
// YAML node trees as compose-go does after each file: santhosh-tekuri/jsonschema's draft 2020-12
// semantics on the JSON the model would marshal to (ints and floats are both JSON numbers,
// `pattern`s are unanchored RE2 expressions, `format` is an annotation only), with compose-go's
// wording for the errors.
//
// compose-go reports one error, the "most specific" one (the deepest instance location, an unknown
// key counting one deeper). We report that one first, with the same text, then the other
// independent errors (one per failed `oneOf`/`anyOf`, each reduced the same way) in document order.
// Unknown keys and enum values get a "did you mean" note when a known name is a plausible typo.
//
// Example:
//   std::string error;
//   std::unique_ptr<SchemaValidator> v = SchemaValidator::ComposeSpec(&error);
//   // model: services: {web: {image: nginx, imgae: x}}
//   v->Validate(model, sink, {.message_prefix = "validating /p/compose.yaml: "});
//   // sink: LOAD020 "validating /p/compose.yaml: services.web additional properties 'imgae' not
//   allowed"
//   //       with the note "did you mean 'image'" at the key `imgae`
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"

namespace stackc::frontend {

// A key the schema does not allow (`additional properties 'x' not allowed`).
inline constexpr const char* kSchemaUnknownKeyCode = "LOAD020";
// Any other schema violation: wrong type, enum, pattern, missing key, range, duplicate items.
inline constexpr const char* kSchemaErrorCode = "LOAD021";

// compose-go v2.14.0's schema/compose-spec.json, as embedded at build time.
std::string_view ComposeSpecJson();
// That schema compiled (SchemaValidator::Serialize), as baked in at build time.
std::string_view ComposeSpecCompiled();

// One schema violation.
struct SchemaError {
  std::string path;  // the instance location joined with '.', "" at the root ("services.web.image")
  std::string message;  // compose-go's text: path, a space, the reason ("services.web.image must be
                        // a string")
  ir::Span span;        // the offending value, or the first unknown key
  bool unknown_key = false;
  std::vector<ir::Note> notes;  // "did you mean 'image'"
};

struct SchemaValidateOptions {
  std::string message_prefix;  // prepended to every message, e.g. "validating /p/compose.yaml: "
  size_t max_errors = 100;     // the most errors reported per Validate call
};

class SchemaValidator {
 public:
  // Compiles a JSON schema (the subset of draft 2020-12 the Compose schema uses; a keyword that
  // would change the outcome and is not supported is an error). Returns null and sets *error when
  // the schema is invalid.
  static std::unique_ptr<SchemaValidator> Compile(std::string_view schema_json, std::string* error);
  // The embedded Compose schema, as compiled at build time (ComposeSpecCompiled()).
  static std::unique_ptr<SchemaValidator> ComposeSpec(std::string* error);

  // The compiled schema as bytes, and back: the build compiles the Compose schema once and embeds
  // these bytes (frontend/schema_bake.cc), so that start-up reads them instead of parsing and
  // compiling the JSON. Deserialize returns null and sets *error when the bytes are malformed.
  std::string Serialize() const;
  static std::unique_ptr<SchemaValidator> Deserialize(std::string_view bytes, std::string* error);

  ~SchemaValidator();
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  // The violations of `doc`: first the one compose-go reports, then the other independent ones in
  // document order. Empty when `doc` is valid.
  std::vector<SchemaError> Check(const Node& doc, size_t max_errors = 100) const;
  // Whether `doc` is valid (no error objects are built).
  bool IsValid(const Node& doc) const;
  // Reports Check()'s errors into `sink` (kSchemaUnknownKeyCode / kSchemaErrorCode); true when
  // there are none.
  bool Validate(const Node& doc, ir::DiagnosticSink& sink,
                const SchemaValidateOptions& options = {}) const;

 private:
  struct Impl;
  explicit SchemaValidator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The embedded Compose schema, read by the first load that validates and then kept for the other
// loads of the process. Reading it costs half a million instructions, a third of linting a small
// file: a command that loads many projects (`stackc lint a.yaml b.yaml ...`) hands each request
// the same SharedSchema (LoadRequest::schema). Safe to share between threads.
//
// Example:
//   auto schema = std::make_shared<const SharedSchema>();
//   for (LoadRequest& req : requests) req.schema = schema;
class SharedSchema {
 public:
  // The embedded schema, read on the first Get.
  SharedSchema() = default;
  // `schema` instead (a test's own).
  explicit SharedSchema(std::unique_ptr<SchemaValidator> schema);
  ~SharedSchema();
  SharedSchema(const SharedSchema&) = delete;
  SharedSchema& operator=(const SharedSchema&) = delete;

  // The schema, or null with *error set when the embedded bytes do not read (a broken build).
  const SchemaValidator* Get(std::string* error) const;

 private:
  mutable std::once_flag once_;
  mutable std::unique_ptr<SchemaValidator> schema_;  // set once, by the first Get
  mutable std::string error_;
};

}  // namespace stackc::frontend
