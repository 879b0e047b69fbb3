// Executes a plan: each step once the steps it waits for are done, independent steps in parallel
// (one worker per executor given), starts of containers that publish ports one at a time (Docker
// Compose serialises every start so that the Engine does not race when it picks ports from ranges;
// the race needs published ports). A wait step whose condition does not hold yet
// sleeps without holding a worker and is looked at again every `poll_ms`, until `wait_timeout_s`.
// The first failure stops the scheduling of new steps (a failed wait for a `required: false`
// dependency only warns), and so does an interrupt; steps already running finish. Whatever is
// left undone, the next apply plans again from what the Engine holds.
//
// Example:
//   PlainProgress progress(stderr);
//   RealClock clock;
//   ApplyResult result = Execute(plan, {&executor1, &executor2}, progress, &interrupted, clock);
//   if (!result.ok) fmt::print(stderr, "error: {}\n", result.message);
#pragma once

#include <atomic>
#include <cstdio>
#include <string>
#include <vector>

#include "backends/docker/plan.h"
#include "runner/clock.h"
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

// What a step acts on: "network", "volume", "image" or "container".
const char* StepNoun(backends::docker::StepKind kind);

// What a step did, in the past tense: "created", "started", "healthy".
const char* StepDoneVerb(backends::docker::StepKind kind);

struct ApplyResult {
  bool ok = true;
  bool interrupted = false;
  int steps_run = 0;
  std::string message;
};

struct ExecuteOptions {
  int poll_ms = 100;         // between two looks at a container that is waited for
  int wait_timeout_s = 120;  // how long one wait may stay pending
};

// `executors` must not be empty; each is used by one worker thread at a time. Progress calls are
// serialised.
ApplyResult Execute(const backends::docker::Plan& plan, const std::vector<Executor*>& executors,
                    Progress& progress, const std::atomic<bool>* interrupted, Clock& clock,
                    const ExecuteOptions& options = {});

}  // namespace stackc::runner
