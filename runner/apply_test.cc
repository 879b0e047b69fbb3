#include "runner/apply.h"

#include <algorithm>
#include <chrono>
#include <map>
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
  const ApplyResult r = Execute(ThreeSteps(), {&executor}, progress, nullptr);
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
  const ApplyResult r = Execute(plan, {&executor}, progress, nullptr);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(executor.ran, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(progress.lines[1],
            "warning: container c2 is unhealthy (the dependency is optional: `required: false`)");
}

TEST(ExecuteTest, InterruptStopsBetweenSteps) {
  ScriptedExecutor executor;
  RecordingProgress progress;
  std::atomic<bool> interrupted{true};
  const ApplyResult r = Execute(ThreeSteps(), {&executor}, progress, &interrupted);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.interrupted);
  EXPECT_TRUE(executor.ran.empty());
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

TEST(ExecuteTest, IndependentStepsRunInParallelStartsOneAtATime) {
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
    plan.steps.push_back(start);
  }
  std::atomic<int> now{0}, most{0}, starts{0}, most_starts{0};
  ConcurrencyProbe a(&now, &most, &starts, &most_starts), b(&now, &most, &starts, &most_starts),
      c(&now, &most, &starts, &most_starts);
  RecordingProgress progress;
  const ApplyResult r = Execute(plan, {&a, &b, &c}, progress, nullptr);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.steps_run, 8);
  EXPECT_EQ(progress.lines.size(), 8u);
  EXPECT_GT(most.load(), 1);
  EXPECT_EQ(most_starts.load(), 1);
}

TEST(ExecuteTest, AFailureStopsNewStepsButNotRunningOnes) {
  Plan plan = ThreeSteps();
  plan.steps[1].after.clear();  // 1 and 2 independent, 3 after 2
  ScriptedExecutor a, b;
  a.failures[1] = "boom";
  b.failures[1] = "boom";
  RecordingProgress progress;
  const ApplyResult r = Execute(plan, {&a, &b}, progress, nullptr);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message, "boom");
  std::vector<int> ran = a.ran;
  ran.insert(ran.end(), b.ran.begin(), b.ran.end());
  EXPECT_EQ(std::count(ran.begin(), ran.end(), 3), 0);
}

TEST(EngineExecutorTest, WaitsForHealthAndReportsUnhealthy) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(200, R"({"State":{"Status":"running","Health":{"Status":"starting"}}})");
  t.Push(200, R"({"State":{"Status":"running","Health":{"Status":"healthy"}}})");
  t.Push(200, R"({"State":{"Status":"running","Health":{"Status":"unhealthy"}}})");
  t.Push(200, R"({"State":{"Status":"exited","ExitCode":3}})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  FakeClock clock;
  EngineExecutor executor(engine, clock, 60);
  Step wait;
  wait.kind = StepKind::kWaitHealthy;
  wait.resource = "p-db-1";
  EXPECT_TRUE(executor.Run(wait).ok);
  EXPECT_EQ(clock.NowMs(), 250);
  const StepOutcome bad = executor.Run(wait);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.message, "container p-db-1 is unhealthy");
  wait.kind = StepKind::kWaitCompleted;
  wait.service = "migrate";
  const StepOutcome failed = executor.Run(wait);
  EXPECT_EQ(failed.message, "service \"migrate\" didn't complete successfully: exit 3");
}

TEST(EngineExecutorTest, WaitTimesOut) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  for (int i = 0; i < 10; ++i) t.Push(200, R"({"State":{"Status":"created"}})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  FakeClock clock;
  EngineExecutor executor(engine, clock, 1);
  Step wait;
  wait.kind = StepKind::kWaitRunning;
  wait.resource = "p-web-1";
  const StepOutcome r = executor.Run(wait);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.message, "timed out after 1 s waiting for container p-web-1 (wait running)");
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
  FakeClock clock;
  EngineExecutor executor(engine, clock, 1);
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
