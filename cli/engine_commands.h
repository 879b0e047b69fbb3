// The commands that compile a project for the Docker Engine or act on one: `plan`, `apply`,
// `down`, `ps`, `logs` and `compile`. One file each; they share EngineSession.
//
// Example:
//   stackc apply --scale os=2          # converge the Engine to the project
//   stackc plan --format json          # what apply would do, and why
//   stackc down --volumes
#pragma once

#include <atomic>

#include <CLI/CLI.hpp>

#include "cli/command_result.h"
#include "cli/global_options.h"

namespace stackc::cli {

void AddPlanCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);
void AddApplyCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);
void AddDownCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);
void AddPsCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);
void AddLogsCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);
void AddCompileCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);
// lint, rules and explain (lint_command.cc).
void AddLintCommands(CLI::App& app, const GlobalOptions& global, CommandResult* result);
// graph (graph_command.cc).
void AddGraphCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result);

// SIGINT and SIGTERM set the flag Interrupted() points to; apply and down stop between steps.
void InstallInterruptHandler();
const std::atomic<bool>* Interrupted();

}  // namespace stackc::cli
