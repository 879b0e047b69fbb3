// The Docker Engine plan: a DAG of steps, each one Engine API call with the reason it is needed.
//
// PlanApply diffs what the project wants (DesiredState) against what the Engine holds
// (ObservedState) and orders the steps by the dependency graph: networks and volumes first,
// then each service's containers in start waves, waiting for depends_on conditions. Resources are
// compared by their config-hash label only, so an unchanged project plans nothing. PlanDown
// removes what carries our project label, dependents first. Both are pure and deterministic: the
// same inputs give the same plan, byte for byte.
//
// Example (a fresh three-tier project "shop"):
//   Plan plan = PlanApply(desired, ObservedState{}, PlanOptions{});
//   RenderText(plan) ==
//     "[1] create network 'shop_appdb' (missing)\n"
//     ...
//     "[9] start container 'shop-web-1' (missing) after 7, 8\n"
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backends/docker/state.h"

namespace stackc::backends::docker {

enum class StepKind {
  kCreateNetwork,
  kRemoveNetwork,
  kCreateVolume,
  kRemoveVolume,
  kBuildImage,  // the service's image is missing and it has `build:`
  kCreateContainer,
  kConnectNetwork,
  kCopyFiles,  // secrets and configs copied in as an archive, before start
  kStartContainer,
  kStopContainer,
  kRemoveContainer,
  kWaitHealthy,    // until the container's healthcheck reports healthy
  kWaitCompleted,  // until the container exits with 0
  kWaitRunning,    // until the container runs (--wait, services without healthcheck)
  kRunHook,        // a post_start or pre_stop hook: exec in the container, must exit 0
};

// "create network", "start container", ...
const char* StepKindName(StepKind kind);

struct Step {
  int id = 0;  // 1-based, in plan order (a topological order)
  StepKind kind = StepKind::kCreateContainer;
  std::string resource;    // the network, volume or container name
  std::string service;     // for container steps
  std::string reason;      // why the step is needed
  std::vector<int> after;  // steps that must finish first
  nlohmann::json body;     // the request body (create, connect); never printed
  std::string id_ref;      // the Engine ID of an existing resource acted upon
  std::string network;     // kConnectNetwork: the network joined
  bool required = true;    // a failed wait of a `required: false` dependency only warns
  int timeout_s = 10;      // kStopContainer: seconds before SIGKILL
  // kStartContainer: the container publishes ports on the host. Such starts run one at a time, as
  // Docker Compose runs every start, so the Engine does not race when it picks ports from ranges;
  // other starts run in parallel.
  bool publishes = false;
};

struct Plan {
  std::vector<Step> steps;
  std::vector<std::string> warnings;  // things the user should know; nothing is done about them
  std::vector<std::string> errors;    // reasons the plan cannot be applied

  bool empty() const { return steps.empty(); }
};

struct PlanOptions {
  std::vector<std::string> services;  // only these and their dependencies; empty: all
  bool force_recreate = false;
  bool no_recreate = false;
  bool remove_orphans = false;
  bool wait = false;  // wait for started containers, and any not healthy yet, to be healthy/running
  int timeout_s = 10;
};

Plan PlanApply(const DesiredState& desired, const ObservedState& observed,
               const PlanOptions& options);

struct DownOptions {
  bool volumes = false;         // also remove the project's named volumes
  bool remove_orphans = false;  // also remove containers of services not in the project
  int timeout_s = 10;
};

Plan PlanDown(const DesiredState& desired, const ObservedState& observed,
              const DownOptions& options);

// "[1] create network 'shop_default' (missing)\n..."; "no changes\n" for an empty plan.
std::string RenderText(const Plan& plan);
// {"version":1,"steps":[{"id":1,"action":"create network","resource":...}]} (no request bodies).
std::string RenderJson(const Plan& plan, const std::string& project);

}  // namespace stackc::backends::docker
