#include "runner/apply.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

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
    case StepKind::kCopyFiles:
      return "files copied";
    case StepKind::kBuildImage:
      return "built";
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
    case StepKind::kRunHook:
      return "hook ran";
  }
  return "done";
}

const char* StepNoun(StepKind kind) {
  switch (kind) {
    case StepKind::kCreateNetwork:
    case StepKind::kRemoveNetwork:
      return "network";
    case StepKind::kCreateVolume:
    case StepKind::kRemoveVolume:
      return "volume";
    case StepKind::kBuildImage:
      return "image";
    default:
      return "container";
  }
}

void PlainProgress::End(const Step& step, const StepOutcome& outcome) {
  const char* noun = StepNoun(step.kind);
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

ApplyResult Execute(const backends::docker::Plan& plan, const std::vector<Executor*>& executors,
                    Progress& progress, const std::atomic<bool>* interrupted, Clock& clock,
                    const ExecuteOptions& options) {
  const size_t n = plan.steps.size();
  std::map<int, size_t> index;  // step id -> position
  for (size_t i = 0; i < n; ++i) index[plan.steps[i].id] = i;
  std::vector<int> waiting(n, 0);                  // dependencies not done yet
  std::vector<std::vector<size_t>> dependents(n);  // who waits for step i
  ApplyResult result;
  for (size_t i = 0; i < n; ++i) {
    for (int dep : plan.steps[i].after) {
      auto it = index.find(dep);
      if (it == index.end() || it->second >= i) {
        result.ok = false;
        result.message = fmt::format("step {} waits for step {}, which does not come before it",
                                     plan.steps[i].id, dep);
        return result;
      }
      ++waiting[i];
      dependents[it->second].push_back(i);
    }
  }

  std::mutex mu;
  std::condition_variable cv;
  // Ready steps, critical path first: a step's weight is the longest chain of steps that wait for
  // it, a wait counting as many calls (it lasts a healthcheck interval or more). So the start of a
  // container that others wait for goes before creates whose starts are far off. Ties go by the
  // plan's order.
  std::vector<int> weight(n, 0);
  for (size_t i = n; i-- > 0;) {
    const StepKind kind = plan.steps[i].kind;
    const bool wait = kind == StepKind::kWaitHealthy || kind == StepKind::kWaitCompleted ||
                      kind == StepKind::kWaitRunning;
    int below = 0;
    for (size_t d : dependents[i]) below = std::max(below, weight[d]);
    weight[i] = below + (wait ? 10 : 1);
  }
  auto by_weight = [&weight](size_t a, size_t b) {
    return weight[a] != weight[b] ? weight[a] > weight[b] : a < b;
  };
  std::set<size_t, decltype(by_weight)> ready(by_weight);
  std::map<size_t, int64_t> sleeping;    // pending waits -> when to look again (clock ms)
  std::map<size_t, int64_t> first_look;  // pending waits -> when they were first looked at
  for (size_t i = 0; i < n; ++i) {
    if (waiting[i] == 0) ready.insert(i);
  }
  size_t running = 0, finished = 0;
  bool publishing = false;  // a start of a container that publishes ports is in flight
  bool stop = false;
  const int64_t timeout_ms = int64_t{options.wait_timeout_s} * 1000;

  auto is_publishing_start = [&](size_t i) {
    return plan.steps[i].kind == StepKind::kStartContainer && plan.steps[i].publishes;
  };
  // The first ready step a worker may take now; n when none. Sleeping waits whose time has come
  // are ready again.
  auto pick = [&]() -> size_t {
    if (!sleeping.empty()) {
      const int64_t now = clock.NowMs();
      for (auto it = sleeping.begin(); it != sleeping.end();) {
        if (it->second <= now) {
          ready.insert(it->first);
          it = sleeping.erase(it);
        } else {
          ++it;
        }
      }
    }
    for (size_t i : ready) {
      if (!(publishing && is_publishing_start(i))) return i;
    }
    return n;
  };
  auto check_interrupt = [&] {
    if (interrupted != nullptr && interrupted->load() && !stop) {
      stop = true;
      result.ok = false;
      result.interrupted = true;
      result.message = "interrupted; run apply again to finish";
    }
  };

  auto worker = [&](Executor* executor) {
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      size_t i = n;
      while (true) {
        if (finished == n) break;  // an interrupt after the last step changes nothing
        check_interrupt();
        if (stop) break;
        i = pick();
        if (i != n) break;
        if (ready.empty() && running == 0 && sleeping.empty()) break;
        if (sleeping.empty()) {
          cv.wait(lock);
          continue;
        }
        // Only sleeping waits are left to this worker: sleep until the next one is due, at most
        // 20 ms, so a step made ready meanwhile is not kept waiting long.
        int64_t next = sleeping.begin()->second;
        for (const auto& [step, at] : sleeping) next = std::min(next, at);
        const int64_t delay = std::clamp<int64_t>(next - clock.NowMs(), 1, 20);
        lock.unlock();
        clock.SleepMs(static_cast<int>(delay));
        lock.lock();
      }
      if (stop || finished == n || i == n) {
        cv.notify_all();
        return;
      }
      ready.erase(i);
      ++running;
      const bool start = is_publishing_start(i);
      if (start) publishing = true;
      const Step& step = plan.steps[i];
      const bool first = !first_look.count(i);
      if (first) {
        first_look[i] = clock.NowMs();
        progress.Begin(step);
      }
      lock.unlock();
      StepOutcome outcome;
      try {
        outcome = executor->Run(step);
      } catch (const std::exception& e) {  // an unexpected answer must not end the process
        outcome = {false, fmt::format("cannot {} '{}': {}", StepKindName(step.kind), step.resource,
                                      e.what())};
      }
      lock.lock();
      --running;
      if (start) publishing = false;
      // A step that an interrupt cut short (a hook, a build) fails: report the interrupt.
      if (!outcome.ok) check_interrupt();
      if (outcome.pending) {
        if (clock.NowMs() - first_look[i] < timeout_ms) {
          sleeping[i] = clock.NowMs() + options.poll_ms;
          cv.notify_all();
          continue;
        }
        outcome.ok = false;
        outcome.pending = false;
        outcome.message =
            fmt::format("timed out after {} s waiting for container {} ({})",
                        options.wait_timeout_s, step.resource, StepKindName(step.kind));
      }
      ++finished;
      ++result.steps_run;
      if (!outcome.ok && !step.required) {
        progress.Warn(step.kind == StepKind::kRunHook
                          ? outcome.message + " (the container is stopped all the same)"
                          : outcome.message + " (the dependency is optional: `required: false`)");
      } else {
        progress.End(step, outcome);
      }
      if (!outcome.ok && step.required) {
        if (!stop) {
          stop = true;
          result.ok = false;
          result.message = outcome.message;
        }
      } else {
        for (size_t d : dependents[i]) {
          if (--waiting[d] == 0) ready.insert(d);
        }
      }
      cv.notify_all();
    }
  };

  // The interrupt flag is set by a signal handler, which cannot notify: wake the workers now and
  // then to look at it.
  std::vector<std::thread> threads;
  const size_t workers = std::min(executors.size(), std::max<size_t>(n, 1));
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(worker, executors[w]);
  std::thread ticker;
  std::atomic<bool> done{false};
  if (interrupted != nullptr) {
    ticker = std::thread([&] {
      while (!done.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (interrupted->load()) cv.notify_all();
      }
    });
  }
  worker(executors[0]);
  for (std::thread& t : threads) t.join();
  done.store(true);
  if (ticker.joinable()) ticker.join();
  if (result.ok && finished != n) {
    result.ok = false;  // unreachable with a topological plan; never report success for it
    result.message = fmt::format("{} of {} steps could not be scheduled", n - finished, n);
  }
  return result;
}

}  // namespace stackc::runner
