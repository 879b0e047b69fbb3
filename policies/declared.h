// Declared policies: the segmentation the user intends, from the compose file's `x-stackc` block
// and from the `policies` block of `.stackc.yaml` (both apply).
//
//   x-stackc:
//     policies:
//       reachability:
//         - deny: {from: web, to: db}                     # no direct path
//         - deny: {from: web, to: db, transitive: true}   # nor any chain of services
//         - only: {to: db, from: [app]}                   # nobody but app reaches db
//       egress:
//         allow: [web, app]                               # nobody else reaches the internet
//       publish:
//         allow: [web]                                    # nobody else publishes a port
//         bind: [127.0.0.1]                               # and only on these host addresses
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

struct OnlyPolicy {
  std::vector<std::string> to;
  std::vector<std::string> from;  // the services allowed to reach `to`
  ir::Span span;
};

struct PublishPolicy {
  std::optional<std::vector<std::string>> allow;  // nullopt: any service may publish
  std::vector<std::string> bind;                  // empty: any host address
  ir::Span span;                                  // the `publish` block
};

struct EgressPolicy {
  std::vector<std::string> allow;
  ir::Span span;  // the `egress` block
};

struct DeclaredPolicies {
  std::vector<DenyPolicy> denies;
  std::vector<OnlyPolicy> onlies;
  std::optional<EgressPolicy> egress;
  std::optional<PublishPolicy> publish;
};

// `config_policies` is the `policies` block of `.stackc.yaml`, or nullptr.
DeclaredPolicies ParseDeclaredPolicies(const ir::Project& project, const ir::Value* config_policies,
                                       std::vector<ir::Diagnostic>* problems);

}  // namespace stackc::policies
