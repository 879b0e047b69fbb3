// What the engine commands (plan, apply, down, ps, compile) share: loading the project into the
// IR, connecting to the Engine, and compiling and observing the Docker state.
//
// Example:
//   EngineSession session;
//   if (!session.Load(global, services, result)) return 2;       // diagnostics printed
//   if (!session.Connect()) return 2;                             // "cannot connect to ..."
//   if (!session.CompileAndObserve(options, global)) return 2;
//   Plan plan = PlanApply(session.desired, session.observed, plan_options);
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/docker/compile.h"
#include "backends/docker/state.h"
#include "cli/command_result.h"
#include "cli/global_options.h"
#include "frontend/loader.h"
#include "frontend/lower.h"
#include "ir/project.h"
#include "runner/engine_client.h"
#include "runner/executor.h"
#include "runner/http.h"

namespace stackc::cli {

class EngineSession {
 public:
  // Loads and lowers the project; prints the diagnostics. `services` selects, as in `config`.
  bool Load(const GlobalOptions& global, const std::vector<std::string>& services,
            CommandResult& result);

  // Loader warnings with these codes are not printed (lint reports the obsolete `version` as
  // STY001, located and fixable, instead of the loader's LOAD003).
  std::vector<std::string> quiet_codes;
  // Whether the services keep their canonical tree (`ir::Service::raw`): the Engine backend needs
  // it, lint's rules read only typed fields.
  frontend::RawValues raw_values = frontend::RawValues::kKeep;
  // Connects to the Engine of DOCKER_HOST; prints the error.
  bool Connect();
  // Opens `n` more connections to the same Engine for parallel workers; the executors of
  // `workers` run plans (Execute's executor list).
  // n workers; a lifecycle hook that runs longer than hook_timeout_s fails its step.
  bool OpenWorkers(int n, int hook_timeout_s = runner::EngineExecutor::kDefaultHookTimeoutS,
                   const std::atomic<bool>* interrupted = nullptr);
  std::vector<runner::Executor*> executors() const;

  // Compiles the desired state (with the Engine's API version and image IDs) and observes the
  // live one; prints diagnostics and errors.
  bool CompileAndObserve(backends::docker::CompileOptions options, const GlobalOptions& global);
  // Compiles without asking the Engine (compile --target docker; down, which only needs names and
  // then stays quiet about keys the backend cannot honour).
  bool CompileOffline(backends::docker::CompileOptions options, const GlobalOptions& global,
                      bool report = true);

  // The sources of the loaded project (valid after Load).
  const ir::SourceManager& sources() const { return *sm_; }
  // What the loader saw of each YAML file besides its values (valid after Load).
  const std::vector<frontend::YamlTrivia>& trivia() const { return loaded_->trivia; }
  // What the SECRET rules find in the project (policies::SecretFindings; after Load), and the
  // secret values written in its files (policies::SecretValues): found once per session.
  const std::vector<ir::Diagnostic>& secret_findings();
  const std::vector<ir::Span>& secrets();
  // For files that belong to the run but not to the project (`.stackc.yaml`), so that findings in
  // them are located like any other.
  ir::SourceManager& mutable_sources() { return *sm_; }

  ir::Project project;
  std::unique_ptr<runner::HttpTransport> transport;
  std::unique_ptr<runner::EngineClient> engine;
  backends::docker::DesiredState desired;
  backends::docker::ObservedState observed;
  std::vector<std::unique_ptr<runner::HttpTransport>> worker_transports;
  std::vector<std::unique_ptr<runner::EngineClient>> worker_engines;
  std::vector<std::unique_ptr<runner::EngineExecutor>> workers;

 private:
  ir::SourceManager* sm_ = nullptr;
  const frontend::LoadedProject* loaded_ = nullptr;
  std::optional<std::vector<ir::Diagnostic>> secret_findings_;
  std::optional<std::vector<ir::Span>> secrets_;
};

// Parses "--scale svc=N" values; false with a message on a malformed one.
bool ParseScale(const std::vector<std::string>& values, std::map<std::string, int>* out,
                std::string* error);

}  // namespace stackc::cli
