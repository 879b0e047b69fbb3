// Runs one plan step: against the Engine (EngineExecutor), or only recording it (DryRunRecorder).
// Tests script their own (ninja's CommandRunner pattern). A wait step (healthy, completed,
// running) is one look at the container: `pending` when it is not there yet, and the scheduler
// (Execute) asks again later, so a wait never holds a connection while it sleeps.
//
// Example:
//   EngineExecutor executor(engine);
//   StepOutcome outcome = executor.Run(plan.steps[0]);
//   if (!outcome.ok) std::puts(outcome.message.c_str());  // "cannot create network ...: ..."
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "backends/docker/plan.h"
#include "runner/engine_client.h"

namespace stackc::runner {

struct StepOutcome {
  bool ok = true;
  std::string message;   // why it failed; empty on success
  bool pending = false;  // a wait whose condition does not hold yet: run the step again later
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual StepOutcome Run(const backends::docker::Step& step) = 0;
};

// Runs each step as Engine API calls. A lifecycle hook (an exec) that has not exited after
// `hook_timeout_s` fails its step (it is left running in the container, which a stop ends). The
// long calls (a hook's exec, an image build) are given up soon after *interrupted turns true.
class EngineExecutor final : public Executor {
 public:
  static constexpr int kDefaultHookTimeoutS = 120;
  explicit EngineExecutor(EngineClient& engine, int hook_timeout_s = kDefaultHookTimeoutS,
                          const std::atomic<bool>* interrupted = nullptr)
      : engine_(engine), hook_timeout_s_(hook_timeout_s), interrupted_(interrupted) {}
  StepOutcome Run(const backends::docker::Step& step) override;

 private:
  StepOutcome Look(const backends::docker::Step& step);
  StepOutcome Hook(const backends::docker::Step& step);
  StepOutcome Build(const backends::docker::Step& step);

  EngineClient& engine_;
  int hook_timeout_s_;
  const std::atomic<bool>* interrupted_;
};

class DryRunRecorder final : public Executor {
 public:
  StepOutcome Run(const backends::docker::Step& step) override {
    ran_.push_back(step.id);
    return {};
  }
  const std::vector<int>& ran() const { return ran_; }

 private:
  std::vector<int> ran_;
};

}  // namespace stackc::runner
