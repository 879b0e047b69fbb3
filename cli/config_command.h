// `stackc config`: print the canonical project, byte for byte what `docker compose config` prints.
//
// Example:
//   stackc config -f compose.yaml --format json
//   stackc config --services
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_result.h"
#include "cli/global_options.h"

namespace stackc::cli {

// Registers the subcommand on `app`; `*result` receives its exit code and what it built when it
// runs.
void AddConfigCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);

}  // namespace stackc::cli
