#include "backends/docker/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace stackc::backends::docker {
namespace {

class Planner {
 public:
  Planner(const DesiredState& d, const ObservedState& o) : d_(d), o_(o) {}

  int Add(StepKind kind, std::string resource, std::string reason, std::vector<int> after = {}) {
    Step s;
    s.id = static_cast<int>(plan_.steps.size()) + 1;
    s.kind = kind;
    s.resource = std::move(resource);
    s.reason = std::move(reason);
    after.erase(std::remove(after.begin(), after.end(), 0), after.end());
    std::sort(after.begin(), after.end());
    after.erase(std::unique(after.begin(), after.end()), after.end());
    s.after = std::move(after);
    plan_.steps.push_back(std::move(s));
    return plan_.steps.back().id;
  }
  Step& Last() { return plan_.steps.back(); }
  Step& At(int id) { return plan_.steps[static_cast<size_t>(id - 1)]; }

  const DesiredService* FindService(const std::string& name) const {
    for (const DesiredService& s : d_.services) {
      if (s.name == name) return &s;
    }
    return nullptr;
  }

  std::vector<const ObservedContainer*> ContainersOf(const std::string& service) const {
    std::vector<const ObservedContainer*> out;
    for (const ObservedContainer& c : o_.containers) {
      if (c.service == service) out.push_back(&c);
    }
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
      return std::tie(a->number, a->name) < std::tie(b->number, b->name);
    });
    return out;
  }

  // Services in start order: the waves, then anything the waves left out, by name.
  std::vector<std::string> StartOrder() const {
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const auto& wave : d_.waves) {
      for (const std::string& s : wave) {
        if (seen.insert(s).second) order.push_back(s);
      }
    }
    for (const DesiredService& s : d_.services) {
      if (seen.insert(s.name).second) order.push_back(s.name);
    }
    return order;
  }

  // Stops (when running) and removes an existing container; returns the removal step.
  // Runs the hooks one after the other in container `name` (Engine ID `id`, or empty for one this
  // plan creates), after the steps `after`; returns what comes next must wait for: the last hook,
  // or `after` itself when there are none. A failed pre_stop hook only warns: the stop goes on.
  std::vector<int> Hooks(const std::vector<DesiredHook>& hooks, std::string_view which,
                         const std::string& name, const std::string& service, const std::string& id,
                         std::vector<int> after) {
    for (size_t i = 0; i < hooks.size(); ++i) {
      const int hook =
          Add(StepKind::kRunHook, name, fmt::format("{} hook {}", which, i + 1), after);
      Last().service = service;
      Last().id_ref = id;
      Last().body = hooks[i].exec;
      Last().required = which != "pre_stop";
      after = {hook};
    }
    return after;
  }

  int StopAndRemove(const ObservedContainer& c, const std::string& reason, int timeout_s,
                    std::vector<int> after = {}) {
    int stop = 0;
    if (c.state == "running" || c.state == "restarting" || c.state == "paused") {
      // pre_stop hooks run in the container first, as Docker Compose runs them before a stop.
      if (const DesiredService* s = FindService(c.service); s && c.state == "running") {
        after = Hooks(s->pre_stop, "pre_stop", c.name, c.service, c.id, after);
      }
      stop = Add(StepKind::kStopContainer, c.name, reason, after);
      Last().service = c.service;
      Last().id_ref = c.id;
      Last().timeout_s = timeout_s;
    }
    std::vector<int> remove_after = after;
    remove_after.push_back(stop);
    const int remove = Add(StepKind::kRemoveContainer, c.name, reason, remove_after);
    Last().service = c.service;
    Last().id_ref = c.id;
    return remove;
  }

  Plan TakePlan() { return std::move(plan_); }
  Plan& plan() { return plan_; }

 private:
  const DesiredState& d_;
  const ObservedState& o_;
  Plan plan_;
};

const ObservedNetwork* FindObservedNetwork(const ObservedState& o, const std::string& name) {
  for (const ObservedNetwork& n : o.networks) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

const ObservedVolume* FindObservedVolume(const ObservedState& o, const std::string& name) {
  for (const ObservedVolume& v : o.volumes) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

// The selected services and everything they depend on.
std::set<std::string> Selection(const DesiredState& d, const std::vector<std::string>& roots) {
  std::set<std::string> out;
  if (roots.empty()) {
    for (const DesiredService& s : d.services) out.insert(s.name);
    return out;
  }
  std::vector<std::string> pending = roots;
  while (!pending.empty()) {
    const std::string name = pending.back();
    pending.pop_back();
    if (!out.insert(name).second) continue;
    for (const DesiredService& s : d.services) {
      if (s.name != name) continue;
      for (const DesiredDependency& dep : s.depends_on) pending.push_back(dep.service);
      if (!s.network_mode_service.empty()) pending.push_back(s.network_mode_service);
    }
  }
  return out;
}

}  // namespace

const char* StepKindName(StepKind kind) {
  switch (kind) {
    case StepKind::kCreateNetwork:
      return "create network";
    case StepKind::kRemoveNetwork:
      return "remove network";
    case StepKind::kCreateVolume:
      return "create volume";
    case StepKind::kRemoveVolume:
      return "remove volume";
    case StepKind::kBuildImage:
      return "build image";
    case StepKind::kCreateContainer:
      return "create container";
    case StepKind::kConnectNetwork:
      return "connect container";
    case StepKind::kCopyFiles:
      return "copy files into container";
    case StepKind::kStartContainer:
      return "start container";
    case StepKind::kStopContainer:
      return "stop container";
    case StepKind::kRemoveContainer:
      return "remove container";
    case StepKind::kRunHook:
      return "run hook in";
    case StepKind::kWaitHealthy:
      return "wait healthy";
    case StepKind::kWaitCompleted:
      return "wait completed";
    case StepKind::kWaitRunning:
      return "wait running";
  }
  return "unknown";
}

namespace {

// Whether the service's containers publish ports on the host.
bool Publishes(const DesiredService& s) {
  for (const DesiredContainer& c : s.containers) {
    const auto host = c.create.find("HostConfig");
    if (host != c.create.end() && host->contains("PortBindings")) return true;
  }
  return false;
}

}  // namespace

Plan PlanApply(const DesiredState& d, const ObservedState& o, const PlanOptions& options) {
  Planner p(d, o);
  const std::set<std::string> selected = Selection(d, options.services);
  for (const std::string& s : options.services) {
    if (!p.FindService(s)) p.plan().errors.push_back(fmt::format("no such service: {}", s));
  }

  // Networks whose configuration changed are removed and created again, after the containers on
  // them are removed; those containers are then created again below.
  std::map<std::string, int> network_ready;            // network name -> the step that creates it
  std::map<std::string, std::string> recreate_reason;  // container name -> why
  std::map<std::string, int> removed;                  // container name -> its removal step
  std::vector<const DesiredNetwork*> changed_networks;
  for (const DesiredNetwork& n : d.networks) {
    const ObservedNetwork* obs = FindObservedNetwork(o, n.name);
    if (n.external) {
      if (!obs) {
        p.plan().errors.push_back(
            fmt::format("network {} declared as external, but could not be found", n.name));
      }
      continue;
    }
    if (obs && !obs->ours) {
      p.plan().warnings.push_back(fmt::format(
          "a network with name {} exists but was not created by stackc; it is used as it is; set "
          "`external: true` to use an existing network",
          n.name));
      continue;
    }
    if (obs && obs->hash != n.hash) changed_networks.push_back(&n);
  }
  for (const DesiredNetwork* n : changed_networks) {
    const std::string reason = fmt::format("network '{}' changed", n->name);
    std::vector<int> removals;
    for (const ObservedContainer& c : o.containers) {
      if (std::find(c.networks.begin(), c.networks.end(), n->name) == c.networks.end()) continue;
      if (removed.count(c.name)) {
        removals.push_back(removed[c.name]);
        continue;
      }
      removed[c.name] = p.StopAndRemove(c, reason, options.timeout_s);
      recreate_reason[c.name] = reason;
      removals.push_back(removed[c.name]);
    }
    const ObservedNetwork* obs = FindObservedNetwork(o, n->name);
    const int rm = p.Add(StepKind::kRemoveNetwork, n->name, "configuration changed", removals);
    p.Last().id_ref = obs->id;
    network_ready[n->name] =
        p.Add(StepKind::kCreateNetwork, n->name, "configuration changed", {rm});
    p.Last().body = n->create;
  }
  for (const DesiredNetwork& n : d.networks) {
    if (n.external || FindObservedNetwork(o, n.name)) continue;
    network_ready[n.name] = p.Add(StepKind::kCreateNetwork, n.name, "missing");
    p.Last().body = n.create;
  }

  std::map<std::string, int> volume_ready;
  for (const DesiredVolume& v : d.volumes) {
    const ObservedVolume* obs = FindObservedVolume(o, v.name);
    if (v.external) {
      if (!obs) {
        p.plan().errors.push_back(
            fmt::format("volume {} declared as external, but could not be found", v.name));
      }
      continue;
    }
    if (obs) {
      if (obs->ours && obs->hash != v.hash) {
        p.plan().warnings.push_back(fmt::format(
            "volume {} exists with another configuration; stackc never recreates a volume (its "
            "data would be lost): remove it with `stackc down --volumes` to apply the change",
            v.name));
      }
      continue;
    }
    volume_ready[v.name] = p.Add(StepKind::kCreateVolume, v.name, "missing");
    p.Last().body = v.create;
  }

  // Which services are waited for as completed: their exited-with-0 containers stay as they are.
  std::set<std::string> run_once;
  for (const DesiredService& s : d.services) {
    for (const DesiredDependency& dep : s.depends_on) {
      if (dep.condition == DesiredDependency::Condition::kCompletedSuccessfully)
        run_once.insert(dep.service);
    }
  }

  std::map<std::string, std::vector<int>> started;    // service -> its start steps
  std::map<std::string, std::vector<int>> healthy;    // service -> its wait-healthy steps
  std::map<std::string, std::vector<int>> completed;  // service -> its wait-completed steps
  std::map<std::string, std::vector<std::pair<std::string, int>>> start_of;  // container starts
  std::map<std::string, std::vector<int>> created;  // service -> its containers' last create steps
  std::set<std::string> recreated_services;
  std::vector<const ObservedContainer*> not_healthy;  // running and up to date, but not healthy
  std::set<std::string> waited_healthy;  // containers a required dependency waits healthy for

  for (const std::string& name : p.StartOrder()) {
    if (!selected.count(name)) continue;
    const DesiredService* s = p.FindService(name);
    if (!s) continue;
    const std::vector<const ObservedContainer*> existing = p.ContainersOf(name);

    // What the containers' start waits for.
    std::vector<int> wait_for;
    for (const DesiredDependency& dep : s->depends_on) {
      const DesiredService* ds = p.FindService(dep.service);
      if (!ds) continue;
      switch (dep.condition) {
        case DesiredDependency::Condition::kStarted:
          for (int id : started[dep.service]) wait_for.push_back(id);
          break;
        case DesiredDependency::Condition::kHealthy:
        case DesiredDependency::Condition::kCompletedSuccessfully: {
          const bool health = dep.condition == DesiredDependency::Condition::kHealthy;
          auto& waits = health ? healthy[dep.service] : completed[dep.service];
          if (waits.empty()) {
            for (const auto& [container, start] : start_of[dep.service]) {
              waits.push_back(
                  p.Add(health ? StepKind::kWaitHealthy : StepKind::kWaitCompleted, container,
                        fmt::format("'{}' depends on it ({})", name,
                                    health ? "service_healthy" : "service_completed_successfully"),
                        {start}));
              p.Last().service = dep.service;
              p.Last().required = dep.required;
              if (health && dep.required) waited_healthy.insert(container);
            }
          }
          // One wait serves every dependent; it is required as soon as one of them requires it
          // (an optional dependent must not make the dependency optional for the others).
          if (dep.required) {
            for (int id : waits) {
              p.At(id).required = true;
              if (health) waited_healthy.insert(p.At(id).resource);
            }
          }
          for (int id : waits) wait_for.push_back(id);
          break;
        }
      }
    }
    if (!s->network_mode_service.empty()) {
      for (int id : started[s->network_mode_service]) wait_for.push_back(id);
    }

    int built = 0;  // the build step, when the image is missing and can be built
    if (s->has_build && !o.images.count(s->image)) {
      built = p.Add(StepKind::kBuildImage, s->image, "missing");
      p.Last().service = name;
      p.Last().body = s->build;
    }

    const int replicas = static_cast<int>(s->containers.size());
    for (const DesiredContainer& c : s->containers) {
      const ObservedContainer* obs = nullptr;
      for (const ObservedContainer* e : existing) {
        if (e->number == c.number && !obs) obs = e;
      }
      if (obs && removed.count(obs->name)) obs = nullptr;  // removed with its network
      std::string reason;
      std::vector<int> create_after;
      if (!obs) {
        reason = recreate_reason.count(c.name) ? recreate_reason[c.name] : "missing";
        if (removed.count(c.name)) create_after.push_back(removed[c.name]);
      } else if (!options.no_recreate && (options.force_recreate || obs->hash != s->hash)) {
        reason = options.force_recreate ? "--force-recreate" : "configuration changed";
        create_after.push_back(p.StopAndRemove(*obs, reason, options.timeout_s));
      } else if (obs->state != "running") {
        if (obs->state == "exited" && obs->exit_code == 0 && run_once.count(name)) continue;
        int start = p.Add(StepKind::kStartContainer, c.name,
                          fmt::format("not running ({})", obs->state), wait_for);
        p.Last().service = name;
        p.Last().publishes = Publishes(*s);
        p.Last().id_ref = obs->id;
        start = p.Hooks(s->post_start, "post_start", c.name, name, obs->id, {start}).back();
        started[name].push_back(start);
        start_of[name].emplace_back(c.name, start);
        continue;
      } else {
        // Up to date; with --wait, one that is not healthy yet is waited for all the same.
        if (s->has_healthcheck && obs->health != "healthy") not_healthy.push_back(obs);
        continue;
      }
      recreated_services.insert(name);
      for (const std::string& n : s->networks) {
        if (network_ready.count(n)) create_after.push_back(network_ready[n]);
      }
      for (const std::string& v : s->volumes) {
        if (volume_ready.count(v)) create_after.push_back(volume_ready[v]);
      }
      // As Docker Compose does, a service's containers are created once its dependencies'
      // containers are (links, volumes_from and network_mode: service:x need the other container
      // to exist); only the starts wait for the dependencies' conditions, so creating overlaps
      // with waiting for health.
      for (const DesiredDependency& dep : s->depends_on) {
        const auto it = created.find(dep.service);
        if (it != created.end())
          create_after.insert(create_after.end(), it->second.begin(), it->second.end());
      }
      create_after.push_back(built);
      int last = p.Add(StepKind::kCreateContainer, c.name, reason, create_after);
      p.Last().service = name;
      p.Last().body = c.create;
      for (const auto& [network, endpoint] : c.connect) {
        last = p.Add(StepKind::kConnectNetwork, c.name, reason, {last});
        p.Last().service = name;
        p.Last().network = network;
        p.Last().body = endpoint;
      }
      if (!c.inject.empty()) {
        last = p.Add(StepKind::kCopyFiles, c.name, reason, {last});
        p.Last().service = name;
        p.Last().body = c.inject;
      }
      created[name].push_back(last);
      std::vector<int> start_after = wait_for;
      start_after.push_back(last);
      int start = p.Add(StepKind::kStartContainer, c.name, reason, start_after);
      p.Last().service = name;
      p.Last().publishes = Publishes(*s);
      // Dependents start once the post_start hooks ran, as in Docker Compose.
      start = p.Hooks(s->post_start, "post_start", c.name, name, "", {start}).back();
      started[name].push_back(start);
      start_of[name].emplace_back(c.name, start);
    }
    // Scale down: the highest numbers go.
    for (const ObservedContainer* e : existing) {
      if (e->number > replicas && !removed.count(e->name)) {
        p.StopAndRemove(*e, fmt::format("scaled down to {}", replicas), options.timeout_s);
      }
    }
  }

  // Dependents with `restart: true` restart after a dependency was recreated, keeping their IDs.
  for (const DesiredService& s : d.services) {
    if (!selected.count(s.name) || recreated_services.count(s.name)) continue;
    for (const DesiredDependency& dep : s.depends_on) {
      if (!dep.restart || !recreated_services.count(dep.service)) continue;
      for (const ObservedContainer* e : p.ContainersOf(s.name)) {
        if (e->state != "running") continue;
        const std::string reason = fmt::format("dependency '{}' was recreated", dep.service);
        // The restart stops the container: its pre_stop hooks run first, as before any stop.
        const std::vector<int> before_stop =
            p.Hooks(s.pre_stop, "pre_stop", e->name, s.name, e->id, started[dep.service]);
        const int stop = p.Add(StepKind::kStopContainer, e->name, reason, before_stop);
        p.Last().service = s.name;
        p.Last().id_ref = e->id;
        p.Last().timeout_s = options.timeout_s;
        int start = p.Add(StepKind::kStartContainer, e->name, reason, {stop});
        p.Last().service = s.name;
        p.Last().publishes = Publishes(s);
        p.Last().id_ref = e->id;
        start = p.Hooks(s.post_start, "post_start", e->name, s.name, e->id, {start}).back();
        started[s.name].push_back(start);
        start_of[s.name].emplace_back(e->name, start);
      }
      break;
    }
  }

  // Orphans: containers of services the project no longer has.
  std::vector<std::string> orphans;
  for (const ObservedContainer& c : o.containers) {
    if (p.FindService(c.service)) continue;
    if (options.remove_orphans) {
      p.StopAndRemove(c, "orphan: its service is not in the project", options.timeout_s);
    } else {
      orphans.push_back(c.name);
    }
  }
  if (!orphans.empty()) {
    std::sort(orphans.begin(), orphans.end());
    std::string list;
    for (const std::string& n : orphans) list += (list.empty() ? "" : ", ") + n;
    p.plan().warnings.push_back(fmt::format(
        "found orphan containers ({}) for this project; if you removed or renamed their service "
        "in the compose file, run apply with --remove-orphans to clean them up",
        list));
  }

  if (options.wait) {
    for (const std::string& name : p.StartOrder()) {
      const DesiredService* s = p.FindService(name);
      if (!s) continue;
      for (const auto& [container, start] : start_of[name]) {
        // A required wait for health already covers the container.
        if (run_once.count(name) || waited_healthy.count(container)) continue;
        p.Add(s->has_healthcheck ? StepKind::kWaitHealthy : StepKind::kWaitRunning, container,
              "--wait", {start});
        p.Last().service = name;
      }
    }
    for (const ObservedContainer* c : not_healthy) {
      // A container this plan restarts (a dependent with `restart: true`) is waited for after
      // that start, above: a wait here would race with its stop.
      const auto& starts = start_of[c->service];
      const bool restarted = std::any_of(starts.begin(), starts.end(),
                                         [&](const auto& s) { return s.first == c->name; });
      if (restarted) continue;
      p.Add(StepKind::kWaitHealthy, c->name,
            fmt::format("--wait; {}", c->health.empty() ? "no health yet" : c->health));
      p.Last().service = c->service;
    }
  }
  return p.TakePlan();
}

Plan PlanDown(const DesiredState& d, const ObservedState& o, const DownOptions& options) {
  Planner p(d, o);
  // Dependents first: the start order backwards; orphans (no service in the project) first of all.
  std::vector<std::string> order = p.StartOrder();
  std::reverse(order.begin(), order.end());
  std::map<std::string, int> rank;
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  std::vector<const ObservedContainer*> containers;
  for (const ObservedContainer& c : o.containers) {
    const bool orphan = !rank.count(c.service);
    if (orphan && !options.remove_orphans) continue;
    containers.push_back(&c);
  }
  std::stable_sort(containers.begin(), containers.end(), [&](const auto* a, const auto* b) {
    const int ra = rank.count(a->service) ? rank[a->service] : -1;
    const int rb = rank.count(b->service) ? rank[b->service] : -1;
    return std::tie(ra, a->name) < std::tie(rb, b->name);
  });
  std::vector<int> removals;
  int previous_rank = -2;
  std::vector<int> wave_removals;  // removals of the previous rank: the next one waits for them
  std::vector<int> current;
  for (const ObservedContainer* c : containers) {
    const int r = rank.count(c->service) ? rank[c->service] : -1;
    if (r != previous_rank) {
      if (!current.empty()) wave_removals = current;
      current.clear();
      previous_rank = r;
    }
    const int rm = p.StopAndRemove(*c, "down", options.timeout_s, wave_removals);
    current.push_back(rm);
    removals.push_back(rm);
  }
  for (const ObservedNetwork& n : o.networks) {
    if (!n.ours) continue;
    bool external = false;
    for (const DesiredNetwork& dn : d.networks) external |= dn.name == n.name && dn.external;
    if (external) continue;
    p.Add(StepKind::kRemoveNetwork, n.name, "down", removals);
    p.Last().id_ref = n.id;
  }
  if (options.volumes) {
    for (const ObservedVolume& v : o.volumes) {
      if (!v.ours) continue;
      p.Add(StepKind::kRemoveVolume, v.name, "down --volumes", removals);
    }
  }
  return p.TakePlan();
}

std::string RenderText(const Plan& plan) {
  if (plan.steps.empty()) return "no changes\n";
  std::string out;
  for (const Step& s : plan.steps) {
    out += fmt::format("[{}] {} '{}'", s.id, StepKindName(s.kind), s.resource);
    if (s.kind == StepKind::kConnectNetwork) out += fmt::format(" to '{}'", s.network);
    out += fmt::format(" ({})", s.reason);
    if (!s.after.empty()) {
      out += " after ";
      for (size_t i = 0; i < s.after.size(); ++i) {
        out += (i ? ", " : "") + std::to_string(s.after[i]);
      }
    }
    out += "\n";
  }
  return out;
}

std::string RenderJson(const Plan& plan, const std::string& project) {
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const Step& s : plan.steps) {
    nlohmann::ordered_json j;
    j["id"] = s.id;
    j["action"] = StepKindName(s.kind);
    j["resource"] = s.resource;
    if (!s.service.empty()) j["service"] = s.service;
    if (!s.network.empty()) j["network"] = s.network;
    j["reason"] = s.reason;
    j["after"] = s.after;
    steps.push_back(j);
  }
  nlohmann::ordered_json out;
  out["version"] = 1;
  out["project"] = project;
  out["steps"] = steps;
  out["warnings"] = plan.warnings;
  out["errors"] = plan.errors;
  return out.dump(2) + "\n";
}

}  // namespace stackc::backends::docker
