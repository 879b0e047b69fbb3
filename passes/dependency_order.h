// The dependency graph of a project's services: start waves, a cycle with its path, and the
// depends_on entries that name no enabled service.
//
// Edges come from depends_on, which the loader has already completed with the implicit
// dependencies (links, network_mode: service:x, volumes_from). A service starts in the wave after
// the last of its dependencies; `down` walks the waves backwards. Everything is sorted by name, so
// the result is the same on every run.
//
// Example (web depends_on app, app depends_on db):
//   const DependencyOrder order = ComputeDependencyOrder(project);
//   order.waves   // {{"db"}, {"app"}, {"web"}}
//   order.cycle   // empty; for a -> b -> a it would be {"a", "b", "a"}
#pragma once

#include <string>
#include <vector>

#include "ir/project.h"
#include "ir/source.h"

namespace stackc::passes {

struct DependencyProblem {
  enum class Kind {
    kUndefined,  // names no service of the project
    kDisabled,   // names a service set aside by profiles or selection
  };
  Kind kind = Kind::kUndefined;
  std::string service;     // the dependent
  std::string dependency;  // the service it names
  bool required = true;    // `required: false` makes the problem harmless for Compose
  ir::Span span;           // the depends_on entry
};

struct DependencyOrder {
  // Every enabled service exactly once when there is no cycle; each wave sorted by name. Services
  // on or behind a cycle are left out.
  std::vector<std::vector<std::string>> waves;
  // The first cycle met walking services and their dependencies in name order, as compose-go does,
  // closed: {"a", "b", "a"}. Empty when the graph is acyclic.
  std::vector<std::string> cycle;
  ir::Span cycle_span;                      // the depends_on entry that closes the cycle
  std::vector<DependencyProblem> problems;  // sorted by service, then dependency

  // The wave a service starts in; -1 when it is in no wave.
  int WaveOf(std::string_view service) const;
};

DependencyOrder ComputeDependencyOrder(const ir::Project& project);

}  // namespace stackc::passes
