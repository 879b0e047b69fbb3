#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "frontend/loader_impl.h"

namespace stackc::frontend::loader_internal {

namespace {

std::string ExpandUser(const std::string& p, const EnvMap& os_env) {
  if (!p.starts_with("~")) return p;
  auto home = os_env.find("HOME");
  if (home == os_env.end() || home->second.empty()) return p;
  return JoinPath(home->second, p.substr(1));
}

bool IsWindowsAbs(std::string_view p) {
  return p.size() >= 3 && ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')) &&
         p[1] == ':' && (p[2] == '\\' || p[2] == '/');
}

}  // namespace

namespace {

// compose-go's path resolvers, on one node each.
class PathResolver {
 public:
  PathResolver(const std::string& base, const EnvMap& os_env, const FileSystem& fs)
      : base_(base), os_env_(os_env), fs_(fs) {}

  void AbsPath(Node& n) const {
    if (!n.is_string()) return;
    std::string v = ExpandUser(n.text, os_env_);
    if (IsAbsPath(v) || v.empty()) {
      n.text = v;
      return;
    }
    n.text = JoinPath(base_, v);
  }
  void MaybeUnix(Node& n) const {
    if (!n.is_string()) return;
    std::string v = ExpandUser(n.text, os_env_);
    if (!IsAbsPath(v) && !IsWindowsAbs(v)) v = JoinPath(base_, v);
    n.text = v;
  }
  void ContextPath(Node& n) const {
    if (!n.is_string()) return;
    const std::string_view v = n.text;
    if (v.find("://") != std::string_view::npos || v.starts_with("service:")) return;
    for (const char* prefix : {"https://", "http://", "git://", "ssh://", "github.com/", "git@"}) {
      if (v.starts_with(prefix)) return;
    }
    AbsPath(n);
  }
  std::string ResolveSymbolicLink(const std::string& path) const {
    return fs_.ResolveSymbolicLink(path);
  }

 private:
  const std::string& base_;
  const EnvMap& os_env_;
  const FileSystem& fs_;
};

}  // namespace

void Loader::ResolveServicePaths(Node& svc, const std::string& base, ir::DiagnosticSink& errors) {
  if (!svc.is_map()) return;
  const PathResolver r(base, os_env_, fs_);
  if (Node* build = svc.Find("build"); build && build->is_map()) {
    if (Node* c = build->Find("context")) r.ContextPath(*c);
    if (Node* ac = build->Find("additional_contexts"); ac && ac->is_map()) {
      for (MapEntry& e : ac->entries) r.ContextPath(e.value);
    }
    if (Node* ssh = build->Find("ssh"); ssh && ssh->is_map()) {
      for (MapEntry& e : ssh->entries) r.MaybeUnix(e.value);
    }
  }
  if (Node* ef = svc.Find("env_file"); ef && ef->is_seq()) {
    for (Node& e : ef->items) {
      if (Node* p = e.is_map() ? e.Find("path") : nullptr) r.AbsPath(*p);
    }
  }
  if (Node* lf = svc.Find("label_file"); lf && lf->is_seq()) {
    for (Node& e : lf->items) r.AbsPath(e);
  }
  if (Node* ext = svc.Find("extends"); ext && ext->is_map()) {
    if (Node* f = ext->Find("file")) r.AbsPath(*f);
  }
  if (Node* dev = svc.Find("develop"); dev && dev->is_map()) {
    if (Node* watch = dev->Find("watch"); watch && watch->is_seq()) {
      for (Node& w : watch->items) {
        if (Node* p = w.is_map() ? w.Find("path") : nullptr) {
          r.AbsPath(*p);
          if (p->is_string()) p->text = r.ResolveSymbolicLink(p->text);
        }
      }
    }
  }
  if (Node* vols = svc.Find("volumes"); vols && vols->is_seq()) {
    for (Node& v : vols->items) {
      if (!v.is_map()) continue;
      const Node* type = v.Find("type");
      if (!type || type->text != "bind") continue;
      Node* src = v.Find("source");
      if (!src) {
        errors.Error("LOAD010", v.span,
                     "invalid mount config for type \"bind\": field Source must not be empty");
        continue;
      }
      r.MaybeUnix(*src);
    }
  }
}

void Loader::ResolveResourcePaths(Node& model, const std::string& base) {
  const PathResolver r(base, os_env_, fs_);
  for (const char* kind : {"configs", "secrets"}) {
    if (Node* res = model.Find(kind); res && res->is_map()) {
      for (MapEntry& e : res->entries) {
        if (Node* f = e.value.is_map() ? e.value.Find("file") : nullptr) r.MaybeUnix(*f);
      }
    }
  }
  if (Node* vols = model.Find("volumes"); vols && vols->is_map()) {
    for (MapEntry& e : vols->entries) {
      Node& v = e.value;
      if (!v.is_map()) continue;
      const Node* driver = v.Find("driver");
      if (!driver || driver->text != "local") continue;
      Node* opts = v.Find("driver_opts");
      if (!opts || !opts->is_map()) continue;
      const Node* o = opts->Find("o");
      Node* device = opts->Find("device");
      if (o && o->text == "bind" && device) r.MaybeUnix(*device);
    }
  }
}

void Loader::ResolvePaths(Node& model, const std::string& base) {
  if (Node* services = model.Find("services"); services && services->is_map()) {
    for (MapEntry& s : services->entries) ResolveServicePaths(s.value, base, sink_);
  }
  ResolveResourcePaths(model, base);
}

void Loader::ResolveServiceEnvironment(Node& svc) {
  Node* env = svc.is_map() ? svc.Find("environment") : nullptr;
  if (!env || !env->is_seq()) return;
  ir::ThinVector<Node> items;
  for (Node& e : env->items) {
    if (!e.is_string()) continue;
    if (auto v = Lookup(e.text)) {
      items.push_back(Node::String(e.text + "=" + *v, e.span));
    } else {
      items.push_back(std::move(e));
    }
  }
  env->items = std::move(items);
}

void Loader::ResolveResourceEnvironment(Node& model) {
  for (const char* kind : {"secrets", "configs"}) {
    Node* res = model.Find(kind);
    if (!res || !res->is_map()) continue;
    for (MapEntry& e : res->entries) {
      if (!e.value.is_map()) continue;
      const Node* env = e.value.Find("environment");
      if (!env || !env->is_string()) continue;
      if (auto v = Lookup(env->text)) {
        e.value.Set(std::string(kind) == "secrets" ? "x-#value" : "content", Node::String(*v));
      }
    }
  }
}

void Loader::Normalize(Node& model) {
  bool uses_default = false;
  if (Node* services = model.Find("services"); services && services->is_map()) {
    for (MapEntry& s : services->entries) {
      if (NormalizeService(s.value)) uses_default = true;
    }
  }
  NormalizeResources(model, uses_default);
}

// compose-go's per-service normalisation: the default network, pull_policy, build defaults, args
// and environment resolved, implicit dependencies (links, service: modes, volumes_from), volume
// targets cleaned, pre_start images.
bool Loader::NormalizeService(Node& svc) {
  if (!svc.is_map()) return false;
  bool on_default = false;
  if (!svc.Find("provider") && !svc.Find("network_mode")) {
    Node* nets = svc.Find("networks");
    if (!nets || (nets->is_map() && nets->entries.empty()) || nets->is_null()) {
      Node m = Node::Map();
      m.Set("default", Node::Null());
      svc.Set("networks", std::move(m));
      on_default = true;
    } else if (nets->is_map() && nets->Find("default")) {
      on_default = true;
    }
  }
  if (Node* pp = svc.Find("pull_policy"); pp && pp->text == "if_not_present") {
    pp->text = "missing";
  }
  if (Node* build = svc.Find("build"); build && build->is_map()) {
    if (!build->Find("context") || build->Find("context")->is_null()) {
      build->Set("context", Node::String("."));
    }
    const Node* df = build->Find("dockerfile");
    const Node* dfi = build->Find("dockerfile_inline");
    if ((!df || df->is_null()) && (!dfi || dfi->is_null())) {
      build->Set("dockerfile", Node::String("Dockerfile"));
    }
    if (Node* args = build->Find("args")) {
      if (args->is_map()) {
        ir::ThinVector<MapEntry> kept;
        for (MapEntry& e : args->entries) {
          if (!e.value.is_null()) {
            kept.push_back(std::move(e));
          } else if (auto v = Lookup(e.key)) {
            e.value = Node::String(*v);
            kept.push_back(std::move(e));
          }
        }
        args->entries = std::move(kept);
      } else if (args->is_seq()) {
        ir::ThinVector<Node> kept;
        for (Node& a : args->items) {
          const std::string t = a.GoString();
          if (!a.is_string()) continue;
          if (t.find('=') != std::string::npos) {
            kept.push_back(std::move(a));
          } else if (auto v = Lookup(t)) {
            kept.push_back(Node::String(t + "=" + *v, a.span));
          }
        }
        args->items = std::move(kept);
      }
    }
  }
  if (Node* env = svc.Find("environment"); env && env->is_map()) {
    for (MapEntry& e : env->entries) {
      if (e.value.is_null()) {
        if (auto v = Lookup(e.key)) e.value = Node::String(*v, e.value.span);
      }
    }
  } else if (env && env->is_seq()) {
    for (Node& e : env->items) {
      if (!e.is_string() || e.text.find('=') != std::string::npos) continue;
      if (auto v = Lookup(e.text)) e.text += "=" + *v;
    }
  }
  Node depends = Node::Map();
  if (Node* d = svc.Find("depends_on"); d && d->is_map()) depends = std::move(*d);
  auto add_dep = [&](const std::string& name, bool restart) {
    if (depends.FindEntry(name)) return;
    Node dep = Node::Map();
    dep.Set("condition", Node::String("service_started"));
    dep.Set("restart", Node::Bool(restart));
    dep.Set("required", Node::Bool(true));
    depends.Set(name, std::move(dep));
  };
  if (const Node* links = svc.Find("links"); links && links->is_seq()) {
    for (const Node& l : links->items) {
      std::string link = l.GoString();
      const size_t colon = link.find(':');
      if (colon != std::string::npos && link.find(':', colon + 1) == std::string::npos) {
        link = link.substr(0, colon);
      }
      add_dep(link, true);
    }
  }
  for (const char* ns : {"network_mode", "ipc", "pid", "uts", "cgroup"}) {
    const Node* n = svc.Find(ns);
    if (n && n->is_string() && n->text.starts_with("service:")) add_dep(n->text.substr(8), true);
  }
  if (Node* vols = svc.Find("volumes"); vols && vols->is_seq()) {
    for (Node& v : vols->items) {
      Node* target = v.is_map() ? v.Find("target") : nullptr;
      if (target && target->is_string()) target->text = CleanPath(target->text);
    }
  }
  if (const Node* vf = svc.Find("volumes_from"); vf && vf->is_seq()) {
    for (const Node& v : vf->items) {
      const std::string s = v.GoString();
      if (s.starts_with("container:")) continue;
      add_dep(s.substr(0, s.find(':')), false);
    }
  }
  if (!depends.entries.empty()) svc.Set("depends_on", std::move(depends));
  if (Node* hooks = svc.Find("pre_start"); hooks && hooks->is_seq()) {
    const Node* image = svc.Find("image");
    if (image && image->is_string() && !image->text.empty()) {
      const std::string img = image->text;
      for (Node& h : hooks->items) {
        if (h.is_map() && !h.Find("image")) h.Set("image", Node::String(img));
      }
    }
  }
  return on_default;
}

// The project's default network (when a service is on it) and the resources' names.
void Loader::NormalizeResources(Node& model, bool uses_default) {
  if (uses_default) {
    Node* nets = model.Find("networks");
    if (!nets || !nets->is_map()) {
      model.Set("networks", Node::Map());
      nets = model.Find("networks");
    }
    if (!nets->FindEntry("default")) nets->Set("default", Node::Null());
  }
  // Resource names.
  for (const char* kind : {"networks", "volumes", "configs", "secrets"}) {
    Node* res = model.Find(kind);
    if (!res || !res->is_map()) continue;
    for (MapEntry& e : res->entries) {
      if (!e.value.is_map()) e.value = Node::Map(e.value.span);
      const Node* name = e.value.Find("name");
      if (name && !name->is_null()) continue;
      const Node* ext = e.value.Find("external");
      const bool external =
          ext && (ext->AsBool().value_or(false) ||
                  (ext->is_string() && (ext->text == "true" || ext->text == "1")));
      e.value.Set("name", Node::String(external ? e.key.str() : project_name_ + "_" + e.key));
    }
  }
}

}  // namespace stackc::frontend::loader_internal
