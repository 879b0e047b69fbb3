// stackc apply: converge the Docker Engine to the project (observe, diff, execute), idempotently.
#include <atomic>
#include <csignal>

#include <fmt/format.h>

#include "backends/docker/plan.h"
#include "cli/apply_options.h"
#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "runner/apply.h"
#include "runner/clock.h"
#include "runner/executor.h"

namespace stackc::cli {
namespace {

// Set by SIGINT and SIGTERM; the executor stops between two steps. A signal handler can only
// reach a global, so this is the one piece of global mutable state, and only apply and down
// install the handler.
std::atomic<bool> g_interrupted{false};

void OnSignal(int) { g_interrupted.store(true); }

int RunApply(const GlobalOptions& global, const ApplyOptions& o, CommandResult& result) {
  // Installed before planning: a SIGINT then (or one a parent shell set to be ignored) stops the
  // run cleanly instead of being lost.
  InstallInterruptHandler();
  EngineSession session;
  backends::docker::Plan plan;
  if (const int rc = PlanAgainstEngine(global, o, result, &session, &plan); rc != 0) return rc;
  if (!ReportPlanProblems(plan)) return 1;
  const std::string text = backends::docker::RenderText(plan);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  if (plan.empty()) return 0;
  if (g_interrupted.load()) {
    fmt::print(stderr, "error: interrupted before any change; run apply again\n");
    return 130;
  }
  runner::RealClock clock;
  if (!session.OpenWorkers(o.parallel, o.wait_timeout_s, &g_interrupted)) return 2;
  std::unique_ptr<runner::Progress> progress = MakeProgress(o.progress);
  if (!progress) return 2;
  const runner::ApplyResult applied =
      runner::Execute(plan, session.executors(), *progress, &g_interrupted, clock,
                      {.poll_ms = 100, .wait_timeout_s = o.wait_timeout_s});
  if (!applied.ok) {
    fmt::print(stderr, "error: {}\n", applied.message);
    return applied.interrupted ? 130 : 1;
  }
  return 0;
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction action = {};
  action.sa_handler = &OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>* Interrupted() { return &g_interrupted; }

void AddApplyCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<ApplyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "apply", "Create or update the project's networks, volumes and containers on the Engine");
  DeferOptions(cmd, [o](CLI::App& c) {
    AddApplyOptions(&c, o.get());
    c.add_flag("--wait", o->wait, "Wait for services to be running or healthy");
    AddProgressOption(&c, &o->progress);
    c.add_option(
        "--wait-timeout", o->wait_timeout_s,
        "Seconds to wait for a dependency, a lifecycle hook or, with --wait, each service");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunApply(global, *o, *result); });
}

}  // namespace stackc::cli
