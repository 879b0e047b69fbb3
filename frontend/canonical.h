// Canonical form: every short syntax of a compose model rewritten to its long form, in place.
//
// This is compose-go's transform step (run after each file is merged and validated) and its
// defaults step (run once after all files): `build: .` becomes `build: {context: .}`, `ports:
// ["8080:80"]` one mapping per container port, `volumes: ["./data:/var/lib:ro"]` typed mounts,
// `depends_on: [db]` a map with condition and required, `env_file: a.env` a list of {path,
// required}, `networks: [front]` a map, and so on.
//
// Example:
//   // services: {web: {build: ., ports: ["8080:80"]}}
//   Canonicalize(model, /*ignore_parse_errors=*/false, sink);
//   SetDefaultValues(model, sink);
//   // services: {web: {build: {context: ., dockerfile: ...}, ports: [{mode: ingress, target: 80,
//   //                  published: "8080", protocol: tcp}]}}
#pragma once

#include <functional>

#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"

namespace stackc::frontend {

// Rewrites short syntax to long syntax. Errors (an unparsable port or volume) are reported with
// their span; with `ignore_parse_errors` (used when interpolation is off) the short form is kept
// instead. Also drops empty `dns` entries, as compose-go's OmitEmpty does next (in the same pass
// over the services: that is unobservable, since a model with errors is discarded).
// `each_service`, when given, is called with each entry of `services` once it is canonical, while
// it is still in the cache (the loader enforces the lists' uniqueness there).
void Canonicalize(Node& model, bool ignore_parse_errors, ir::DiagnosticSink& sink,
                  const std::function<void(MapEntry&)>& each_service = {});

// compose-go's defaults: build context ".", secret targets, port protocol/mode, bind
// create_host_path, device request counts.
void SetDefaultValues(Node& model, ir::DiagnosticSink& sink);
// The same for one service (the loader runs it with the other per-service steps, in one pass).
void SetServiceDefaults(Node& svc);

}  // namespace stackc::frontend
