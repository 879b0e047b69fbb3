// `stackc config`: print the canonical project, byte for byte what `docker compose config` prints.
//
// Example:
//   stackc config -f compose.yaml --format json
//   stackc config --services
#pragma once

#include <CLI/CLI.hpp>

#include "cli/global_options.h"

namespace stackc::cli {

// Registers the subcommand on `app`; `*exit_code` receives its result when it runs.
void AddConfigCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);

}  // namespace stackc::cli
