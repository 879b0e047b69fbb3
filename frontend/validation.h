// Semantic validation of the merged model, after defaults and before path resolution (compose-go's
// validation package): an external volume with other attributes, a config or secret with none (or
// several) of file/environment/content, a port host_ip that is not an IP address, a blank
// develop.watch path, a device request with both count and device_ids.
//
// Example:
//   // volumes: {data: {external: true, driver: local}}
//   ValidateModel(model, sink);  // error: volumes.data: conflicting parameters "external" and
//   "driver" specified
#pragma once

#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"

namespace stackc::frontend {

// Reports the first problem found (compose-go stops at the first) and returns false, or returns
// true.
bool ValidateModel(const Node& model, ir::DiagnosticSink& sink);
// ValidateModel in parts, for the loader's one pass over the services: the top-level volumes,
// configs and secrets, then each service (`services.NAME`).
bool ValidateResources(const Node& model, ir::DiagnosticSink& sink);
bool ValidateService(const MapEntry& service, ir::DiagnosticSink& sink);

}  // namespace stackc::frontend
