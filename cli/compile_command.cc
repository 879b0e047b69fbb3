// stackc compile --target docker: the plan against an empty Engine, without talking to one.
#include <cstdio>

#include <fmt/format.h>

#include "backends/docker/plan.h"
#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "cli/output.h"

namespace stackc::cli {
namespace {

struct CompileFlags {
  std::string target;
  std::string format = "text";
  std::string output;
  std::vector<std::string> scale;
};

int RunCompile(const GlobalOptions& global, const CompileFlags& o, CommandResult& result) {
  if (o.target != "docker") {
    fmt::print(stderr,
               "error: target '{}' is not available yet; the targets are: docker (swarm, k8s and "
               "marathon are planned)\n",
               o.target);
    return 2;
  }
  if (o.format != "text" && o.format != "json") {
    fmt::print(stderr, "error: unsupported format \"{}\"\n", o.format);
    return 2;
  }
  backends::docker::CompileOptions compile;
  std::string error;
  if (!ParseScale(o.scale, &compile.scale, &error)) {
    fmt::print(stderr, "error: {}\n", error);
    return 2;
  }
  EngineSession session;
  if (!session.Load(global, {}, result)) return 2;
  if (!session.CompileOffline(compile, global)) return 2;
  const backends::docker::Plan plan = backends::docker::PlanApply(
      session.desired, backends::docker::ObservedState{}, backends::docker::PlanOptions{});
  // Against an empty Engine, external networks and volumes are missing by definition.
  for (const std::string& w : plan.warnings) fmt::print(stderr, "warning: {}\n", w);
  const std::string out = o.format == "json"
                              ? backends::docker::RenderJson(plan, session.desired.project)
                              : backends::docker::RenderText(plan);
  return WriteOutput(o.output, out) ? 0 : 2;
}

}  // namespace

void AddCompileCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<CompileFlags>();
  CLI::App* cmd = app.add_subcommand(
      "compile",
      "Compile the project for a target without touching it (the plan for an empty "
      "Docker Engine)");
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_option("--target", o->target, "docker")->required();
    c.add_option("--format", o->format, "Output format: text or json");
    c.add_option("--scale", o->scale, "Run N containers of a service: SERVICE=N (repeatable)");
    c.add_option("-o,--output", o->output, "Write to this file instead of standard output");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunCompile(global, *o, *result); });
}

}  // namespace stackc::cli
