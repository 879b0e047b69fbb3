#include "runner/apply.h"

#include <map>

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
  const ApplyResult r = Execute(ThreeSteps(), executor, progress, nullptr);
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
  const ApplyResult r = Execute(plan, executor, progress, nullptr);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(executor.ran, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(progress.lines[1],
            "warning: container c2 is unhealthy (the dependency is optional: `required: false`)");
}

TEST(ExecuteTest, InterruptStopsBetweenSteps) {
  ScriptedExecutor executor;
  RecordingProgress progress;
  std::atomic<bool> interrupted{true};
  const ApplyResult r = Execute(ThreeSteps(), executor, progress, &interrupted);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.interrupted);
  EXPECT_TRUE(executor.ran.empty());
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
