#include "frontend/loader.h"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "frontend/canonical.h"
#include "frontend/consistency.h"
#include "frontend/dotenv.h"
#include "frontend/interpolation.h"
#include "frontend/merge.h"
#include "frontend/schema.h"
#include "frontend/validation.h"

namespace stackc::frontend {

std::string NormalizeProjectName(std::string_view name) {
  std::string out;
  for (char c : name) {
    const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_' || l == '-') out += l;
  }
  const size_t first = out.find_first_not_of("_-");
  return first == std::string::npos ? "" : out.substr(first);
}

namespace {

constexpr const char* kDefaultFiles[] = {"compose.yaml", "compose.yml", "docker-compose.yml",
                                         "docker-compose.yaml"};
constexpr const char* kOverrideFiles[] = {"compose.override.yml", "compose.override.yaml",
                                          "docker-compose.override.yml",
                                          "docker-compose.override.yaml"};

std::string InvalidProjectName(std::string_view name) {
  return fmt::format(
      "invalid project name \"{}\": must consist only of lowercase alphanumeric characters, "
      "hyphens, "
      "and underscores as well as start with a letter or number",
      name);
}

bool ParseBoolEnv(std::string_view v, bool* out) {
  if (v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True") {
    *out = true;
    return true;
  }
  if (v == "0" || v == "f" || v == "F" || v == "FALSE" || v == "false" || v == "False") {
    *out = false;
    return true;
  }
  return false;
}

// The whole load, one object per call: holds the request, the side-effect interfaces and the state.
class Loader {
 public:
  Loader(const LoadRequest& req, const FileSystem& fs, const EnvMap& os_env, ir::SourceManager& sm,
         ir::DiagnosticSink& sink)
      : req_(req), fs_(fs), os_env_(os_env), sm_(sm), sink_(sink) {}

  bool Run(LoadedProject* out);

 private:
  struct File {
    std::string path;
    ir::FileId id;
  };
  void Error(ir::Span span, std::string message) {
    sink_.Error("LOAD010", span, std::move(message));
  }
  void Error(std::string message) { Error({}, std::move(message)); }

  // cli/options.go
  std::string WorkingDir() const;
  bool ChooseEnvFiles(std::vector<std::string>* files);
  bool ApplyDotEnv(const std::vector<std::string>& files);
  bool ReadEnvFile(const std::string& path, const EnvLookup& lookup, EnvMap* out, bool raw,
                   bool dot_env);
  bool ConfigFileEnv();
  void DefaultConfigPath();
  bool ReadConfigFiles();
  bool ProjectName();

  // loader/loader.go
  bool Check(const MergeStatus& status) {
    if (status.ok()) return true;
    Error(status.span, status.error);
    return false;
  }
  bool ValidateSchema(const Node& model, const std::string& path);

  // What one call of compose-go's loadYamlModel works with: the project (or included project, or
  // extended file) directory, its environment and which steps it skips.
  struct Scope {
    std::string working_dir;
    EnvMap env;
    bool resolve_paths = true;
    bool skip_include = false;
    bool skip_extends = false;
    bool skip_validation = false;
    bool skip_defaults = false;
  };
  struct ServiceRef {
    std::string file;
    std::string service;
    bool operator==(const ServiceRef&) const = default;
  };
  bool LoadYamlModel(const std::vector<File>& files, Scope& scope,
                     std::vector<std::string> included, Node* model);
  bool LoadYamlFile(const File& file, Scope& scope, std::vector<std::string>& included,
                    Node& model);
  bool ApplyInclude(Scope& scope, std::vector<std::string>& included, Node& doc,
                    const ResetPaths& resets);
  bool ApplyExtends(const File& file, Scope& scope, Node& doc, const ResetPaths& resets);
  bool ExtendService(const std::string& name, Node& services, const std::string& filename,
                     Scope& scope, std::vector<ServiceRef> tracker, const ResetPaths& resets,
                     ir::Span at);
  bool ReadFile(const std::string& path, File* out);
  bool PostProcess(Node& model);
  void ResolvePaths(Node& model, const std::string& base);
  void ResolveEnvironment(Node& model);
  void Normalize(Node& model);
  bool Profiles(Node& model);
  // env_file into environment (WithServicesEnvironmentResolved) and label_file into labels
  // (WithServicesLabelsResolved), each when asked.
  bool FoldEnvFiles(Node& model, bool environment, bool labels);
  bool FoldServiceEnvironment(Node& svc);
  bool FoldServiceLabels(Node& svc);
  bool SelectServices(Node& model);
  void PruneResources(Node& model);

  std::optional<std::string> Lookup(std::string_view key) const {
    const EnvMap& env = scope_ ? scope_->env : env_;
    auto it = env.find(std::string(key));
    if (it == env.end()) return std::nullopt;
    return it->second;
  }

  const LoadRequest& req_;
  const FileSystem& fs_;
  const EnvMap& os_env_;
  ir::SourceManager& sm_;
  ir::DiagnosticSink& sink_;

  EnvMap env_;
  std::string working_dir_;  // --project-directory, absolute, or empty
  std::vector<std::string> config_paths_;
  std::vector<std::string> env_files_;
  std::vector<File> files_;
  std::string project_name_;
  bool name_imperative_ = false;
  Node disabled_ = Node::Map();
  Scope* scope_ = nullptr;                   // the active scope; its env is what Lookup sees
  std::unique_ptr<SchemaValidator> schema_;  // compiled on first use
};

std::string Loader::WorkingDir() const {
  if (!working_dir_.empty()) return working_dir_;
  for (const std::string& p : config_paths_) {
    if (p != "-") return DirName(AbsPath(p, fs_.Cwd()));
  }
  return fs_.Cwd();
}

bool Loader::ChooseEnvFiles(std::vector<std::string>* files) {
  if (!req_.env_files.empty()) {
    *files = req_.env_files;
    return true;
  }
  if (auto it = os_env_.find("COMPOSE_DISABLE_ENV_FILE"); it != os_env_.end()) {
    bool b = false;
    if (!ParseBoolEnv(it->second, &b)) {
      Error(fmt::format("strconv.ParseBool: parsing \"{}\": invalid syntax", it->second));
      return false;
    }
    if (b) return true;
  }
  const std::string dot_env = JoinPath(WorkingDir(), ".env");
  if (fs_.IsFile(dot_env)) *files = {dot_env};
  return true;
}

bool Loader::ReadEnvFile(const std::string& path, const EnvLookup& lookup, EnvMap* out, bool raw,
                         bool dot_env) {
  std::string text;
  std::string error;
  if (!fs_.Read(path, &text, &error)) {
    Error(fmt::format("open {}: {}", path, error));
    return false;
  }
  const ir::FileId id = sm_.Add(path, std::move(text));
  std::vector<DotenvEntry> entries;
  DotenvOptions options;
  options.raw = raw;
  options.bare_keys_see_read_values = dot_env;
  if (!ParseDotenv(sm_, id, lookup, options, &entries, sink_)) return false;
  for (DotenvEntry& e : entries) (*out)[e.key] = std::move(e.value);
  return true;
}

bool Loader::ApplyDotEnv(const std::vector<std::string>& files) {
  // dotenv.GetEnvFromFile: each file is read with the environment so far plus what earlier files
  // set; then only keys not already in the environment are added.
  EnvMap from_files;
  for (const std::string& f : files) {
    const std::string abs = AbsPath(f, fs_.Cwd());
    if (!fs_.IsFile(abs)) {
      if (fs_.IsDir(abs)) {
        Error(fmt::format("{} is a directory", abs));
      } else {
        Error(fmt::format("couldn't find env file: {}", abs));
      }
      return false;
    }
    EnvLookup lookup = [&](std::string_view k) -> std::optional<std::string> {
      if (auto v = Lookup(k)) return v;
      auto it = from_files.find(std::string(k));
      if (it != from_files.end()) return it->second;
      return std::nullopt;
    };
    EnvMap vars;
    if (!ReadEnvFile(abs, lookup, &vars, false, true)) return false;
    for (auto& [k, v] : vars) from_files[k] = v;
  }
  for (auto& [k, v] : from_files) env_.emplace(k, v);
  return true;
}

bool Loader::ConfigFileEnv() {
  if (!config_paths_.empty()) return true;
  auto it = env_.find("COMPOSE_FILE");
  if (it == env_.end()) return true;
  std::string sep = ":";
  if (auto s = env_.find("COMPOSE_PATH_SEPARATOR"); s != env_.end() && !s->second.empty()) {
    sep = s->second;
  }
  std::string_view list = it->second;
  size_t start = 0;
  while (true) {
    const size_t pos = list.find(sep, start);
    std::string f(
        list.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (f != "-") {
      f = AbsPath(f, fs_.Cwd());
      if (!fs_.IsFile(f) && !fs_.IsDir(f)) {
        Error(fmt::format("stat {}: no such file or directory", f));
        return false;
      }
    }
    config_paths_.push_back(f);
    if (pos == std::string_view::npos) break;
    start = pos + sep.size();
  }
  return true;
}

void Loader::DefaultConfigPath() {
  if (!config_paths_.empty()) return;
  std::string dir = WorkingDir();
  while (true) {
    std::vector<std::string> found;
    for (const char* n : kDefaultFiles) {
      const std::string f = JoinPath(dir, n);
      if (fs_.IsFile(f) || fs_.IsDir(f)) found.push_back(f);
    }
    if (!found.empty()) {
      if (found.size() > 1) {
        std::string all;
        for (const std::string& f : found) all += (all.empty() ? "" : ", ") + f;
        sink_.Warning("LOAD002", {}, "found multiple config files with supported names: " + all);
        sink_.Warning("LOAD002", {}, "using " + found[0]);
      }
      config_paths_.push_back(found[0]);
      for (const char* n : kOverrideFiles) {
        const std::string f = JoinPath(dir, n);
        if (fs_.IsFile(f)) {
          config_paths_.push_back(f);
          break;
        }
      }
      return;
    }
    const std::string parent = DirName(dir);
    if (parent == dir) return;
    dir = parent;
  }
}

bool Loader::ReadConfigFiles() {
  if (config_paths_.empty()) {
    Error("no configuration file provided: not found");
    return false;
  }
  for (const std::string& p : config_paths_) {
    if (p == "-") {
      files_.push_back(File{"-", sm_.Add("-", req_.stdin_text.value_or(""))});
      continue;
    }
    File f;
    if (!ReadFile(AbsPath(p, fs_.Cwd()), &f)) return false;
    files_.push_back(f);
  }
  return true;
}

// The project name: -p, then COMPOSE_PROJECT_NAME, then the last non-empty `name:` of the files
// (interpolated, normalised), then the project directory's base name (normalised).
bool Loader::ProjectName() {
  if (!req_.project_name.empty()) {
    project_name_ = req_.project_name;
    name_imperative_ = true;
  } else if (auto it = env_.find("COMPOSE_PROJECT_NAME"); it != env_.end() && !it->second.empty()) {
    project_name_ = it->second;
    name_imperative_ = true;
  }
  if (name_imperative_) {
    if (NormalizeProjectName(project_name_) != project_name_) {
      Error(InvalidProjectName(project_name_));
      return false;
    }
    return true;
  }
  // Quick scan of every document for a top-level string `name`.
  std::string from_files;
  for (const File& f : files_) {
    ir::DiagnosticSink quiet;
    for (const Node& doc : ParseYaml(sm_, f.id, quiet, YamlOptions{})) {
      if (!doc.is_map()) continue;
      if (const Node* n = doc.Find("name"); n && n->is_scalar() && !n->is_null()) {
        if (!n->GoString().empty()) from_files = n->GoString();
      }
    }
  }
  if (req_.interpolate && !from_files.empty()) {
    Node holder = Node::Map();
    holder.Set("name", Node::String(from_files));
    EnvLookup lookup = [this](std::string_view k) { return Lookup(k); };
    if (!InterpolateModel(holder, lookup, sink_)) return false;
    from_files = holder.Find("name")->GoString();
  }
  if (req_.normalize) from_files = NormalizeProjectName(from_files);
  if (!from_files.empty()) {
    project_name_ = from_files;
  } else {
    project_name_ = NormalizeProjectName(BaseName(WorkingDir()));
  }
  return true;
}

bool Loader::ValidateSchema(const Node& model, const std::string& path) {
  if (!schema_) {
    std::string error;
    schema_ = SchemaValidator::ComposeSpec(&error);
    if (!schema_) {
      Error(fmt::format("the embedded Compose schema does not compile: {}", error));
      return false;
    }
  }
  SchemaValidateOptions options;
  options.message_prefix = fmt::format("validating {}: ", path);
  return schema_->Validate(model, sink_, options);
}

bool Loader::ReadFile(const std::string& path, File* out) {
  std::string text;
  std::string error;
  if (!fs_.Read(path, &text, &error)) {
    if (error == "file too large") {
      Error(
          fmt::format("{}: file is larger than the {} MB limit", path, req_.max_file_bytes >> 20));
    } else if (error == "is a directory") {
      Error(fmt::format("read {}: is a directory", path));
    } else {
      Error(
          fmt::format("open {}: {}", path,
                      error == "No such file or directory" ? "no such file or directory" : error));
    }
    return false;
  }
  *out = File{path, sm_.Add(path, std::move(text))};
  return true;
}

// loader.go loadYamlModel: every file merged in order, then defaults, semantic checks, paths,
// environment.
bool Loader::LoadYamlModel(const std::vector<File>& files, Scope& scope,
                           std::vector<std::string> included, Node* model) {
  Scope* saved = scope_;
  scope_ = &scope;
  bool ok = true;
  for (const File& f : files) {
    if (!LoadYamlFile(f, scope, included, *model)) {
      ok = false;
      break;
    }
  }
  if (ok && !scope.skip_defaults) {
    SetDefaultValues(*model, sink_);
    ok = !sink_.has_errors();
  }
  if (ok && !scope.skip_validation) ok = ValidateModel(*model, sink_);
  if (ok && scope.resolve_paths) {
    ResolvePaths(*model, scope.working_dir);
    ok = !sink_.has_errors();
  }
  if (ok) ResolveEnvironment(*model);
  scope_ = saved;
  return ok;
}

bool Loader::LoadYamlFile(const File& file, Scope& scope, std::vector<std::string>& included,
                          Node& model) {
  YamlOptions yopts;
  std::vector<Node> docs = ParseYaml(sm_, file.id, sink_, yopts);
  if (sink_.has_errors()) return false;
  for (Node& doc : docs) {
    if (doc.is_null()) continue;  // an empty document
    if (!doc.is_map()) {
      Error(doc.span, "top-level object must be a mapping");
      return false;
    }
    const ResetPaths resets = TakeResetTags(doc);
    if (req_.interpolate) {
      EnvLookup lookup = [this](std::string_view k) { return Lookup(k); };
      if (!InterpolateModel(doc, lookup, sink_)) return false;
    }
    if (!scope.skip_include) {
      included.push_back(file.path);
      if (!ApplyInclude(scope, included, doc, resets)) return false;
    }
    ApplyResets(resets, model);
    if (!scope.skip_extends && !ApplyExtends(file, scope, doc, resets)) return false;
    if (!Check(MergeModel(model, std::move(doc)))) return false;
    if (!Check(EnforceUnicity(model))) return false;
  }
  if (!model.is_map()) return true;
  if (!scope.skip_validation) {
    if (!ValidateSchema(model, file.path)) return false;
    if (const MapEntry* v = model.FindEntry("version")) {
      sink_.Warning("LOAD003", v->key_span,
                    "the attribute `version` is obsolete, it will be ignored, please remove it to "
                    "avoid potential confusion");
      model.Erase("version");
    }
  }
  Canonicalize(model, !req_.interpolate, sink_);
  if (sink_.has_errors()) return false;
  OmitEmpty(model);
  return Check(EnforceUnicity(model));
}

// include.go ApplyInclude: each entry is loaded as a project of its own (its directory, its .env
// under the parent's environment) and its resources are imported; a local definition of the same
// name wins.
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
    std::vector<File> files;
    for (const std::string& abs : abs_paths) {
      File f;
      if (!ReadFile(abs, &f)) return false;
      files.push_back(f);
    }
    Node imported = Node::Map();
    if (!LoadYamlModel(files, child, included, &imported)) return false;
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
  for (const MapEntry& e : services->entries) names.push_back(e.key);
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
    File f;
    if (!ReadFile(abs, &f)) return false;
    file_scope.working_dir = DirName(abs);
    file_scope.env = scope.env;
    file_scope.resolve_paths = false;
    file_scope.skip_include = true;
    file_scope.skip_extends = true;
    file_scope.skip_validation = true;
    file_scope.skip_defaults = true;
    Node source = Node::Map();
    std::vector<std::string> none;
    Scope* saved = scope_;
    scope_ = &file_scope;
    const bool ok = LoadYamlFile(f, file_scope, none, source);
    scope_ = saved;
    if (!ok) return false;
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
    ResolvePaths(source, file_scope.working_dir);
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

bool Loader::Run(LoadedProject* out) {
  // cli.ProjectOptions, as docker compose builds them (cmd/compose/compose.go toProjectOptions).
  if (!req_.project_directory.empty()) working_dir_ = AbsPath(req_.project_directory, fs_.Cwd());
  config_paths_ = req_.config_paths;
  env_ = os_env_;
  if (!env_.count("PWD")) env_["PWD"] = fs_.Cwd();
  std::vector<std::string> env_files;
  if (!ChooseEnvFiles(&env_files) || !ApplyDotEnv(env_files)) return false;
  if (!ConfigFileEnv()) return false;
  DefaultConfigPath();
  env_files.clear();
  if (!ChooseEnvFiles(&env_files) || !ApplyDotEnv(env_files)) return false;
  if (!req_.project_name.empty() && NormalizeProjectName(req_.project_name) != req_.project_name) {
    Error(InvalidProjectName(req_.project_name));
    return false;
  }

  if (!ReadConfigFiles()) return false;
  if (working_dir_.empty()) working_dir_ = WorkingDir();
  if (!ProjectName()) return false;
  env_["COMPOSE_PROJECT_NAME"] = project_name_;

  Node model = Node::Map();
  Scope top;
  top.working_dir = working_dir_;
  top.env = env_;
  top.resolve_paths = req_.resolve_paths;
  if (!LoadYamlModel(files_, top, {}, &model)) return false;
  if (!PostProcess(model)) return false;

  out->model = std::move(model);
  out->disabled_services = std::move(disabled_);
  out->name = project_name_;
  out->working_dir = working_dir_;
  for (const File& f : files_) out->config_files.push_back(f.path);
  out->environment = env_;
  return true;
}

bool Loader::PostProcess(Node& model) {
  if (model.entries.empty()) {
    Error("empty compose file");
    return false;
  }
  if (req_.normalize) {
    model.Set("name", Node::String(project_name_));
    Normalize(model);
  }
  if (req_.model_only) return !sink_.has_errors();
  // ModelToProject: the name is the computed one; x-* stay; profiles; consistency; env files.
  model.Erase("name");
  if (!Profiles(model)) return false;
  if (req_.consistency && !CheckConsistency(model, disabled_, sink_)) return false;
  if (!FoldEnvFiles(model, req_.resolve_environment, /*labels=*/true)) return false;
  if (!SelectServices(model)) return false;
  if (!req_.all_resources) PruneResources(model);
  // Project order: name first.
  model.entries.insert(model.entries.begin(), MapEntry{"name", {}, Node::String(project_name_)});
  return !sink_.has_errors();
}

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

void Loader::ResolvePaths(Node& model, const std::string& base) {
  auto abs_path = [&](Node& n) {
    if (!n.is_string()) return;
    std::string v = ExpandUser(n.text, os_env_);
    if (IsAbsPath(v) || v.empty()) {
      n.text = v;
      return;
    }
    n.text = JoinPath(base, v);
  };
  auto maybe_unix = [&](Node& n) {
    if (!n.is_string()) return;
    std::string v = ExpandUser(n.text, os_env_);
    if (!IsAbsPath(v) && !IsWindowsAbs(v)) v = JoinPath(base, v);
    n.text = v;
  };
  auto context_path = [&](Node& n) {
    if (!n.is_string()) return;
    const std::string& v = n.text;
    if (v.find("://") != std::string::npos || v.starts_with("service:")) return;
    for (const char* prefix : {"https://", "http://", "git://", "ssh://", "github.com/", "git@"}) {
      if (v.starts_with(prefix)) return;
    }
    abs_path(n);
  };
  if (Node* services = model.Find("services"); services && services->is_map()) {
    for (MapEntry& s : services->entries) {
      Node& svc = s.value;
      if (!svc.is_map()) continue;
      if (Node* build = svc.Find("build"); build && build->is_map()) {
        if (Node* c = build->Find("context")) context_path(*c);
        if (Node* ac = build->Find("additional_contexts"); ac && ac->is_map()) {
          for (MapEntry& e : ac->entries) context_path(e.value);
        }
        if (Node* ssh = build->Find("ssh"); ssh && ssh->is_map()) {
          for (MapEntry& e : ssh->entries) maybe_unix(e.value);
        }
      }
      if (Node* ef = svc.Find("env_file"); ef && ef->is_seq()) {
        for (Node& e : ef->items) {
          if (Node* p = e.is_map() ? e.Find("path") : nullptr) abs_path(*p);
        }
      }
      if (Node* lf = svc.Find("label_file"); lf && lf->is_seq()) {
        for (Node& e : lf->items) abs_path(e);
      }
      if (Node* ext = svc.Find("extends"); ext && ext->is_map()) {
        if (Node* f = ext->Find("file")) abs_path(*f);
      }
      if (Node* dev = svc.Find("develop"); dev && dev->is_map()) {
        if (Node* watch = dev->Find("watch"); watch && watch->is_seq()) {
          for (Node& w : watch->items) {
            if (Node* p = w.is_map() ? w.Find("path") : nullptr) abs_path(*p);
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
            Error(v.span, "invalid mount config for type \"bind\": field Source must not be empty");
            continue;
          }
          maybe_unix(*src);
        }
      }
    }
  }
  for (const char* kind : {"configs", "secrets"}) {
    if (Node* res = model.Find(kind); res && res->is_map()) {
      for (MapEntry& e : res->entries) {
        if (Node* f = e.value.is_map() ? e.value.Find("file") : nullptr) maybe_unix(*f);
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
      if (o && o->text == "bind" && device) maybe_unix(*device);
    }
  }
}

void Loader::ResolveEnvironment(Node& model) {
  if (Node* services = model.Find("services"); services && services->is_map()) {
    for (MapEntry& s : services->entries) {
      Node* env = s.value.is_map() ? s.value.Find("environment") : nullptr;
      if (!env || !env->is_seq()) continue;
      std::vector<Node> items;
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
  }
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
  // Default network.
  bool uses_default = false;
  Node* services = model.Find("services");
  if (services && services->is_map()) {
    for (MapEntry& s : services->entries) {
      Node& svc = s.value;
      if (!svc.is_map()) continue;
      if (svc.Find("provider") || svc.Find("network_mode")) continue;
      Node* nets = svc.Find("networks");
      if (!nets || (nets->is_map() && nets->entries.empty()) || nets->is_null()) {
        Node m = Node::Map();
        m.Set("default", Node::Null());
        svc.Set("networks", std::move(m));
        uses_default = true;
      } else if (nets->is_map() && nets->Find("default")) {
        uses_default = true;
      }
    }
  }
  if (uses_default) {
    Node* nets = model.Find("networks");
    if (!nets || !nets->is_map()) {
      model.Set("networks", Node::Map());
      nets = model.Find("networks");
    }
    if (!nets->FindEntry("default")) nets->Set("default", Node::Null());
  }
  services = model.Find("services");
  if (services && services->is_map()) {
    for (MapEntry& s : services->entries) {
      Node& svc = s.value;
      if (!svc.is_map()) continue;
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
            std::vector<MapEntry> kept;
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
            std::vector<Node> kept;
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
      if (Node* d = svc.Find("depends_on"); d && d->is_map()) depends = *d;
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
        if (n && n->is_string() && n->text.starts_with("service:"))
          add_dep(n->text.substr(8), true);
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
    }
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
      e.value.Set("name", Node::String(external ? e.key : project_name_ + "_" + e.key));
    }
  }
}

bool Loader::Profiles(Node& model) {
  std::vector<std::string> active = req_.profiles;
  if (active.empty()) {
    auto it = env_.find("COMPOSE_PROFILES");
    const std::string list = it == env_.end() ? "" : it->second;
    size_t start = 0;
    while (true) {
      const size_t comma = list.find(',', start);
      std::string p =
          list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const size_t b = p.find_first_not_of(" \t\n\r");
      const size_t e = p.find_last_not_of(" \t\n\r");
      active.push_back(b == std::string::npos ? "" : p.substr(b, e - b + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  // Selecting a disabled service by name enables its profiles.
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  auto has_profile = [&](const Node& svc) {
    const Node* profiles = svc.is_map() ? svc.Find("profiles") : nullptr;
    if (!profiles || !profiles->is_seq() || profiles->items.empty()) return true;
    for (const std::string& p : active) {
      if (p == "*") return true;
      for (const Node& sp : profiles->items) {
        if (sp.GoString() == p) return true;
      }
    }
    return false;
  };
  for (const std::string& wanted : req_.services) {
    const Node* svc = services->Find(wanted);
    if (!svc || has_profile(*svc)) continue;
    if (const Node* profiles = svc->Find("profiles"); profiles && profiles->is_seq()) {
      for (const Node& p : profiles->items) active.push_back(p.GoString());
    }
  }
  std::vector<MapEntry> enabled;
  for (MapEntry& s : services->entries) {
    if (has_profile(s.value)) {
      enabled.push_back(std::move(s));
    } else {
      disabled_.entries.push_back(std::move(s));
    }
  }
  services->entries = std::move(enabled);
  return true;
}

// Project.WithSelectedServices: the named services and, transitively, what they depend on; the
// others are set aside and dependencies on them dropped.
bool Loader::SelectServices(Node& model) {
  if (req_.services.empty()) return true;
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  std::set<std::string> selected;
  std::function<bool(const std::string&, const Node*)> add = [&](const std::string& name,
                                                                 const Node* dependency) -> bool {
    if (selected.count(name)) return true;
    const Node* svc = services->Find(name);
    if (!svc) {
      const Node* required =
          dependency && dependency->is_map() ? dependency->Find("required") : nullptr;
      if (!dependency || !required || required->AsBool().value_or(true)) {
        Error(fmt::format("no such service: {}", name));
        return false;
      }
      return true;
    }
    selected.insert(name);
    if (const Node* deps = svc->is_map() ? svc->Find("depends_on") : nullptr;
        deps && deps->is_map()) {
      for (const MapEntry& d : deps->entries) {
        if (!add(d.key, &d.value)) return false;
      }
    }
    return true;
  };
  for (const std::string& name : req_.services) {
    if (!add(name, nullptr)) return false;
  }
  std::vector<MapEntry> kept;
  for (MapEntry& s : services->entries) {
    if (!selected.count(s.key)) {
      disabled_.entries.push_back(std::move(s));
      continue;
    }
    if (Node* deps = s.value.is_map() ? s.value.Find("depends_on") : nullptr;
        deps && deps->is_map()) {
      std::erase_if(deps->entries, [&](const MapEntry& d) { return !selected.count(d.key); });
    }
    kept.push_back(std::move(s));
  }
  services->entries = std::move(kept);
  return true;
}

// Project.WithoutUnnecessaryResources: only the networks, volumes, secrets, configs and models that
// an enabled service uses are kept (docker compose does this unless --all-resources).
void Loader::PruneResources(Node& model) {
  std::set<std::string> networks, volumes, secrets, configs, models;
  if (const Node* services = model.Find("services"); services && services->is_map()) {
    for (const MapEntry& s : services->entries) {
      const Node& svc = s.value;
      if (!svc.is_map()) continue;
      if (const Node* n = svc.Find("networks"); n && n->is_map()) {
        for (const MapEntry& e : n->entries) networks.insert(e.key);
      }
      if (const Node* v = svc.Find("volumes"); v && v->is_seq()) {
        for (const Node& m : v->items) {
          const Node* type = m.is_map() ? m.Find("type") : nullptr;
          const Node* src = m.is_map() ? m.Find("source") : nullptr;
          if (type && type->text == "volume" && src && !src->GoString().empty()) {
            volumes.insert(src->GoString());
          }
        }
      }
      auto sources = [](const Node* list, std::set<std::string>& into) {
        if (!list || !list->is_seq()) return;
        for (const Node& r : list->items) {
          const Node* src = r.is_map() ? r.Find("source") : nullptr;
          into.insert(src ? src->GoString() : "");
        }
      };
      sources(svc.Find("secrets"), secrets);
      if (const Node* build = svc.Find("build"); build && build->is_map()) {
        sources(build->Find("secrets"), secrets);
      }
      sources(svc.Find("configs"), configs);
      if (const Node* m = svc.Find("models"); m && m->is_map()) {
        for (const MapEntry& e : m->entries) models.insert(e.key);
      }
    }
  }
  for (auto [key, used] : {std::pair<const char*, std::set<std::string>*>{"networks", &networks},
                           {"volumes", &volumes},
                           {"secrets", &secrets},
                           {"configs", &configs},
                           {"models", &models}}) {
    Node* res = model.Find(key);
    if (!res || !res->is_map()) continue;
    std::erase_if(res->entries, [&](const MapEntry& e) { return !used->count(e.key); });
  }
}

bool Loader::FoldEnvFiles(Node& model, bool fold_environment, bool fold_labels) {
  Node* services = model.Find("services");
  if (!services || !services->is_map()) return true;
  for (MapEntry& s : services->entries) {
    Node& svc = s.value;
    if (!svc.is_map()) continue;
    if (fold_environment && !FoldServiceEnvironment(svc)) return false;
    if (fold_labels && !FoldServiceLabels(svc)) return false;
  }
  return true;
}

bool Loader::FoldServiceEnvironment(Node& svc) {
  {
    // service.Environment as a map of optional values, bare keys resolved from the project
    // environment.
    std::map<std::string, std::optional<std::string>> environment;
    if (const Node* env = svc.Find("environment")) {
      if (env->is_map()) {
        for (const MapEntry& e : env->entries) {
          if (e.value.is_null()) {
            environment[e.key] = std::nullopt;
          } else {
            environment[e.key] = e.value.GoString();
          }
        }
      } else if (env->is_seq()) {
        for (const Node& e : env->items) {
          const std::string t = e.GoString();
          const size_t eq = t.find('=');
          if (eq == std::string::npos) {
            environment[t] = std::nullopt;
          } else {
            environment[t.substr(0, eq)] = t.substr(eq + 1);
          }
        }
      }
    }
    for (auto& [k, v] : environment) {
      if (!v) v = Lookup(k);
    }
    const Node* env_files = svc.Find("env_file");
    if (env_files && env_files->is_seq()) {
      EnvMap values;
      for (auto& [k, v] : environment) {
        if (v) values[k] = *v;
      }
      for (const Node& ef : env_files->items) {
        if (!ef.is_map()) continue;
        const Node* path = ef.Find("path");
        if (!path) continue;
        const Node* required = ef.Find("required");
        const bool req = !required || required->AsBool().value_or(true);
        const Node* format = ef.Find("format");
        if (!fs_.IsFile(path->text) && !fs_.IsDir(path->text)) {
          if (req) {
            Error(path->span,
                  fmt::format("env file {} not found: stat {}: no such file or directory",
                              path->text, path->text));
            return false;
          }
          continue;
        }
        EnvLookup lookup = [&](std::string_view k) -> std::optional<std::string> {
          if (auto v = Lookup(k)) return v;
          auto it = environment.find(std::string(k));
          if (it != environment.end() && it->second) return it->second;
          return std::nullopt;
        };
        if (!ReadEnvFile(path->text, lookup, &values, format && format->text == "raw", false)) {
          return false;
        }
      }
      for (auto& [k, v] : values) {
        auto it = environment.find(k);
        if (it == environment.end()) environment[k] = v;
      }
    }
    if (req_.discard_env_files) svc.Erase("env_file");
    if (!environment.empty() || svc.Find("environment")) {
      Node env = Node::Map(svc.Find("environment") ? svc.Find("environment")->span : ir::Span{});
      for (auto& [k, v] : environment) {
        env.entries.push_back(MapEntry{k, {}, v ? Node::String(*v) : Node::Null()});
      }
      svc.Set("environment", std::move(env));
    }
  }
  return true;
}

bool Loader::FoldServiceLabels(Node& svc) {
  {
    if (const Node* lfs = svc.Find("label_file"); lfs && lfs->is_seq()) {
      EnvMap labels;
      for (const Node& lf : lfs->items) {
        if (!fs_.IsFile(lf.text)) {
          Error(lf.span, fmt::format("label file {} not found: stat {}: no such file or directory",
                                     lf.text, lf.text));
          return false;
        }
        EnvLookup lookup = [&](std::string_view k) -> std::optional<std::string> {
          auto it = labels.find(std::string(k));
          if (it != labels.end()) return it->second;
          return std::nullopt;
        };
        if (!ReadEnvFile(lf.text, lookup, &labels, false, false)) return false;
      }
      if (const Node* own = svc.Find("labels")) {
        if (own->is_map()) {
          for (const MapEntry& e : own->entries)
            labels[e.key] = e.value.is_null() ? "" : e.value.GoString();
        } else if (own->is_seq()) {
          for (const Node& e : own->items) {
            const std::string t = e.GoString();
            const size_t eq = t.find('=');
            labels[t.substr(0, eq)] = eq == std::string::npos ? "" : t.substr(eq + 1);
          }
        }
      }
      if (!labels.empty()) {
        Node m = Node::Map();
        for (auto& [k, v] : labels) m.entries.push_back(MapEntry{k, {}, Node::String(v)});
        svc.Set("labels", std::move(m));
      }
      // compose-go resolves labels without discarding label_file: it stays in the output.
    }
  }
  return true;
}

}  // namespace

bool LoadProject(const LoadRequest& request, const FileSystem& fs, const EnvMap& os_env,
                 ir::SourceManager& sm, ir::DiagnosticSink& sink, LoadedProject* out) {
  return Loader(request, fs, os_env, sm, sink).Run(out);
}

}  // namespace stackc::frontend
