// A hash index over the keys of one YAML mapping, for lookups in loops over large maps.
//
// Node::Find is a linear scan, which is right for the handful of keys of a service but makes a
// loop over 2,000 services that looks up each dependency quadratic. Build a KeyIndex once, before
// the loop, and look names up in it. The index points into the mapping: it is valid while the
// mapping's entries are neither added, removed nor moved.
//
// Example:
//   const KeyIndex services(*model.Find("services"));
//   if (const MapEntry* db = services.Find("db")) { ... }
#pragma once

#include <string_view>
#include <unordered_map>

#include "frontend/yaml_tree.h"

namespace stackc::frontend {

class KeyIndex {
 public:
  KeyIndex() = default;
  // Indexes `map` (a null pointer or a non-mapping gives an empty index). The first entry wins
  // when a key repeats, as Node::Find does.
  explicit KeyIndex(const Node* map) {
    if (map == nullptr || !map->is_map()) return;
    index_.reserve(map->entries.size());
    for (const MapEntry& e : map->entries) index_.emplace(e.key, &e);
  }
  explicit KeyIndex(const Node& map) : KeyIndex(&map) {}

  const MapEntry* Find(std::string_view key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : it->second;
  }
  bool Contains(std::string_view key) const { return index_.count(key) != 0; }

 private:
  std::unordered_map<std::string_view, const MapEntry*> index_;
};

}  // namespace stackc::frontend
