// The .env parser: `.env`, `--env-file`, `env_file:` and `label_file:` files, as compose-go v2.14.0
// reads them (dotenv/parser.go), and `format: raw` env files as Docker Compose reads them
// (docker/cli's kvfile).
//
// Syntax: `#` comment lines; an optional `export ` prefix; `KEY=value` or `KEY: value`; keys of
// letters, digits and `_ . - [ ]`; a bare `KEY` takes its value from the lookup (and is skipped
// when unset there); unquoted values run to the end of the line, lose a ` #` comment and trailing
// spaces, and are interpolated; `'...'` is literal (multi-line, `\'` escapes the quote); `"..."` is
// multi-line, understands `\n \t \r \a \b \f \v \\ \" \$ \0NNN` and is interpolated. Interpolation
// resolves a variable from the lookup first, then from the keys already read. A UTF-8 BOM is
// skipped. Errors carry compose-go's text (`line 3: unterminated quoted value "abc`). In raw format
// every `KEY=value` line is taken verbatim.
//
// Example:
//   FileId f = sm.Add("/p/.env", "export A=1\nB=\"${A}-x\" # note\nC\n");
//   Environment os({{"C", "from-os"}});
//   std::vector<DotenvEntry> entries;
//   ParseDotenv(sm, f, os.AsLookup(), /*raw=*/false, &entries, sink);
//   // entries: A=1, B=1-x, C=from-os (each with the spans of its key and value)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/environment.h"
#include "frontend/interpolation.h"
#include "ir/diagnostic.h"
#include "ir/source.h"

namespace stackc::frontend {

// LOAD064: a .env file that cannot be read (`failed to read <path>: line 2: key cannot contain a
// space`).
inline constexpr const char* kDotenvErrorCode = "LOAD064";

struct DotenvEntry {
  std::string key;
  std::string value;
  ir::Span key_span;
  ir::Span value_span;  // the value as written, quotes included; for a bare KEY, the key
};

struct DotenvOptions {
  bool raw =
      false;  // `format: raw`: docker/cli's parser, values verbatim, no quotes, no interpolation
  // Consulted after the lookup and the keys already read (compose-go's shared vars map: earlier env
  // files, or a service's environment).
  EnvLookup fallback;
  // Whether a bare KEY also looks at the keys already read and the fallback (dotenv.GetEnvFromFile,
  // used for
  // `.env` and --env-file, passes such a lookup; env_file does not).
  bool bare_keys_see_read_values = false;
  // Where "variable is not set" warnings go; when null they are reported to the sink (ParseDotenv
  // only).
  InterpolationWarnings* warnings = nullptr;
};

struct DotenvResult {
  // Each key once, where it first appears, with its last value and the spans of that last
  // definition.
  std::vector<DotenvEntry> entries;
  std::optional<std::string>
      error;  // compose-go's parser error, not wrapped; entries are then partial
  ir::Span error_span;
  std::vector<InterpolationWarning> warnings;  // in order, repeats kept
};

// Parses file `file` of `sm`. Never reports; the result carries the error.
DotenvResult ReadDotenv(const ir::SourceManager& sm, ir::FileId file, const EnvLookup& lookup,
                        const DotenvOptions& options = {});

// Parses file `file` into *out (replacing its content). On failure reports compose-go's wrapped
// message
// (`failed to read <path>: <error>`; raw: `failed to parse env_file <path>: <error>`) and returns
// false.
bool ParseDotenv(const ir::SourceManager& sm, ir::FileId file, const EnvLookup& lookup,
                 const DotenvOptions& options, std::vector<DotenvEntry>* out,
                 ir::DiagnosticSink& sink);
inline bool ParseDotenv(const ir::SourceManager& sm, ir::FileId file, const EnvLookup& lookup,
                        bool raw, std::vector<DotenvEntry>* out, ir::DiagnosticSink& sink) {
  DotenvOptions options;
  options.raw = raw;
  return ParseDotenv(sm, file, lookup, options, out, sink);
}

}  // namespace stackc::frontend
