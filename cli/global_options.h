// The options every stackc command shares, with Docker Compose's names: -f, -p,
// --project-directory,
// --env-file, --profile, and how they become a frontend::LoadRequest.
//
// Example:
//   GlobalOptions g;
//   AddGlobalOptions(app, &g);
//   frontend::LoadRequest req = ToRequest(g);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "frontend/loader.h"

namespace stackc::cli {

struct GlobalOptions {
  std::vector<std::string> files;
  std::string project_name;
  std::string project_directory;
  std::vector<std::string> env_files;
  std::vector<std::string> profiles;
  std::string color = "auto";
  bool all_resources = false;
  // The Compose schema, read once for all the loads of the process (lint loads each file given).
  std::shared_ptr<const frontend::SharedSchema> schema =
      std::make_shared<const frontend::SharedSchema>();
};

void AddGlobalOptions(CLI::App& app, GlobalOptions* options);

// The request for `options`; reads standard input when a file is "-".
frontend::LoadRequest ToRequest(const GlobalOptions& options);

// The process environment as a map.
frontend::EnvMap ProcessEnvironment();

// Whether output to `fd` is coloured: --color always, or auto on a terminal unless NO_COLOR is set
// to something.
bool Colored(const GlobalOptions& o, int fd);

// Prints the diagnostics to stderr (code frames, colour per --color and NO_COLOR).
void PrintDiagnostics(const ir::SourceManager& sm, const ir::DiagnosticSink& sink,
                      const GlobalOptions& options);

}  // namespace stackc::cli
