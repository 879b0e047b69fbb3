// Spanned values and the generic value tree of the IR.
//
// Every value of the IR keeps the Span it was read from: `Spanned<T>` pairs a typed value with its
// span. An invalid span (file kNoFile) marks a value the loader supplied (a default, an implicit
// network). `Value` is a generic tree for what the IR does not type: `x-*` extensions and each
// service's whole canonical form (`Service::raw`), so no key of the user's file is ever lost.
//
// Example:
//   Spanned<std::string> image{"nginx", span};
//   if (const Value* size = svc.raw.Find("shm_size")) use(size->text, size->span);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ir/compact_string.h"
#include "ir/source.h"
#include "ir/thin_vector.h"

namespace stackc::ir {

template <typename T>
struct Spanned {
  T value{};
  Span span;

  friend bool operator==(const Spanned& a, const Spanned& b) { return a.value == b.value; }
};

struct ValueEntry;

struct Value {
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kList, kMap };
  Kind kind = Kind::kNull;
  Span span;                // next to the kind, in one 16-byte slot: a value is 48 bytes
  CompactString text;       // a scalar as written (after interpolation); "true"/"false" for kBool
  ThinVector<Value> items;  // kList
  ThinVector<ValueEntry> entries;  // kMap, in canonical order

  bool is_null() const { return kind == Kind::kNull; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_list() const { return kind == Kind::kList; }
  // The value under `key` of a map; nullptr when absent or not a map.
  const Value* Find(std::string_view key) const;
};

struct ValueEntry {
  CompactString key;
  Value value;
};

static_assert(sizeof(Value) <= 48, "a value is 48 bytes: keep the span next to the kind");

// A key with an optional value: an environment variable without `=value` has none.
struct KeyValue {
  std::string key;
  std::optional<std::string> value;
  Span span;  // the key in a mapping; the whole `KEY=value` item in a list
  // The value's own bytes in a mapping (`KEY: value`, quotes and block scalar indicator included,
  // every line of a multi-line value) or an env file; invalid, or equal to `span`, when the
  // value is not written apart from the key (a list item, a bare KEY).
  Span value_span;
};

}  // namespace stackc::ir
