// The Docker Engine backend's compiler: ir::Project -> DesiredState (the networks, volumes and
// containers the Engine should hold, each with its create request and configuration hash).
//
// A pure function of the project, the options and the content of the files it reads (secret and
// config files go into the hash, so a changed secret file recreates the containers that use it,
// which Docker Compose misses). Keys the backend cannot honour are reported as located
// diagnostics per service_keys.def: a warning when degraded, an error when rejected.
//
// Example:
//   CompileOptions options{.api_minor = engine.minor(), .image_ids = observed.images};
//   DesiredState desired = Compile(project, options, fs, sink);
//   desired.services[0].containers[0].create["Image"]  // "busybox:stackc"
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "backends/docker/state.h"
#include "frontend/file_system.h"
#include "ir/diagnostic.h"
#include "ir/project.h"

namespace stackc::backends::docker {

enum class KeySupport { kMapped, kDegraded, kIgnored, kRejected };

struct KeyRow {
  std::string_view key;
  KeySupport support;
  std::string_view note;
};

// service_keys.def, sorted by key (a test checks the order).
std::span<const KeyRow> ServiceKeyTable();
const KeyRow* FindServiceKey(std::string_view key);
const char* KeySupportName(KeySupport support);

struct CompileOptions {
  int api_minor = 47;                            // the negotiated Engine API version, 1.x
  std::map<std::string, int> scale;              // --scale service=N
  std::map<std::string, std::string> image_ids;  // image reference -> ID, for the hash
  // The values of secrets and configs that come from the environment or inline content, by
  // "secret:KEY" / "config:KEY" (FileValues builds it from the loaded project).
  std::map<std::string, std::string> file_values;
};

DesiredState Compile(const ir::Project& project, const CompileOptions& options,
                     const frontend::FileSystem& fs, ir::DiagnosticSink& sink);

// The image a service's containers run: its `image`, else the name Compose gives a built image
// (<project>-<service>).
std::string ServiceImage(const ir::Project& project, const ir::Service& service);

}  // namespace stackc::backends::docker
