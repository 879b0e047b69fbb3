// Executes a plan: each step after the steps it waits for, stopping at the first failure (a
// failed wait for a `required: false` dependency only warns), and between steps when the user
// interrupts. Whatever is left undone, the next apply plans again from what the Engine holds.
//
// Example:
//   PlainProgress progress(stderr);
//   ApplyResult result = Execute(plan, executor, progress, &interrupted);
//   if (!result.ok) fmt::print(stderr, "error: {}\n", result.message);
#pragma once

#include <atomic>
#include <cstdio>
#include <string>

#include "backends/docker/plan.h"
#include "runner/executor.h"

namespace stackc::runner {

class Progress {
 public:
  virtual ~Progress() = default;
  virtual void Begin(const backends::docker::Step& step) = 0;
  virtual void End(const backends::docker::Step& step, const StepOutcome& outcome) = 0;
  virtual void Warn(const std::string& message) = 0;
};

// One line per finished step: "container 'shop-web-1' started".
class PlainProgress final : public Progress {
 public:
  explicit PlainProgress(std::FILE* out) : out_(out) {}
  void Begin(const backends::docker::Step&) override {}
  void End(const backends::docker::Step& step, const StepOutcome& outcome) override;
  void Warn(const std::string& message) override;

 private:
  std::FILE* out_;
};

// What a step did, in the past tense: "created", "started", "healthy".
const char* StepDoneVerb(backends::docker::StepKind kind);

struct ApplyResult {
  bool ok = true;
  bool interrupted = false;
  int steps_run = 0;
  std::string message;
};

ApplyResult Execute(const backends::docker::Plan& plan, Executor& executor, Progress& progress,
                    const std::atomic<bool>* interrupted);

}  // namespace stackc::runner
