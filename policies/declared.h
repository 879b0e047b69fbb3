// Declared policies: the segmentation the user intends, from the compose file's `x-stackc` block.
//
//   x-stackc:
//     policies:
//       reachability:
//         - deny: {from: web, to: db}                     # no direct path
//         - deny: {from: web, to: db, transitive: true}   # nor any chain of services
//       egress:
//         allow: [web, app]                               # nobody else reaches the internet
//
// `from` and `to` take a service or a list of them. Parsing reports what it cannot read (an
// unknown key, a service the project does not define) as findings of POL000, at the entry.
//
// Example:
//   std::vector<ir::Diagnostic> problems;
//   const DeclaredPolicies p = ParseDeclaredPolicies(project, &problems);
//   p.denies[0].from  // {"web"}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/project.h"

namespace stackc::policies {

struct DenyPolicy {
  std::vector<std::string> from;
  std::vector<std::string> to;
  bool transitive = false;
  ir::Span span;  // the entry
};

struct EgressPolicy {
  std::vector<std::string> allow;
  ir::Span span;  // the `egress` block
};

struct DeclaredPolicies {
  std::vector<DenyPolicy> denies;
  std::optional<EgressPolicy> egress;
};

DeclaredPolicies ParseDeclaredPolicies(const ir::Project& project,
                                       std::vector<ir::Diagnostic>* problems);

}  // namespace stackc::policies
