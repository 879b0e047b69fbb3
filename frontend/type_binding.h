// What binding the canonical model to compose-go's types does to it, before the consistency checks.
//
// compose-go's ModelToProject first gathers the `x-` keys of every mapping outside the sections
// whose keys the user names (services, volumes, networks, secrets, configs, depends_on) into the
// mapping's "#extensions" entry (loader.processExtensions), then decodes the model into its types
// (mapstructure). Where such a mapping is a struct, the entry is its extensions and prints as
// before. Where it is a map, the entry becomes one more key:
//   - of text (labels, environment, annotations, sysctls, options, build args, a volume mount's
//     labels, a hook's or a watch's exec environment, ...): its value is the gathered map as Go
//     prints it, `map[x-a:1 x-b:<nil>]`, and it replaces a key the user named "#extensions";
//   - of structs (a service's networks and models, ulimits, the top-level models): an empty one, so
//     `networks: [x-net]` refers to the undefined network "#extensions";
//   - of plain strings (storage_opt, a secret's driver_opts) or host lists (extra_hosts): a
//     decoding error.
// Decoding also rejects a device request's count that is neither "all" nor an int64. Docker Compose
// joins its decoding errors into one message; stackc reports each at its own place, under the same
// first line.
// Docker Compose deploys what this gives (a label "#extensions"), so stackc binds the same way.
//
// Example:
//   // services: {web: {image: x, labels: {x-team: a, tier: b}, networks: [x-net]}}
//   BindService(web, "web", sink);
//   // labels: {tier: b, "#extensions": "map[x-team:a]"}, networks: {"#extensions": {}}
#pragma once

#include <string_view>

#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"

namespace stackc::frontend {

// Binds one service (its canonical, normalised mapping) named `name`; reports decoding errors.
void BindService(Node& service, std::string_view name, ir::DiagnosticSink& sink);

// Binds the top-level networks, volumes, secrets, configs and models of the model.
void BindResources(Node& model, ir::DiagnosticSink& sink);

}  // namespace stackc::frontend
