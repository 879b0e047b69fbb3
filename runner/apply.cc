#include "runner/apply.h"

#include <set>

#include <fmt/format.h>

namespace stackc::runner {

using backends::docker::Step;
using backends::docker::StepKind;

const char* StepDoneVerb(StepKind kind) {
  switch (kind) {
    case StepKind::kCreateNetwork:
    case StepKind::kCreateVolume:
    case StepKind::kCreateContainer:
      return "created";
    case StepKind::kRemoveNetwork:
    case StepKind::kRemoveVolume:
    case StepKind::kRemoveContainer:
      return "removed";
    case StepKind::kConnectNetwork:
      return "connected";
    case StepKind::kStartContainer:
      return "started";
    case StepKind::kStopContainer:
      return "stopped";
    case StepKind::kWaitHealthy:
      return "healthy";
    case StepKind::kWaitCompleted:
      return "exited (0)";
    case StepKind::kWaitRunning:
      return "running";
  }
  return "done";
}

void PlainProgress::End(const Step& step, const StepOutcome& outcome) {
  const char* noun =
      step.kind == StepKind::kCreateNetwork || step.kind == StepKind::kRemoveNetwork ? "network"
      : step.kind == StepKind::kCreateVolume || step.kind == StepKind::kRemoveVolume ? "volume"
                                                                                     : "container";
  if (outcome.ok) {
    std::string extra;
    if (step.kind == StepKind::kConnectNetwork) extra = fmt::format(" to '{}'", step.network);
    fmt::print(out_, "{} '{}' {}{}\n", noun, step.resource, StepDoneVerb(step.kind), extra);
  } else {
    fmt::print(out_, "{} '{}' failed\n", noun, step.resource);
  }
  std::fflush(out_);
}

void PlainProgress::Warn(const std::string& message) {
  fmt::print(out_, "warning: {}\n", message);
  std::fflush(out_);
}

ApplyResult Execute(const backends::docker::Plan& plan, Executor& executor, Progress& progress,
                    const std::atomic<bool>* interrupted) {
  ApplyResult result;
  std::set<int> done;
  for (const Step& step : plan.steps) {
    if (interrupted != nullptr && interrupted->load()) {
      result.ok = false;
      result.interrupted = true;
      result.message = "interrupted; run apply again to finish";
      return result;
    }
    for (int dep : step.after) {
      if (!done.count(dep)) {
        // Steps are in a topological order; a missing dependency is a planner bug.
        result.ok = false;
        result.message = fmt::format("step {} runs before step {} it waits for", step.id, dep);
        return result;
      }
    }
    progress.Begin(step);
    const StepOutcome outcome = executor.Run(step);
    ++result.steps_run;
    if (!outcome.ok && !step.required) {
      progress.Warn(outcome.message + " (the dependency is optional: `required: false`)");
      done.insert(step.id);
      continue;
    }
    progress.End(step, outcome);
    if (!outcome.ok) {
      result.ok = false;
      result.message = outcome.message;
      return result;
    }
    done.insert(step.id);
  }
  return result;
}

}  // namespace stackc::runner
