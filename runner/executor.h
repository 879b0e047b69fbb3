// Runs one plan step: against the Engine (EngineExecutor), or only recording it (DryRunRecorder).
// Tests script their own (ninja's CommandRunner pattern).
//
// Example:
//   EngineExecutor executor(engine, clock, /*wait_timeout_s=*/60);
//   StepOutcome outcome = executor.Run(plan.steps[0]);
//   if (!outcome.ok) std::puts(outcome.message.c_str());  // "cannot create network ...: ..."
#pragma once

#include <string>
#include <vector>

#include "backends/docker/plan.h"
#include "runner/clock.h"
#include "runner/engine_client.h"

namespace stackc::runner {

struct StepOutcome {
  bool ok = true;
  std::string message;  // why it failed; empty on success
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual StepOutcome Run(const backends::docker::Step& step) = 0;
};

class EngineExecutor final : public Executor {
 public:
  EngineExecutor(EngineClient& engine, Clock& clock, int wait_timeout_s)
      : engine_(engine), clock_(clock), wait_timeout_s_(wait_timeout_s) {}
  StepOutcome Run(const backends::docker::Step& step) override;

 private:
  StepOutcome Wait(const backends::docker::Step& step);
  StepOutcome Build(const backends::docker::Step& step);

  EngineClient& engine_;
  Clock& clock_;
  int wait_timeout_s_;
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
