// Where a key's value is written: the bytes of `value` in `KEY: value`, `- KEY=value` or an env
// file's `KEY=value` line, so that a finding about the value (a literal secret, an unquoted date)
// points at it and masking covers exactly it.
//
// Example (environment: ["DB_PASSWORD=example"]):
//   sm.Text(ValueSpan(sm, service.environment[0]))  // "example"
#pragma once

#include "ir/source.h"
#include "ir/value.h"

namespace stackc::passes {

// The span of a `KEY=value` list item's value, or of the value after `KEY:` in a mapping; the
// entry's own span when neither is found.
ir::Span ValueSpan(const ir::SourceManager& sm, const ir::KeyValue& kv);

}  // namespace stackc::passes
