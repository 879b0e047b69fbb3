// stackc down: stop and remove the project's containers (dependents first) and networks; named
// volumes only with --volumes. Touches nothing without our project label.
#include <fmt/format.h>

#include "backends/docker/plan.h"
#include "cli/apply_options.h"
#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "runner/apply.h"
#include "runner/clock.h"
#include "runner/executor.h"
#include "runner/observe.h"

namespace stackc::cli {
namespace {

struct DownFlags {
  bool volumes = false;
  bool remove_orphans = false;
  int timeout_s = 10;
  int parallel = 4;
  std::string progress = "auto";
};

int RunDown(const GlobalOptions& global, const DownFlags& o, CommandResult& result) {
  EngineSession session;
  if (!session.Load(global, {}, result)) return 2;
  if (!session.Connect()) return 2;
  backends::docker::CompileOptions compile;
  compile.api_minor = session.engine->minor();
  // Keys the backend rejects do not keep `down` from removing what exists.
  session.CompileOffline(compile, global, /*report=*/false);
  std::string error;
  if (!runner::Observe(*session.engine, session.desired, &session.observed, &error)) {
    fmt::print(stderr, "error: {}\n", error);
    return 2;
  }
  backends::docker::DownOptions options;
  options.volumes = o.volumes;
  options.remove_orphans = o.remove_orphans;
  options.timeout_s = o.timeout_s;
  const backends::docker::Plan plan =
      backends::docker::PlanDown(session.desired, session.observed, options);
  InstallInterruptHandler();
  if (!session.OpenWorkers(o.parallel, runner::EngineExecutor::kDefaultHookTimeoutS,
                           Interrupted())) {
    return 2;
  }
  runner::RealClock clock;
  std::unique_ptr<runner::Progress> progress = MakeProgress(o.progress);
  if (!progress) return 2;
  const runner::ApplyResult applied =
      runner::Execute(plan, session.executors(), *progress, Interrupted(), clock);
  if (!applied.ok) {
    fmt::print(stderr, "error: {}\n", applied.message);
    return applied.interrupted ? 130 : 1;
  }
  return 0;
}

}  // namespace

void AddDownCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<DownFlags>();
  CLI::App* cmd =
      app.add_subcommand("down", "Stop and remove the project's containers and networks");
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_flag("-v,--volumes", o->volumes, "Also remove the project's named volumes");
    c.add_flag("--remove-orphans", o->remove_orphans,
               "Also remove containers of services that are not in the project");
    c.add_option("-t,--timeout", o->timeout_s, "Seconds to wait for a container to stop");
    c.add_option("--parallel", o->parallel, "Engine calls in flight at once (default 4)")
        ->check(CLI::Range(1, 64));
    AddProgressOption(&c, &o->progress);
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunDown(global, *o, *result); });
}

}  // namespace stackc::cli
