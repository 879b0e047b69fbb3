// Consistency of a loaded project (compose-go's checkConsistency and the dependency-cycle check,
// plus the container-name uniqueness that `docker compose config` adds): every reference resolves
// (networks, volumes, secrets, configs, models, depends_on, network_mode service:x, additional
// build contexts), no two attributes contradict each other (network_mode vs networks, scale vs
// deploy.replicas, cpus vs deploy limits...), and depends_on has no cycle. Messages are
// compose-go's, ending in ": invalid compose project" where it says so.
//
// Example:
//   // services: {web: {image: nginx, networks: [front]}}   (no top-level `front`)
//   CheckConsistency(model, disabled, sink);
//   // error: service "web" refers to undefined network front: invalid compose project
#pragma once

#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"

namespace stackc::frontend {

// `model` is the canonical model with profiles applied; `disabled` holds the services profiles set
// aside. Reports the first problem and returns false, or returns true.
bool CheckConsistency(const Node& model, const Node& disabled, ir::DiagnosticSink& sink);

}  // namespace stackc::frontend
