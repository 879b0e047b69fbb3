#include "runner/observe.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace stackc::runner {
namespace {

namespace docker = backends::docker;
using nlohmann::json;

std::string Label(const json& labels, const char* key) {
  if (!labels.is_object()) return "";
  auto it = labels.find(key);
  return it != labels.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

bool Failed(const ApiResult& r, const char* what, std::string* error) {
  if (r.ok()) return false;
  *error = fmt::format("cannot list {}: {}", what, r.message);
  return true;
}

}  // namespace

bool ObserveImages(EngineClient& engine, const std::set<std::string>& images,
                   std::map<std::string, std::string>* out, std::string* error) {
  for (const std::string& image : images) {
    ApiResult r = engine.Call("GET", fmt::format("/images/{}/json", image));
    if (r.error == ApiError::kNotFound) continue;
    if (!r.ok()) {
      *error = fmt::format("cannot inspect image {}: {}", image, r.message);
      return false;
    }
    (*out)[image] = Str(r.body, "Id");
  }
  return true;
}

bool Observe(EngineClient& engine, const docker::DesiredState& desired, docker::ObservedState* out,
             std::string* error) {
  const std::string ours = std::string(docker::kProjectLabel) + "=" + desired.project;
  const std::string filter = FiltersQuery({{"label", {ours}}});

  ApiResult r = engine.Call("GET", "/containers/json?all=1&filters=" + filter);
  if (Failed(r, "containers", error)) return false;
  for (const json& c : r.body) {
    docker::ObservedContainer oc;
    oc.id = Str(c, "Id");
    if (c.contains("Names") && c["Names"].is_array() && !c["Names"].empty()) {
      oc.name = c["Names"][0].get<std::string>();
      if (oc.name.starts_with("/")) oc.name.erase(0, 1);
    }
    const json& labels = c.value("Labels", json::object());
    oc.service = Label(labels, docker::kServiceLabel);
    oc.number = std::atoi(Label(labels, docker::kNumberLabel).c_str());
    oc.hash = Label(labels, docker::kHashLabel);
    oc.state = Str(c, "State");
    oc.image_id = Str(c, "ImageID");
    if (c.contains("NetworkSettings") && c["NetworkSettings"].contains("Networks")) {
      for (const auto& [name, _] : c["NetworkSettings"]["Networks"].items()) {
        oc.networks.push_back(name);
      }
    }
    // The summary has the exit code and the health only in its status text: "Exited (0) 2
    // seconds ago", "Up 5 seconds (health: starting)", "Up 2 minutes (unhealthy)".
    const std::string status = Str(c, "Status");
    if (oc.state == "exited") {
      const size_t open = status.find('(');
      if (open != std::string::npos) oc.exit_code = std::atoi(status.c_str() + open + 1);
    } else if (status.ends_with("(health: starting)")) {
      oc.health = "starting";
    } else if (status.ends_with("(unhealthy)")) {
      oc.health = "unhealthy";
    } else if (status.ends_with("(healthy)")) {
      oc.health = "healthy";
    }
    out->containers.push_back(std::move(oc));
  }
  std::sort(out->containers.begin(), out->containers.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });

  std::set<std::string> wanted;
  for (const docker::DesiredNetwork& n : desired.networks) wanted.insert(n.name);
  r = engine.Call("GET", "/networks");
  if (Failed(r, "networks", error)) return false;
  for (const json& n : r.body) {
    docker::ObservedNetwork on;
    on.id = Str(n, "Id");
    on.name = Str(n, "Name");
    const json& labels = n.value("Labels", json::object());
    on.ours = Label(labels, docker::kProjectLabel) == desired.project;
    if (!on.ours && !wanted.count(on.name)) continue;
    on.key = Label(labels, docker::kNetworkLabel);
    on.hash = Label(labels, docker::kHashLabel);
    out->networks.push_back(std::move(on));
  }
  std::sort(out->networks.begin(), out->networks.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });

  std::set<std::string> wanted_volumes;
  for (const docker::DesiredVolume& v : desired.volumes) wanted_volumes.insert(v.name);
  r = engine.Call("GET", "/volumes");
  if (Failed(r, "volumes", error)) return false;
  if (r.body.contains("Volumes") && r.body["Volumes"].is_array()) {
    for (const json& v : r.body["Volumes"]) {
      docker::ObservedVolume ov;
      ov.name = Str(v, "Name");
      const json& labels = v.value("Labels", json::object());
      ov.ours = Label(labels, docker::kProjectLabel) == desired.project;
      if (!ov.ours && !wanted_volumes.count(ov.name)) continue;
      ov.key = Label(labels, docker::kVolumeLabel);
      ov.hash = Label(labels, docker::kHashLabel);
      out->volumes.push_back(std::move(ov));
    }
  }
  std::sort(out->volumes.begin(), out->volumes.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  std::set<std::string> images;
  for (const docker::DesiredService& s : desired.services) images.insert(s.image);
  return ObserveImages(engine, images, &out->images, error);
}

}  // namespace stackc::runner
