// Interpolation: `${VAR}` forms in compose files and .env values, exactly as compose-go v2.14.0
// resolves them.
//
// Substitute() is compose-go's template engine (template/template.go): `$V`, `${V}`,
// `${V:-d}`/`${V-d}` (default when unset or empty / unset), `${V:?e}`/`${V?e}` (error),
// `${V:+a}`/`${V+a}` (alternate when set and non-empty / set), `$$` for a literal `$`. Defaults,
// alternates and messages are themselves interpolated, lazily; the operator right after the name
// wins (`${U-a?b}` defaults to `a?b`); a braced form closes at its matching brace
// (`${X:-{"a":1}}`). A `$` that starts none of these forms stays (`$1`, `a $ b`); `${` that is not
// a valid braced form is an error. Unset plain references become "" and are reported back as
// warnings.
//
// InterpolateModel() is compose-go's interpolation/interpolation.go with loader/interpolate.go's
// casts: every string scalar of a YAML tree (never a key) is substituted; then strings at the typed
// paths (services.*.deploy.replicas, *.external, services.*.ports.[].target, ...) become ints,
// floats or bools. Errors go to the DiagnosticSink at the scalar, with compose-go's messages,
// sorted as compose-go sorts them:
//   LOAD060  error    `invalid interpolation format for <path>.\nYou may need to escape any $ with
//   another
//                     $.\n<template>` and `error while interpolating <path>: required variable V is
//                     missing a value: <message>`
//   LOAD061  error    `error while interpolating <path>: failed to cast to expected type: <strconv
//   error>` LOAD062  warning  `The "V" variable is not set. Defaulting to a blank string.` LOAD063
//   warning  `"yes" for boolean is not supported by YAML 1.2, please use `true``
// (warnings go to the sink only when the caller does not collect them in an InterpolationWarnings).
//
// Example:
//   Environment env({{"TAG", "1.25"}});
//   std::string out;
//   TemplateError err;
//   Substitute("nginx:${TAG:-latest}", env.AsLookup(), &out, &err);   // true, out == "nginx:1.25"
//   Substitute("${DB:?set DB}", env.AsLookup(), &out, &err);          // false, err.Message() ==
//                                                                     //   "required variable DB is
//                                                                     missing a value: set DB"
//   InterpolateModel(doc, env.AsLookup(), sink);   // services.web.image "nginx:${TAG}" ->
//   "nginx:1.25"
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "frontend/environment.h"
#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"
#include "ir/source.h"

namespace stackc::frontend {

inline constexpr const char* kInterpolationErrorCode = "LOAD060";
inline constexpr const char* kInterpolationCastErrorCode = "LOAD061";
inline constexpr const char* kUnsetVariableWarningCode = "LOAD062";
inline constexpr const char* kYaml11BooleanWarningCode = "LOAD063";

// compose-go's template.InvalidTemplateError or template.MissingRequiredError.
struct TemplateError {
  enum class Kind : uint8_t { kInvalid, kRequired };
  Kind kind = Kind::kInvalid;
  // kInvalid: the template the bad `${` is in; for a form nested in a default, a message or the
  // text after a braced form, that inner text (as compose-go reports it).
  std::string template_text;
  std::string variable;  // kRequired
  std::string reason;    // kRequired: the message after `:?`/`?`, interpolated; may be empty

  // Go's Error(): `Invalid template: "${"` or `required variable V is missing a value[: reason]`.
  std::string Message() const;
};

// Substitutes every `$` form of `text`. On success sets *out and returns true; on failure returns
// false and sets *error to the first error (compose-go's). Each variable found unset by a plain
// `$V`/`${V}` is appended to `unset` (when not null), once per occurrence, in order. Strings
// without '$' are copied unchanged.
bool Substitute(std::string_view text, const EnvLookup& lookup, std::string* out,
                TemplateError* error, std::vector<std::string>* unset = nullptr);

// `The "V" variable is not set. Defaulting to a blank string.`
std::string UnsetVariableWarning(std::string_view name);

// One variable reference, as `docker compose config --variables` lists it (template/variables.go).
struct TemplateVariable {
  std::string name;
  std::string default_value;   // after `:-` or `-`
  std::string presence_value;  // after `:+` or `+`
  bool required = false;       // `:?` or `?`

  friend bool operator==(const TemplateVariable&, const TemplateVariable&) = default;
};

// The references in one string, in compose-go's order (a later entry for the same name wins): for a
// braced form, those after its closing brace, then the form itself, then those inside its default
// or alternate value.
std::vector<TemplateVariable> ExtractVariables(std::string_view text);
// All references in the string scalars of a tree (keys excluded), by name; later occurrences win.
std::map<std::string, TemplateVariable> ExtractVariables(const Node& root);

struct InterpolationWarning {
  ir::Span span;
  std::string message;
};

// Warnings collected across InterpolateModel calls, each message once (the first occurrence's
// span).
class InterpolationWarnings {
 public:
  void Add(ir::Span span, std::string message);
  const std::vector<InterpolationWarning>& items() const { return items_; }

 private:
  std::vector<InterpolationWarning> items_;
  std::unordered_set<std::string> seen_;
};

struct InterpolateOptions {
  bool cast_types = true;  // apply loader/interpolate.go's casts at the typed paths
  // Where warnings go; when null they are reported to the sink (each message once per call).
  InterpolationWarnings* warnings = nullptr;
};

// Interpolates every string scalar of `root` (a mapping: one YAML document of a compose file) in
// place, then casts the typed paths (Node::type and Node::text change; text is then canonical: "3",
// "true", "0.5"). Returns false when an error was reported to `sink`; the tree may then be partly
// interpolated.
bool InterpolateModel(Node& root, const EnvLookup& lookup, ir::DiagnosticSink& sink,
                      const InterpolateOptions& options = {});

// The cast loader/interpolate.go applies at a path (map keys as written; "[]" for a sequence item).
enum class CastKind : uint8_t { kNone, kInt, kInt64, kFloat, kFloat32, kBool };
CastKind CastForPath(const std::vector<std::string_view>& parts);

// Go's strconv.Quote: `"` + the text with Go escapes + `"` (non-printable runes as \u, invalid
// bytes as \x).
std::string GoQuote(std::string_view s);

}  // namespace stackc::frontend
