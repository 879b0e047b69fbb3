#include "cli/apply_options.h"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <unistd.h>

#include "runner/tty_progress.h"

namespace stackc::cli {

backends::docker::PlanOptions ApplyOptions::ToPlanOptions() const {
  backends::docker::PlanOptions p;
  p.services = services;
  p.force_recreate = force_recreate;
  p.no_recreate = no_recreate;
  p.remove_orphans = remove_orphans;
  p.wait = wait;
  p.timeout_s = timeout_s;
  return p;
}

void AddApplyOptions(CLI::App* cmd, ApplyOptions* o) {
  cmd->add_option("--scale", o->scale, "Run N containers of a service: SERVICE=N (repeatable)");
  cmd->add_flag("--force-recreate", o->force_recreate,
                "Recreate containers even if their configuration is unchanged");
  cmd->add_flag("--no-recreate", o->no_recreate,
                "Never recreate existing containers, even if their configuration changed");
  cmd->add_flag("--remove-orphans", o->remove_orphans,
                "Remove containers of services that are not in the project");
  cmd->add_option("-t,--timeout", o->timeout_s, "Seconds to wait for a container to stop");
  cmd->add_option("--parallel", o->parallel, "Engine calls in flight at once (default 4)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("services", o->services, "Services to apply (with their dependencies)");
}

int PlanAgainstEngine(const GlobalOptions& global, const ApplyOptions& o, CommandResult& result,
                      EngineSession* session, backends::docker::Plan* plan) {
  backends::docker::CompileOptions compile;
  std::string error;
  if (!ParseScale(o.scale, &compile.scale, &error)) {
    fmt::print(stderr, "error: {}\n", error);
    return 2;
  }
  if (!session->Load(global, {}, result)) return 2;
  if (!session->Connect()) return 2;
  if (!session->CompileAndObserve(compile, global)) return 2;
  const backends::docker::PlanOptions options = o.ToPlanOptions();
  if (!CheckImages(session->desired, session->observed, options)) return 1;
  *plan = backends::docker::PlanApply(session->desired, session->observed, options);
  return 0;
}

std::unique_ptr<runner::Progress> MakeProgress(const std::string& mode) {
  const char* term = std::getenv("TERM");
  const bool tty = mode == "tty" || (mode == "auto" && isatty(fileno(stderr)) &&
                                     !(term != nullptr && std::string_view(term) == "dumb"));
  if (mode != "auto" && mode != "tty" && mode != "plain") {
    fmt::print(stderr, "error: unsupported progress \"{}\": auto, tty or plain\n", mode);
    return nullptr;
  }
  if (tty) return std::make_unique<runner::TtyProgress>(stderr);
  return std::make_unique<runner::PlainProgress>(stderr);
}

void AddProgressOption(CLI::App* cmd, std::string* mode) {
  cmd->add_option("--progress", *mode,
                  "Progress display: auto (tty on a terminal), tty (lines redrawn in place) or "
                  "plain (a line per step)");
}

bool CheckImages(const backends::docker::DesiredState& desired,
                 const backends::docker::ObservedState& observed,
                 const backends::docker::PlanOptions& options) {
  const std::set<std::string> only(options.services.begin(), options.services.end());
  bool ok = true;
  for (const backends::docker::DesiredService& s : desired.services) {
    if (!only.empty() && !only.count(s.name)) continue;
    if (observed.images.count(s.image) || s.has_build) continue;  // present, or built by the plan
    ok = false;
    fmt::print(stderr,
               "error: service '{}': image '{}' is not in the Engine and stackc does not pull "
               "images; pull, load or build it first, or give the service a `build:`\n",
               s.name, s.image);
  }
  return ok;
}

bool ReportPlanProblems(const backends::docker::Plan& plan) {
  for (const std::string& w : plan.warnings) fmt::print(stderr, "warning: {}\n", w);
  for (const std::string& e : plan.errors) fmt::print(stderr, "error: {}\n", e);
  return plan.errors.empty();
}

}  // namespace stackc::cli
