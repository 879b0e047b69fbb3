#include "runner/apply.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "runner/scripted_transport.h"

namespace stackc::runner {
namespace {

using backends::docker::Plan;
using backends::docker::Step;
using backends::docker::StepKind;

// Fails the steps named in `failures`; records the order of the others.
class ScriptedExecutor final : public Executor {
 public:
  std::map<int, std::string> failures;
  std::vector<int> ran;
  StepOutcome Run(const Step& step) override {
    ran.push_back(step.id);
    if (auto it = failures.find(step.id); it != failures.end()) return {false, it->second};
    return {};
  }
};

class RecordingProgress final : public Progress {
 public:
  std::vector<std::string> lines;
  void Begin(const Step&) override {}
  void End(const Step& step, const StepOutcome& o) override {
    lines.push_back(std::to_string(step.id) + (o.ok ? " ok" : " failed"));
  }
  void Warn(const std::string& message) override { lines.push_back("warning: " + message); }
};

Plan ThreeSteps() {
  Plan plan;
  for (int i = 1; i <= 3; ++i) {
    Step s;
    s.id = i;
    s.kind = StepKind::kStartContainer;
    s.resource = "c" + std::to_string(i);
    if (i > 1) s.after = {i - 1};
    plan.steps.push_back(s);
  }
  return plan;
}

TEST(ExecuteTest, RunsInOrderAndStopsAtTheFirstFailure) {
  ScriptedExecutor executor;
  executor.failures[2] = "cannot start container 'c2': port is already allocated";
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(ThreeSteps(), {&executor}, progress, nullptr, clock);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message, "cannot start container 'c2': port is already allocated");
  EXPECT_EQ(executor.ran, (std::vector<int>{1, 2}));
  EXPECT_EQ(progress.lines, (std::vector<std::string>{"1 ok", "2 failed"}));
}

TEST(ExecuteTest, OptionalDependencyOnlyWarns) {
  Plan plan = ThreeSteps();
  plan.steps[1].required = false;
  ScriptedExecutor executor;
  executor.failures[2] = "container c2 is unhealthy";
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(plan, {&executor}, progress, nullptr, clock);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(executor.ran, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(progress.lines[1],
            "warning: container c2 is unhealthy (the dependency is optional: `required: false`)");
}

TEST(ExecuteTest, InterruptStopsBetweenSteps) {
  ScriptedExecutor executor;
  RecordingProgress progress;
  std::atomic<bool> interrupted{true};
  FakeClock clock;
  const ApplyResult r = Execute(ThreeSteps(), {&executor}, progress, &interrupted, clock);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.interrupted);
  EXPECT_TRUE(executor.ran.empty());
}

// A step that an interrupt cuts short (a hook's exec given up) fails; the run reports the
// interrupt, not the step's failure, and starts nothing after it.
class InterruptedMidStep final : public Executor {
 public:
  explicit InterruptedMidStep(std::atomic<bool>* interrupted) : interrupted_(interrupted) {}
  std::vector<int> ran;
  StepOutcome Run(const Step& step) override {
    ran.push_back(step.id);
    if (step.id != 2) return {};
    interrupted_->store(true);  // SIGINT arrives while the step runs
    return {false, "service 'app': cannot run hook: interrupted"};
  }

 private:
  std::atomic<bool>* interrupted_;
};

TEST(ExecuteTest, AnInterruptDuringAStepIsReportedAsTheInterrupt) {
  std::atomic<bool> interrupted{false};
  InterruptedMidStep executor(&interrupted);
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(ThreeSteps(), {&executor}, progress, &interrupted, clock);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.interrupted);
  EXPECT_EQ(r.message, "interrupted; run apply again to finish");
  EXPECT_EQ(executor.ran, (std::vector<int>{1, 2}));
}

// Counts how many steps, and how many container starts, run at once.
class ConcurrencyProbe final : public Executor {
 public:
  explicit ConcurrencyProbe(std::atomic<int>* now, std::atomic<int>* most, std::atomic<int>* starts,
                            std::atomic<int>* most_starts)
      : now_(now), most_(most), starts_(starts), most_starts_(most_starts) {}
  StepOutcome Run(const Step& step) override {
    const bool start = step.kind == StepKind::kStartContainer;
    Raise(now_, most_);
    if (start) Raise(starts_, most_starts_);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (start) --*starts_;
    --*now_;
    return {};
  }

 private:
  static void Raise(std::atomic<int>* value, std::atomic<int>* most) {
    const int v = ++*value;
    int m = most->load();
    while (v > m && !most->compare_exchange_weak(m, v)) {
    }
  }
  std::atomic<int>*now_, *most_, *starts_, *most_starts_;
};

TEST(ExecuteTest, IndependentStepsRunInParallelPublishingStartsOneAtATime) {
  // Four independent services: create then start each.
  Plan plan;
  for (int i = 0; i < 4; ++i) {
    Step create;
    create.id = 2 * i + 1;
    create.kind = StepKind::kCreateContainer;
    create.resource = "c" + std::to_string(i);
    plan.steps.push_back(create);
    Step start = create;
    start.id = 2 * i + 2;
    start.kind = StepKind::kStartContainer;
    start.after = {create.id};
    start.publishes = true;
    plan.steps.push_back(start);
  }
  std::atomic<int> now{0}, most{0}, starts{0}, most_starts{0};
  ConcurrencyProbe a(&now, &most, &starts, &most_starts), b(&now, &most, &starts, &most_starts),
      c(&now, &most, &starts, &most_starts);
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(plan, {&a, &b, &c}, progress, nullptr, clock);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.steps_run, 8);
  EXPECT_EQ(progress.lines.size(), 8u);
  EXPECT_GT(most.load(), 1);
  EXPECT_EQ(most_starts.load(), 1);
}

// Starts of containers that publish no port meet: each waits (up to 5 s) until the other has
// arrived too, which only happens when they run at the same time.
class MeetingStarts final : public Executor {
 public:
  std::atomic<int> arrived{0};
  std::atomic<bool> alone{false};
  StepOutcome Run(const Step&) override {
    ++arrived;
    for (int i = 0; i < 500 && arrived.load() < 2; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (arrived.load() < 2) alone = true;
    return {};
  }
};

TEST(ExecuteTest, StartsOfContainersThatPublishNothingRunTogether) {
  Plan plan;
  for (int i = 1; i <= 2; ++i) {
    Step start;
    start.id = i;
    start.kind = StepKind::kStartContainer;
    start.resource = "c" + std::to_string(i);
    plan.steps.push_back(start);
  }
  MeetingStarts probe;
  // Two workers over one probe: the probe only counts, so sharing it is safe.
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(plan, {&probe, &probe}, progress, nullptr, clock);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(probe.arrived.load(), 2);
  EXPECT_FALSE(probe.alone.load());
}

class Throwing final : public Executor {
 public:
  StepOutcome Run(const Step&) override { throw std::runtime_error("type must be string"); }
};

TEST(ExecuteTest, AnExceptionIsAFailedStep) {
  Throwing executor;
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(ThreeSteps(), {&executor}, progress, nullptr, clock);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message, "cannot start container 'c1': type must be string");
}

TEST(ExecuteTest, AFailureStopsNewStepsButNotRunningOnes) {
  Plan plan = ThreeSteps();
  plan.steps[1].after.clear();  // 1 and 2 independent, 3 after 2
  ScriptedExecutor a, b;
  a.failures[1] = "boom";
  b.failures[1] = "boom";
  RecordingProgress progress;
  FakeClock clock;
  const ApplyResult r = Execute(plan, {&a, &b}, progress, nullptr, clock);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message, "boom");
  std::vector<int> ran = a.ran;
  ran.insert(ran.end(), b.ran.begin(), b.ran.end());
  EXPECT_EQ(std::count(ran.begin(), ran.end(), 3), 0);
}

// A wait that is pending a number of times, then done; records when it was looked at.
class PendingThenDone final : public Executor {
 public:
  PendingThenDone(Clock& clock, int pending) : clock_(clock), pending_(pending) {}
  std::vector<std::string> log;
  StepOutcome Run(const Step& step) override {
    log.push_back(step.resource + "@" + std::to_string(clock_.NowMs()));
    StepOutcome o;
    if (step.kind == StepKind::kWaitHealthy && pending_-- > 0) o.pending = true;
    return o;
  }

 private:
  Clock& clock_;
  int pending_;
};

TEST(ExecuteTest, APendingWaitDoesNotHoldTheWorker) {
  // One worker; a wait that holds for three looks, and a create that does not depend on it.
  Plan plan;
  Step wait;
  wait.id = 1;
  wait.kind = StepKind::kWaitHealthy;
  wait.resource = "db";
  plan.steps.push_back(wait);
  Step create;
  create.id = 2;
  create.kind = StepKind::kCreateContainer;
  create.resource = "web";
  plan.steps.push_back(create);
  Step start = create;
  start.id = 3;
  start.kind = StepKind::kStartContainer;
  start.after = {1, 2};
  plan.steps.push_back(start);
  FakeClock clock;
  PendingThenDone executor(clock, 3);
  RecordingProgress progress;
  const ApplyResult r = Execute(plan, {&executor}, progress, nullptr, clock, {.poll_ms = 250});
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.steps_run, 3);
  EXPECT_EQ(executor.log,
            (std::vector<std::string>{"db@0", "web@0", "db@250", "db@500", "db@750", "web@750"}));
  EXPECT_EQ(progress.lines, (std::vector<std::string>{"2 ok", "1 ok", "3 ok"}));
}

TEST(ExecuteTest, AWaitTimesOut) {
  Plan plan;
  Step wait;
  wait.id = 1;
  wait.kind = StepKind::kWaitRunning;
  wait.resource = "p-web-1";
  plan.steps.push_back(wait);
  FakeClock clock;
  PendingThenDone executor(clock, 1000);
  RecordingProgress progress;
  const ApplyResult r =
      Execute(plan, {&executor}, progress, nullptr, clock, {.poll_ms = 250, .wait_timeout_s = 1});
  EXPECT_TRUE(r.ok);  // kWaitRunning is never pending in this executor
  plan.steps[0].kind = StepKind::kWaitHealthy;
  const ApplyResult t =
      Execute(plan, {&executor}, progress, nullptr, clock, {.poll_ms = 250, .wait_timeout_s = 1});
  EXPECT_FALSE(t.ok);
  EXPECT_EQ(t.message, "timed out after 1 s waiting for container p-web-1 (wait healthy)");
  EXPECT_EQ(executor.log.size(), 6u);  // one run, then looks at 0, 250, 500, 750 and 1000 ms
}

TEST(EngineExecutorTest, LooksOnceAtAWaitedContainer) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(200, R"({"State":{"Status":"running","Health":{"Status":"starting"}}})");
  t.Push(200, R"({"State":{"Status":"running","Health":{"Status":"healthy"}}})");
  t.Push(200, R"({"State":{"Status":"running","Health":{"Status":"unhealthy"}}})");
  t.Push(200, R"({"State":{"Status":"running"}})");
  t.Push(200, R"({"State":{"Status":"exited","ExitCode":3}})");
  t.Push(200, R"({"State":{"Status":"created"}})");
  t.Push(200, R"({"State":{"Status":"exited","ExitCode":1}})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  EngineExecutor executor(engine);
  Step wait;
  wait.kind = StepKind::kWaitHealthy;
  wait.resource = "p-db-1";
  const StepOutcome starting = executor.Run(wait);
  EXPECT_TRUE(starting.pending);
  EXPECT_TRUE(executor.Run(wait).ok);
  const StepOutcome bad = executor.Run(wait);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.message, "container p-db-1 is unhealthy");
  EXPECT_EQ(executor.Run(wait).message, "container p-db-1 has no healthcheck configured");
  wait.kind = StepKind::kWaitCompleted;
  wait.service = "migrate";
  const StepOutcome failed = executor.Run(wait);
  EXPECT_EQ(failed.message, "service \"migrate\" didn't complete successfully: exit 3");
  wait.kind = StepKind::kWaitRunning;
  EXPECT_TRUE(executor.Run(wait).pending);
  EXPECT_EQ(executor.Run(wait).message, "container p-db-1 exited (1)");
}

// A lifecycle hook of service 'app' in its container p-app-1.
Step HookStep(std::string reason, std::vector<std::string> command) {
  Step hook;
  hook.kind = StepKind::kRunHook;
  hook.service = "app";
  hook.resource = "p-app-1";
  hook.reason = std::move(reason);
  hook.body = {{"Cmd", std::move(command)}};
  return hook;
}

// The attached exec start is given the hook timeout; when it ends without an answer while the
// exec still runs, the hook is stuck and its step fails saying so.
TEST(EngineExecutorTest, AHookThatDoesNotExitTimesOut) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(201, R"({"Id":"e1"})");
  t.PushFailure(kTimedOut);
  t.Push(200, R"({"Running":true,"ExitCode":0})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  std::atomic<bool> interrupted{false};
  EngineExecutor executor(engine, 3, &interrupted);
  const Step hook = HookStep("post_start hook 1", {"sleep", "3600"});
  const StepOutcome r = executor.Run(hook);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message,
            "service 'app': the post_start hook 1 in container 'p-app-1' did not exit within 3 s "
            "(--wait-timeout)");
  ASSERT_EQ(t.requests.size(), 4u);
  EXPECT_EQ(t.requests[2].path, "/v1.41/exec/e1/start");
  EXPECT_EQ(t.requests[2].timeout_ms, 3000);
  EXPECT_EQ(t.requests[2].cancel, &interrupted);  // Ctrl-C gives the exec up
  EXPECT_EQ(t.requests[3].path, "/v1.41/exec/e1/json");
}

// An interrupt gives the exec up: the step fails saying so, at once, without a look at the exec.
// A start whose answer is lost while the hook exits is decided by the exit code.
TEST(EngineExecutorTest, AHookCutShortOrWithItsAnswerLost) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(201, R"({"Id":"e1"})");
  t.PushFailure(kCancelled);
  t.Push(201, R"({"Id":"e2"})");
  t.PushFailure("Recv failure: Connection reset by peer");
  t.Push(200, R"({"Running":false,"ExitCode":0})");
  t.Push(201, R"({"Id":"e3"})");
  t.PushFailure("Recv failure: Connection reset by peer");
  t.Push(200, R"({"Running":true})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  std::atomic<bool> interrupted{false};
  EngineExecutor executor(engine, 3, &interrupted);
  const Step hook = HookStep("pre_stop hook 1", {"flush"});
  const StepOutcome cut = executor.Run(hook);
  EXPECT_FALSE(cut.ok);
  EXPECT_EQ(cut.message, "service 'app': cannot run hook in 'p-app-1': interrupted");
  EXPECT_EQ(t.requests.size(), 3u);    // no look at the exec after the interrupt
  EXPECT_TRUE(executor.Run(hook).ok);  // exited 0: the lost answer does not matter
  const StepOutcome lost = executor.Run(hook);
  EXPECT_FALSE(lost.ok);
  EXPECT_EQ(lost.message,
            "service 'app': cannot run hook in 'p-app-1': Recv failure: Connection reset by peer");
}

TEST(EngineExecutorTest, AlreadyDoneIsDone) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(304, "");
  t.Push(404, R"({"message":"No such container: x"})");
  t.Push(
      500,
      R"({"message":"driver failed programming external connectivity: port is already allocated"})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  EngineExecutor executor(engine);
  Step s;
  s.kind = StepKind::kStartContainer;
  s.resource = "x";
  EXPECT_TRUE(executor.Run(s).ok);  // 304
  s.kind = StepKind::kRemoveContainer;
  EXPECT_TRUE(executor.Run(s).ok);  // 404
  s.kind = StepKind::kStartContainer;
  s.service = "web";
  const StepOutcome r = executor.Run(s);
  EXPECT_EQ(r.message,
            "service 'web': cannot start container 'x': driver failed programming external "
            "connectivity: port is already allocated");
}

}  // namespace
}  // namespace stackc::runner
