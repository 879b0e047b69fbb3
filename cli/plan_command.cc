// stackc plan: what `apply` would do to the Engine, step by step, with the reason for each.
#include <fmt/format.h>

#include "backends/docker/plan.h"
#include "cli/apply_options.h"
#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"

namespace stackc::cli {
namespace {

int RunPlan(const GlobalOptions& global, const ApplyOptions& o, CommandResult& result) {
  if (o.format != "text" && o.format != "json") {
    fmt::print(stderr, "error: unsupported format \"{}\"\n", o.format);
    return 2;
  }
  EngineSession session;
  backends::docker::Plan plan;
  if (const int rc = PlanAgainstEngine(global, o, result, &session, &plan); rc != 0) return rc;
  const bool ok = ReportPlanProblems(plan);
  const std::string out = o.format == "json"
                              ? backends::docker::RenderJson(plan, session.desired.project)
                              : backends::docker::RenderText(plan);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return ok ? 0 : 1;
}

}  // namespace

void AddPlanCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<ApplyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plan", "Print what apply would do to the Docker Engine, with the reason for each step");
  DeferOptions(cmd, [o](CLI::App& c) {
    AddApplyOptions(&c, o.get());
    c.add_flag("--wait", o->wait, "Plan waiting for services to be running or healthy");
    c.add_option("--format", o->format, "Output format: text or json");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunPlan(global, *o, *result); });
}

}  // namespace stackc::cli
