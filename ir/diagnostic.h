// Diagnostics: what stackc tells the user, located in the source.
//
// A Diagnostic has a stable code ("LOAD001"), a severity, a lowercase message without a trailing
// period, a primary Span and optional notes. Code that finds a problem reports it into a
// DiagnosticSink and carries on where it can, so one run shows several errors; it never throws.
//
// Example:
//   DiagnosticSink sink;
//   sink.Error("LOAD010", span, "services.web.ports must be a list");
//   if (sink.has_errors()) return 2;
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ir/source.h"

namespace stackc::ir {

enum class Severity { kNote, kWarning, kError };

struct Note {
  Span span;
  std::string message;
};

// A change to the source: the bytes of `span` become `replacement` (an empty span inserts).
struct Edit {
  Span span;
  std::string replacement;
};

// A fix for a finding. Safe fixes keep the project's meaning (`stackc lint --fix` applies them);
// unsafe ones change what runs and need `--unsafe-fixes`.
struct Fix {
  std::string title;  // what it does: "remove the obsolete `version` line"
  bool safe = true;
  std::vector<Edit> edits;  // all in the finding's own file, not overlapping
};

struct Diagnostic {
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
  Span span;
  std::vector<Note> notes;
  bool secret = false;      // the span's text is a secret value: code frames show it as '*'
  std::vector<Span> masks;  // other secret values on the span's line, also shown as '*'
  std::optional<Fix> fix;
};

class DiagnosticSink {
 public:
  Diagnostic& Report(Severity severity, std::string code, Span span, std::string message);
  Diagnostic& Error(std::string code, Span span, std::string message) {
    return Report(Severity::kError, std::move(code), span, std::move(message));
  }
  Diagnostic& Warning(std::string code, Span span, std::string message) {
    return Report(Severity::kWarning, std::move(code), span, std::move(message));
  }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t errors_ = 0;
};

// Renders "file:line:col: error: message [CODE]" followed by a code frame with a caret under the
// span.
std::string RenderText(const SourceManager& sm, const Diagnostic& d, bool color);

}  // namespace stackc::ir
