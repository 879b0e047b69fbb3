#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "frontend/loader_impl.h"

namespace stackc::frontend::loader_internal {

// Longest extends chain followed (each link is a level of recursion).
constexpr size_t kMaxExtendsDepth = 256;

bool Loader::ApplyInclude(Scope& scope, std::vector<std::string>& included, Node& doc,
                          const ResetPaths& resets) {
  MapEntry* include = doc.FindEntry("include");
  if (!include || include->value.is_null()) return true;
  if (!include->value.is_seq()) {
    Error(include->value.span, "`include` must be a list");
    return false;
  }
  for (Node& entry : include->value.items) {
    if (entry.is_string()) {
      Node m = Node::Map(entry.span);
      m.Set("path", std::move(entry));
      entry = std::move(m);
    }
    if (!entry.is_map()) {
      Error(entry.span, "include entries must be a path or a mapping");
      return false;
    }
    std::vector<std::string> paths;
    if (const Node* p = entry.Find("path")) {
      if (p->is_string()) paths.push_back(p->text);
      for (const Node& i : p->items) paths.push_back(i.GoString());
    }
    if (paths.empty()) {
      Error(entry.span, "include entries need a path");
      return false;
    }
    std::string project_dir;
    if (const Node* pd = entry.Find("project_directory"); pd && pd->is_string()) {
      project_dir = pd->text;
    }
    std::vector<std::string> abs_paths;
    std::string rel_working_dir;
    for (size_t i = 0; i < paths.size(); ++i) {
      const std::string abs = AbsPath(paths[i], scope.working_dir);
      if (i == 0) {
        if (project_dir.empty()) {
          rel_working_dir = DirName(abs);
          project_dir = DirName(abs);
        } else if (!IsAbsPath(project_dir)) {
          project_dir = JoinPath(scope.working_dir, project_dir);
          rel_working_dir = project_dir;
        } else {
          rel_working_dir = project_dir;
        }
        if (std::find(included.begin(), included.end(), abs) != included.end()) {
          std::string chain = included[0];
          for (size_t k = 1; k < included.size(); ++k) chain += "\n include " + included[k];
          Error(entry.span, fmt::format("include cycle detected:\n{}\n include {}", chain, abs));
          return false;
        }
      }
      abs_paths.push_back(abs);
    }
    std::vector<std::string> env_files;
    if (const Node* ef = entry.Find("env_file")) {
      std::vector<std::string> listed;
      if (ef->is_string()) listed.push_back(ef->text);
      for (const Node& i : ef->items) listed.push_back(i.GoString());
      for (std::string f : listed) {
        if (f == "/dev/null") continue;
        if (!IsAbsPath(f)) {
          f = JoinPath(scope.working_dir, f);
          if (fs_.IsDir(f)) {
            Error(ef->span, fmt::format("{} is not a file", f));
            return false;
          }
          if (!fs_.IsFile(f)) {
            Error(ef->span, fmt::format("stat {}: no such file or directory", f));
            return false;
          }
        }
        env_files.push_back(f);
      }
    } else if (fs_.IsFile(JoinPath(project_dir, ".env"))) {
      env_files.push_back(JoinPath(project_dir, ".env"));
    }
    // dotenv.GetEnvFromFile under the parent environment, which wins.
    Scope child;
    child.working_dir = rel_working_dir;
    child.env = scope.env;
    {
      EnvMap from_files;
      for (const std::string& f : env_files) {
        EnvLookup lookup = [&](std::string_view k) -> std::optional<std::string> {
          if (auto it = scope.env.find(std::string(k)); it != scope.env.end()) return it->second;
          if (auto it = from_files.find(std::string(k)); it != from_files.end()) return it->second;
          return std::nullopt;
        };
        EnvMap vars;
        if (!ReadEnvFile(f, lookup, &vars, false, true)) return false;
        for (auto& [k, v] : vars) from_files[k] = v;
      }
      for (auto& [k, v] : from_files) child.env.emplace(k, v);
    }
    // compose-go caches included models by (paths, directory, environment): a project included
    // twice (a diamond) is loaded once.
    std::string cache_key = rel_working_dir + '\n' + project_dir;
    for (const std::string& p : abs_paths) cache_key += '\n' + p;
    for (const auto& [k, v] : child.env) cache_key += '\n' + k + '=' + v;
    Node imported = Node::Map();
    if (auto hit = include_cache_.find(cache_key); hit != include_cache_.end()) {
      imported = hit->second;
    } else {
      std::vector<File> files;
      for (const std::string& abs : abs_paths) {
        File f;
        if (!ReadFile(abs, &f)) return false;
        files.push_back(f);
      }
      if (!LoadYamlModel(files, child, included, &imported)) return false;
      include_cache_.emplace(std::move(cache_key), imported);
    }
    // importResources: a name defined here too is merged, the local definition over the imported
    // one.
    for (const char* key : {"services", "volumes", "networks", "secrets", "configs", "models"}) {
      Node* from = imported.Find(key);
      if (!from || !from->is_map()) continue;
      Node* to = doc.Find(key);
      if (!to || !to->is_map()) {
        doc.Set(key, Node::Map(from->span));
        to = doc.Find(key);
      }
      for (MapEntry& r : from->entries) {
        MapEntry* conflict = to->FindEntry(r.key);
        if (!conflict) {
          to->entries.push_back(std::move(r));
          continue;
        }
        Node wrapper = Node::Map();
        Node inner = Node::Map();
        inner.Set(r.key, std::move(r.value));
        wrapper.Set(key, std::move(inner));
        ApplyResets(resets, wrapper);
        Node merged = Node::Map();
        Node local_wrapper = Node::Map();
        Node local_inner = Node::Map();
        local_inner.Set(r.key, std::move(conflict->value));
        local_wrapper.Set(key, std::move(local_inner));
        if (!Check(MergeModel(wrapper, std::move(local_wrapper)))) return false;
        conflict->value = std::move(*wrapper.Find(key)->Find(r.key));
      }
    }
  }
  doc.Erase("include");
  return true;
}

// extends.go ApplyExtends: every service with `extends` becomes its base (from this document or
// another file) merged with its own definition.
bool Loader::ApplyExtends(const File& file, Scope& scope, Node& doc, const ResetPaths& resets) {
  Node* services = doc.Find("services");
  if (!services) return true;
  if (!services->is_map()) {
    Error(services->span, "services must be a mapping");
    return false;
  }
  std::vector<std::string> names;
  for (const MapEntry& e : services->entries) {
    // Most services extend nothing: skip them here rather than look each one up by name.
    if (e.value.is_map() && !e.value.Find("extends")) continue;
    names.push_back(e.key);
  }
  for (const std::string& name : names) {
    if (!ExtendService(name, *services, file.path, scope, {}, resets, {})) return false;
  }
  return true;
}

bool Loader::ExtendService(const std::string& name, Node& services, const std::string& filename,
                           Scope& scope, std::vector<ServiceRef> tracker, const ResetPaths& resets,
                           ir::Span at) {
  MapEntry* entry = services.FindEntry(name);
  if (!entry || entry->value.is_null()) return true;
  Node& service = entry->value;
  if (!service.is_map()) {
    Error(service.span, fmt::format("services.{} must be a mapping", name));
    return false;
  }
  const Node* extends = service.Find("extends");
  if (!extends) return true;
  std::string ref;
  std::string ref_file;
  if (extends->is_string()) {
    ref = extends->text;
  } else if (extends->is_map()) {
    const Node* s = extends->Find("service");
    if (!s || !s->is_string()) {
      Error(extends->span, fmt::format("extends.{}.service is required", name));
      return false;
    }
    ref = s->text;
    if (const Node* f = extends->Find("file"); f && f->is_string()) ref_file = f->text;
  }
  const ir::Span extends_span = extends->span;
  Node base_services;
  Node* lookup_services = &services;
  std::string base_filename = filename;
  Scope* base_scope = &scope;
  Scope file_scope;
  if (!ref_file.empty()) {
    const std::string abs = AbsPath(ref_file, scope.working_dir);
    file_scope.working_dir = DirName(abs);
    file_scope.env = scope.env;
    file_scope.resolve_paths = false;
    file_scope.skip_include = true;
    file_scope.skip_extends = true;
    file_scope.skip_validation = true;
    file_scope.skip_defaults = true;
    // compose-go caches the services of an extended file per load: each file is read and parsed
    // once.
    const std::string cache_key = abs + '\n' + file_scope.working_dir;
    Node source = Node::Map();
    if (auto hit = extends_cache_.find(cache_key); hit != extends_cache_.end()) {
      source = hit->second;
    } else {
      File f;
      if (!ReadFile(abs, &f)) return false;
      std::vector<std::string> none;
      Scope* saved = scope_;
      scope_ = &file_scope;
      const bool ok = LoadYamlFile(f, file_scope, none, source);
      scope_ = saved;
      if (!ok) return false;
      ResolvePaths(source, file_scope.working_dir);
      extends_cache_.emplace(cache_key, source);
    }
    Node* s = source.Find("services");
    if (!s) {
      Error(extends_span,
            fmt::format("cannot extend service \"{}\" in {}: no services section", name, abs));
      return false;
    }
    if (!s->is_map()) {
      Error(
          extends_span,
          fmt::format("cannot extend service \"{}\" in {}: services must be a mapping", name, abs));
      return false;
    }
    if (!s->Find(ref)) {
      Error(extends_span,
            fmt::format("cannot extend service \"{}\" in {}: service \"{}\" not found in {}", name,
                        filename, ref, ref_file));
      return false;
    }
    base_services = std::move(*s);
    lookup_services = &base_services;
    base_filename = abs;
    base_scope = &file_scope;
  } else if (!services.Find(ref)) {
    Error(extends_span, fmt::format("cannot extend service \"{}\" in {}: service \"{}\" not found",
                                    name, filename, ref));
    return false;
  }
  const ServiceRef self{filename, name};
  if (std::find(tracker.begin(), tracker.end(), self) != tracker.end()) {
    std::string msg =
        fmt::format("Circular reference:\n  {} in {}", tracker[0].service, tracker[0].file);
    for (size_t i = 1; i < tracker.size(); ++i) {
      msg += fmt::format("\n  extends {} in {}", tracker[i].service, tracker[i].file);
    }
    msg += fmt::format("\n  extends {} in {}", name, filename);
    Error(at.valid() ? at : extends_span, msg);
    return false;
  }
  tracker.push_back(self);
  if (tracker.size() > kMaxExtendsDepth) {
    Error(extends_span, fmt::format("service \"{}\" extends a chain of more than {} services",
                                    tracker[0].service, kMaxExtendsDepth));
    return false;
  }
  if (!ExtendService(ref, *lookup_services, base_filename, *base_scope, tracker, resets,
                     extends_span)) {
    return false;
  }
  const Node* base = lookup_services->Find(ref);
  if (!base || base->is_null()) return true;
  Node merged = *base;
  {
    Node wrapper = Node::Map();
    Node inner = Node::Map();
    inner.Set(name, std::move(merged));
    wrapper.Set("services", std::move(inner));
    ApplyResets(resets, wrapper);
    merged = std::move(*wrapper.Find("services")->Find(name));
  }
  // The entry may have moved if the recursion touched `services`; find it again.
  Node& own = *services.Find(name);
  if (!Check(MergeService(merged, std::move(own)))) return false;
  merged.Erase("extends");
  *services.Find(name) = std::move(merged);
  return true;
}

}  // namespace stackc::frontend::loader_internal
