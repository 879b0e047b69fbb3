// The options `plan` and `apply` share (Docker Compose's `up` flags), and how they become the
// backend's PlanOptions.
//
// Example:
//   ApplyOptions o;
//   AddApplyOptions(cmd, &o);
//   PlanOptions p = o.ToPlanOptions();
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "backends/docker/plan.h"
#include "cli/command_result.h"
#include "cli/engine_session.h"
#include "cli/global_options.h"
#include "runner/apply.h"

namespace stackc::cli {

struct ApplyOptions {
  std::vector<std::string> services;
  std::vector<std::string> scale;
  bool force_recreate = false;
  bool no_recreate = false;
  bool remove_orphans = false;
  bool wait = false;
  int wait_timeout_s = 120;
  int timeout_s = 10;
  int parallel = 4;
  std::string progress = "auto";
  std::string format = "text";

  backends::docker::PlanOptions ToPlanOptions() const;
};

void AddApplyOptions(CLI::App* cmd, ApplyOptions* o);

// Loads the project, connects to the Engine, observes it and plans the apply; 0, or the exit code
// after printing why it cannot (2: load, usage or Engine; 1: a missing image).
int PlanAgainstEngine(const GlobalOptions& global, const ApplyOptions& o, CommandResult& result,
                      EngineSession* session, backends::docker::Plan* plan);

// The progress display for --progress auto|tty|plain (auto: tty when stderr is a terminal);
// nullptr with a message printed for another value.
std::unique_ptr<runner::Progress> MakeProgress(const std::string& mode);
void AddProgressOption(CLI::App* cmd, std::string* mode);

// Refuses to plan when a service's image is missing (stackc never pulls); prints why.
bool CheckImages(const backends::docker::DesiredState& desired,
                 const backends::docker::ObservedState& observed,
                 const backends::docker::PlanOptions& options);

// Prints the plan's warnings and errors to stderr; false when it has errors.
bool ReportPlanProblems(const backends::docker::Plan& plan);

}  // namespace stackc::cli
