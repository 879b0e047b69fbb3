// What the Docker Engine should hold for a project (DesiredState, compiled from the IR) and what it
// holds now (ObservedState, read by the runner through our labels).
//
// Every resource carries the Engine API request that creates it and the configuration hash stored
// in its `io.stackc.config-hash` label; the plan compares hashes, never live settings, so a second
// apply of an unchanged project finds nothing to do.
//
// Example (three-tier, project "shop"):
//   desired.networks[0].name == "shop_appdb"; desired.services[0].containers[0].name ==
//   "shop-app-1"; observed.containers[0].hash == desired.services[0].hash when unchanged
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ir/source.h"

namespace stackc::backends::docker {

// Labels, as Docker Compose and ARCHITECTURE.md name them.
inline constexpr char kProjectLabel[] = "io.stackc.project";
inline constexpr char kServiceLabel[] = "io.stackc.service";
inline constexpr char kNumberLabel[] = "io.stackc.container-number";
inline constexpr char kHashLabel[] = "io.stackc.config-hash";
inline constexpr char kNetworkLabel[] = "io.stackc.network";
inline constexpr char kVolumeLabel[] = "io.stackc.volume";
inline constexpr char kComposeProjectLabel[] = "com.docker.compose.project";
inline constexpr char kComposeServiceLabel[] = "com.docker.compose.service";
inline constexpr char kComposeNumberLabel[] = "com.docker.compose.container-number";
inline constexpr char kComposeOneoffLabel[] = "com.docker.compose.oneoff";
// Holds stackc's hash: Docker Compose lists (`ps`, `logs`, `down`) only containers that carry it.
inline constexpr char kComposeHashLabel[] = "com.docker.compose.config-hash";
inline constexpr char kComposeNetworkLabel[] = "com.docker.compose.network";
inline constexpr char kComposeVolumeLabel[] = "com.docker.compose.volume";

struct DesiredNetwork {
  std::string key;   // as in the compose file
  std::string name;  // the Engine's name
  bool external = false;
  nlohmann::json create;  // POST /networks/create body, labels and hash included
  std::string hash;
};

struct DesiredVolume {
  std::string key;
  std::string name;
  bool external = false;
  nlohmann::json create;  // POST /volumes/create body
  std::string hash;
};

struct DesiredContainer {
  std::string name;  // <project>-<service>-<n>, or container_name
  int number = 1;
  nlohmann::json create;  // POST /containers/create body
  // Networks joined after create, before start (API below 1.44 takes one network at create).
  std::vector<std::pair<std::string, nlohmann::json>> connect;  // network name, EndpointConfig
  // Files copied in before start (secrets and configs from the environment or inline content):
  // [{"path", "content", "mode", "uid", "gid"}]. Holds secret values: never printed.
  nlohmann::json inject = nlohmann::json::array();
};

struct DesiredDependency {
  std::string service;
  enum class Condition { kStarted, kHealthy, kCompletedSuccessfully } condition;
  bool required = true;
  bool restart = false;
};

// A lifecycle hook: a command run in a container (`post_start` right after the container starts,
// `pre_stop` right before it is stopped), as the body of the Engine's exec create call.
struct DesiredHook {
  nlohmann::json exec;  // {"Cmd": [...], "User", "Privileged", "WorkingDir", "Env"}; never printed
};

struct DesiredService {
  std::string name;
  std::string image;  // the image reference the containers run
  bool has_build = false;
  // For a service with `build:`: {"context", "dockerfile", "args": {...}, "target"}.
  nlohmann::json build;
  bool has_healthcheck = false;
  std::string hash;  // of the container template, the image ID and the files it reads
  std::vector<DesiredContainer> containers;  // by number
  std::vector<DesiredDependency> depends_on;
  std::vector<std::string> networks;  // Engine names of the networks it joins
  std::vector<std::string> volumes;   // Engine names of the named volumes it mounts
  std::string network_mode_service;   // network_mode: service:x -> x
  std::vector<DesiredHook> post_start;
  std::vector<DesiredHook> pre_stop;
  ir::Span span;
};

struct DesiredState {
  std::string project;
  std::vector<DesiredNetwork> networks;         // sorted by name
  std::vector<DesiredVolume> volumes;           // sorted by name
  std::vector<DesiredService> services;         // sorted by name
  std::vector<std::vector<std::string>> waves;  // start order, from passes::DependencyOrder
};

struct ObservedContainer {
  std::string id;
  std::string name;
  std::string service;
  int number = 0;
  std::string hash;
  std::string state;   // created, running, exited, ...
  std::string health;  // starting, healthy or unhealthy; empty without a healthcheck
  int exit_code = 0;
  std::string image_id;
  std::vector<std::string> networks;  // names
};

struct ObservedNetwork {
  std::string id;
  std::string name;
  std::string key;
  std::string hash;
  bool ours = false;  // carries our project label
};

struct ObservedVolume {
  std::string name;
  std::string key;
  std::string hash;
  bool ours = false;
};

struct ObservedState {
  std::vector<ObservedContainer> containers;  // every container with our project label
  std::vector<ObservedNetwork> networks;      // ours, and any the project names
  std::vector<ObservedVolume> volumes;        // ours, and any the project names
  std::map<std::string, std::string> images;  // reference -> image ID, for the images present
};

}  // namespace stackc::backends::docker
