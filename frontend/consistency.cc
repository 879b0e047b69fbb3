#include "frontend/consistency.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "frontend/key_index.h"

namespace stackc::frontend {

namespace {

bool Fail(ir::DiagnosticSink& sink, ir::Span span, std::string message) {
  sink.Error("LOAD050", span, std::move(message));
  return false;
}

// An undefined reference to "#extensions": the canonical form of a service's networks or models
// gathers the keys named `x-…` there, as compose-go does; says so, since its message does not.
bool FailReference(ir::DiagnosticSink& sink, ir::Span span, std::string message,
                   std::string_view kind, std::string_view name) {
  ir::Diagnostic& d = sink.Error("LOAD050", span, std::move(message));
  if (name == "#extensions") {
    d.notes.push_back(
        {span, fmt::format("a {} named 'x-...' here is taken for an extension and "
                           "gathered under '#extensions' by Docker Compose: rename it",
                           kind)});
  }
  return false;
}

}  // namespace

bool CheckConsistency(const Node& model, const Node& disabled, ir::DiagnosticSink& sink) {
  const Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  const Node* networks = model.Find("networks");
  const Node* volumes = model.Find("volumes");
  const Node* secrets = model.Find("secrets");
  const Node* configs = model.Find("configs");
  const Node* models = model.Find("models");
  const KeyIndex service_index(services);
  const KeyIndex disabled_index(disabled);
  const KeyIndex network_index(networks);
  const KeyIndex volume_index(volumes);
  const KeyIndex secret_index(secrets);
  const KeyIndex config_index(configs);
  const KeyIndex model_index(models);
  auto index_of = [&](const Node* res) -> const KeyIndex& {
    return res == networks  ? network_index
           : res == volumes ? volume_index
           : res == secrets ? secret_index
           : res == configs ? config_index
                            : model_index;
  };
  auto declared = [&](const Node* res, const std::string& key) {
    return res && res->is_map() && index_of(res).Contains(key);
  };
  // What the checks after this loop need of each service, gathered in it, so that they do not look
  // inside the services again: its dependencies on other services (the edges of the cycle check,
  // in name order) and its container_name.
  const ir::ThinVector<MapEntry>& all = services->entries;
  struct Edge {
    const MapEntry* dep;  // the depends_on entry, for the message's location
    size_t to;
  };
  std::vector<std::vector<Edge>> children(all.size());
  std::vector<const Node*> container_names(all.size(), nullptr);
  for (const MapEntry& s : services->entries) {
    const Node& svc = s.value;
    if (!svc.is_map()) continue;
    const size_t index = static_cast<size_t>(&s - all.data());
    container_names[index] = svc.Find("container_name");
    const std::string_view name = s.key;
    const Node* image = svc.Find("image");
    if ((!image || image->GoString().empty()) && !svc.Find("build") && !svc.Find("provider")) {
      Fail(sink, s.key_span,
           fmt::format("service \"{}\" has neither an image nor a build context specified: "
                       "invalid compose project",
                       name));
      return false;
    }
    if (const Node* nets = svc.Find("networks"); nets && nets->is_map()) {
      if (svc.Find("network_mode") && !nets->entries.empty()) {
        Fail(sink, s.key_span,
             fmt::format("service {} declares mutually exclusive `network_mode` and "
                         "`networks`: invalid compose project",
                         name));
        return false;
      }
      for (const MapEntry& n : nets->entries) {
        if (!declared(networks, n.key)) {
          return FailReference(sink, n.key_span,
                               fmt::format("service \"{}\" refers to undefined network {}: "
                                           "invalid compose project",
                                           name, n.key),
                               "network", n.key);
        }
      }
    }
    if (const Node* vols = svc.Find("volumes"); vols && vols->is_seq()) {
      for (const Node& v : vols->items) {
        if (!v.is_map()) continue;
        const Node* type = v.Find("type");
        const Node* src = v.Find("source");
        if (type && type->text == "volume" && src && !src->GoString().empty() &&
            !declared(volumes, src->GoString())) {
          Fail(sink, src->span,
               fmt::format("service \"{}\" refers to undefined volume {}: invalid compose "
                           "project",
                           name, src->GoString()));
          return false;
        }
      }
    }
    for (const auto& [kind, res] :
         {std::pair<const char*, const Node*>{"secrets", secrets}, {"configs", configs}}) {
      const Node* refs = svc.Find(kind);
      if (!refs || !refs->is_seq()) continue;
      for (const Node& r : refs->items) {
        const Node* src = r.is_map() ? r.Find("source") : nullptr;
        if (src && !declared(res, src->GoString())) {
          Fail(sink, src->span,
               fmt::format("service \"{}\" refers to undefined {} {}: invalid compose "
                           "project",
                           name, std::string(kind) == "secrets" ? "secret" : "config",
                           src->GoString()));
          return false;
        }
      }
    }
    if (const Node* deps = svc.Find("depends_on"); deps && deps->is_map()) {
      std::vector<Edge>& edges = children[index];
      for (const MapEntry& d : deps->entries) {
        if (const MapEntry* target = service_index.Find(d.key)) {
          edges.push_back(Edge{&d, static_cast<size_t>(target - all.data())});
          continue;
        }
        const Node* required = d.value.is_map() ? d.value.Find("required") : nullptr;
        const bool req = !required || required->AsBool().value_or(true);
        if (disabled_index.Contains(d.key) && !req) continue;
        Fail(sink, d.key_span,
             fmt::format("service \"{}\" depends on undefined service \"{}\": invalid "
                         "compose project",
                         name, d.key));
        return false;
      }
      std::sort(edges.begin(), edges.end(),
                [](const Edge& a, const Edge& b) { return a.dep->key < b.dep->key; });
    }
    if (const Node* nm = svc.Find("network_mode");
        nm && nm->is_string() && nm->text.starts_with("service:")) {
      const std::string target = nm->text.substr(8);
      if (!service_index.Contains(target) && !disabled_index.Contains(target)) {
        Fail(sink, nm->span,
             fmt::format("service \"{}\" not found for network_mode 'service:{}'", target, target));
        return false;
      }
    }
    if (const Node* build = svc.Find("build"); build && build->is_map()) {
      const Node* df = build->Find("dockerfile");
      const Node* dfi = build->Find("dockerfile_inline");
      if (df && dfi && !df->GoString().empty() && !dfi->GoString().empty()) {
        return Fail(sink, dfi->span,
                    fmt::format("service \"{}\" declares mutualy exclusive dockerfile and "
                                "dockerfile_inline: invalid compose project",
                                name));
      }
      if (const Node* ac = build->Find("additional_contexts"); ac && ac->is_map()) {
        for (const MapEntry& c : ac->entries) {
          const std::string v = c.value.GoString();
          if (!v.starts_with("service:")) continue;
          const std::string target = v.substr(8);
          const MapEntry* te = service_index.Find(target);
          const Node* t = te ? &te->value : nullptr;
          if (!t) {
            return Fail(sink, c.value.span,
                        fmt::format("service \"{}\" declares unknown service \"{}\" as additional "
                                    "contexts {}",
                                    name, target, c.key));
          }
          if (!t->is_map() || !t->Find("build")) {
            return Fail(sink, c.value.span,
                        fmt::format("service \"{}\" declares non-buildable service \"{}\" as "
                                    "additional contexts {}",
                                    name, target, c.key));
          }
        }
      }
      const Node* platforms = build->Find("platforms");
      const Node* platform = svc.Find("platform");
      if (platforms && platforms->is_seq() && !platforms->items.empty() && platform &&
          !platform->GoString().empty()) {
        bool found = false;
        for (const Node& p : platforms->items)
          found = found || p.GoString() == platform->GoString();
        if (!found) {
          return Fail(sink, platform->span,
                      fmt::format("service.build.platforms MUST include service.platform \"{}\": "
                                  "invalid compose project",
                                  platform->GoString()));
        }
      }
      if (const Node* bs = build->Find("secrets"); bs && bs->is_seq()) {
        for (const Node& r : bs->items) {
          const Node* src = r.is_map() ? r.Find("source") : nullptr;
          if (src && !declared(secrets, src->GoString())) {
            return Fail(sink, src->span,
                        fmt::format("service \"{}\" refers to undefined build secret {}: invalid "
                                    "compose project",
                                    name, src->GoString()));
          }
        }
      }
    }
    if (const Node* hc = svc.Find("healthcheck"); hc && hc->is_map()) {
      const Node* test = hc->Find("test");
      std::string head;
      if (test && test->is_seq() && !test->items.empty()) head = test->items[0].GoString();
      if (test && test->is_string()) head = "CMD-SHELL";
      if (!head.empty() && head != "CMD" && head != "CMD-SHELL" && head != "NONE") {
        return Fail(sink, test->span,
                    "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
      }
    }
    if (const Node* m = svc.Find("models"); m && m->is_map()) {
      for (const MapEntry& e : m->entries) {
        if (!declared(models, e.key)) {
          return FailReference(
              sink, e.key_span,
              fmt::format("service \"{}\" refers to undefined model {}: invalid compose project",
                          name, e.key),
              "model", e.key);
        }
      }
    }
    const Node* scale = svc.Find("scale");
    const Node* deploy = svc.Find("deploy");
    const Node* replicas = deploy && deploy->is_map() ? deploy->Find("replicas") : nullptr;
    if (scale && replicas && !scale->is_null() && !replicas->is_null() &&
        scale->AsInt() != replicas->AsInt()) {
      return Fail(
          sink, scale->span,
          fmt::format("services.{}: can't set distinct values on 'scale' and 'deploy.replicas': "
                      "invalid compose project",
                      name));
    }
    if (scale && scale->AsInt().value_or(0) < 0) {
      return Fail(sink, scale->span,
                  fmt::format("services.{}.scale: must be greater than or equal to 0", name));
    }
    if (replicas && replicas->AsInt().value_or(0) < 0) {
      return Fail(
          sink, replicas->span,
          fmt::format("services.{}.deploy.replicas: must be greater than or equal to 0", name));
    }
    const int64_t count = scale && scale->AsInt()         ? *scale->AsInt()
                          : replicas && replicas->AsInt() ? *replicas->AsInt()
                                                          : 1;
    if (const Node* cn = svc.Find("container_name"); cn && !cn->GoString().empty() && count > 1) {
      return Fail(
          sink, cn->span,
          fmt::format("services.{}: can't set container_name and {} as container name must be "
                      "unique: invalid compose project",
                      scale ? "scale" : "deploy.replicas", name));
    }
    if (const Node* dev = svc.Find("develop"); dev && dev->is_map()) {
      if (const Node* watch = dev->Find("watch"); watch && watch->is_seq()) {
        for (const Node& w : watch->items) {
          if (!w.is_map()) continue;
          const Node* target = w.Find("target");
          const Node* action = w.Find("action");
          const std::string a = action ? action->GoString() : "";
          if ((!target || target->GoString().empty()) && a != "rebuild" && a != "restart") {
            return Fail(sink, w.span,
                        fmt::format("services.{}.develop.watch: target is required for non-rebuild "
                                    "actions: invalid compose project",
                                    name));
          }
        }
      }
    }
    // The targets mounted so far (tmpfs, then volumes), with where each is, formatted only for a
    // message: "services.web.volumes[1]".
    struct Mount {
      std::string path;
      const char* list;
      size_t index;
    };
    std::vector<Mount> mounts;
    auto where = [&name](const char* list, size_t index) {
      return fmt::format("services.{}.{}[{}]", name, list, index);
    };
    auto mounted = [&mounts](std::string_view path) -> const Mount* {
      for (const Mount& m : mounts) {
        if (m.path == path) return &m;
      }
      return nullptr;
    };
    if (const Node* tmpfs = svc.Find("tmpfs")) {
      std::vector<const Node*> items;
      if (tmpfs->is_seq()) {
        for (const Node& t : tmpfs->items) items.push_back(&t);
      } else if (tmpfs->is_scalar() && !tmpfs->is_null()) {
        items.push_back(tmpfs);
      }
      for (size_t i = 0; i < items.size(); ++i) {
        const std::string t = items[i]->GoString();
        std::string path = t.substr(0, t.find(':'));
        if (const Mount* m = mounted(path)) {
          return Fail(sink, items[i]->span,
                      fmt::format("{}: target {} already mounted as {}", where("tmpfs", i), path,
                                  where(m->list, m->index)));
        }
        mounts.push_back(Mount{std::move(path), "tmpfs", i});
      }
    }
    if (const Node* vols = svc.Find("volumes"); vols && vols->is_seq()) {
      for (size_t i = 0; i < vols->items.size(); ++i) {
        const Node& v = vols->items[i];
        const Node* target = v.is_map() ? v.Find("target") : nullptr;
        std::string t = target ? target->GoString() : "";
        if (const Mount* m = mounted(t)) {
          return Fail(sink, v.span,
                      fmt::format("{}: target {} already mounted as {}", where("volumes", i), t,
                                  where(m->list, m->index)));
        }
        mounts.push_back(Mount{std::move(t), "volumes", i});
      }
    }
  }
  if (secrets && secrets->is_map()) {
    for (const MapEntry& e : secrets->entries) {
      if (!e.value.is_map()) continue;
      const Node* ext = e.value.Find("external");
      if (ext && ext->AsBool().value_or(false)) continue;
      const Node* file = e.value.Find("file");
      const Node* env = e.value.Find("environment");
      if ((!file || file->GoString().empty()) && (!env || env->GoString().empty())) {
        return Fail(
            sink, e.key_span,
            fmt::format("secret \"{}\" must declare either `file` or `environment`: invalid "
                        "compose project",
                        e.key));
      }
    }
  }
  // Dependency cycles: compose-go's graph.CheckCycle walks services and their dependencies in name
  // order and reports the first cycle it meets. Iterative, so a long chain cannot exhaust the
  // stack; services already explored without a cycle are not walked again.
  {
    // Services by position in the mapping; roots in name order (each service's dependencies were
    // sorted by name as they were gathered).
    std::vector<size_t> by_name(all.size());
    for (size_t i = 0; i < all.size(); ++i) by_name[i] = i;
    std::sort(by_name.begin(), by_name.end(),
              [&all](size_t a, size_t b) { return all[a].key < all[b].key; });
    std::vector<char> done(all.size(), 0);
    std::vector<char> on_path(all.size(), 0);
    std::vector<std::pair<size_t, size_t>> stack;  // service, next dependency
    for (const size_t root : by_name) {
      if (done[root]) continue;
      stack.assign(1, {root, 0});
      on_path[root] = 1;
      while (!stack.empty()) {
        auto& [service, next] = stack.back();
        const std::vector<Edge>& deps = children[service];
        if (next == deps.size()) {
          done[service] = 1;
          on_path[service] = 0;
          stack.pop_back();
          continue;
        }
        const Edge& e = deps[next++];
        if (on_path[e.to]) {
          auto first = std::find_if(stack.begin(), stack.end(),
                                    [&](const auto& frame) { return frame.first == e.to; });
          std::string path;
          for (; first != stack.end(); ++first) path += all[first->first].key + " -> ";
          return Fail(sink, e.dep->key_span,
                      fmt::format("dependency cycle detected: {}{}", path, e.dep->key));
        }
        if (!done[e.to]) {
          stack.emplace_back(e.to, 0);
          on_path[e.to] = 1;
        }
      }
    }
  }
  // config: container names are unique.
  std::map<std::string, std::string> names;
  for (const MapEntry& s : services->entries) {
    const Node* cn = container_names[static_cast<size_t>(&s - all.data())];
    if (!cn || cn->GoString().empty()) continue;
    auto [it, inserted] = names.emplace(cn->GoString(), s.key);
    if (!inserted) {
      Fail(sink, cn->span,
           fmt::format("services.{}: container name \"{}\" is already in use by service "
                       "{}\"",
                       s.key, cn->GoString(), it->second));
      return false;
    }
  }
  return true;
}

}  // namespace stackc::frontend
