// Lowering: the loader's canonical model (a YAML node tree) -> the typed ir::Project.
//
// Runs after LoadProject succeeded, so the model is valid against the Compose schema and in long
// form; lowering only types it. Every typed value keeps the span of the node it came from (a
// short-form port or volume string lends its span to each field it expands to); values the loader
// supplied keep an invalid span. Each service's canonical tree is also kept as `Service::raw`
// (unless LowerTakingServices is asked to drop it).
//
// Example:
//   LoadedProject loaded;
//   if (!LoadProject(req, fs, env, sm, sink, &loaded)) return 2;
//   const ir::Project project = Lower(loaded);
//   project.FindService("web")->ports[0].target;  // 80
#pragma once

#include "frontend/loader.h"
#include "frontend/yaml_tree.h"
#include "ir/project.h"
#include "ir/value.h"

namespace stackc::frontend {

ir::Project Lower(const LoadedProject& loaded);

// Whether the enabled services keep their canonical tree as `Service::raw`.
enum class RawValues {
  kKeep,
  // Only the typed fields: for lint, whose rules read nothing else. On 4,000 services `raw` was a
  // third of `stackc lint`'s heap, and rules that read it the rest of the way through memory.
  kDrop,
};

// Lower, but each service's canonical values move into its `raw` instead of being copied (or are
// dropped), and the model's `services` is left empty (its other sections stay). For commands that
// keep only the IR of the services: on 4,000 services the copy was a quarter of `stackc lint`'s
// memory.
ir::Project LowerTakingServices(LoadedProject& loaded, RawValues raw = RawValues::kKeep);

// One node as a generic IR value (for extensions and `Service::raw`); the rvalue form moves the
// node's strings instead of copying them.
ir::Value LowerValue(const Node& node);
ir::Value LowerValue(Node&& node);

}  // namespace stackc::frontend
