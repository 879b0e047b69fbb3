// Reads what the Engine holds for a project: containers, networks and volumes by our project
// label, the networks and volumes the project names, and the IDs of the images it runs.
//
// Example:
//   ObservedState now;
//   std::string error;
//   if (!Observe(engine, desired, &now, &error)) return Fail(error);
//   now.containers[0].hash  // the io.stackc.config-hash label of shop-web-1
#pragma once

#include <map>
#include <set>
#include <string>

#include "backends/docker/state.h"
#include "runner/engine_client.h"

namespace stackc::runner {

bool Observe(EngineClient& engine, const backends::docker::DesiredState& desired,
             backends::docker::ObservedState* out, std::string* error);

// Which of `images` are present: reference -> ID.
bool ObserveImages(EngineClient& engine, const std::set<std::string>& images,
                   std::map<std::string, std::string>* out, std::string* error);

}  // namespace stackc::runner
