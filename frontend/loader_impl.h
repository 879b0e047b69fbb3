// The loader's working object (internal to the frontend): one per load, holding the request, the
// side-effect interfaces (files, environment) and the state of the load. Its steps live in several
// files, one concern each: loader.cc (the per-file pipeline and the order of the steps),
// project_options.cc (files, project directory, .env and name), include_extends.cc, normalize.cc
// (paths, environment, compose-go's Normalize), service_filter.cc (profiles, selected services,
// unused resources) and env_files.cc (env_file/label_file folding). Callers use LoadProject() in
// loader.h.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "frontend/environment.h"
#include "frontend/loader.h"
#include "frontend/merge.h"
#include "frontend/schema.h"

namespace stackc::frontend::loader_internal {

// The networks, volumes, secrets, configs and models that a project's enabled services use
// (Project.WithoutUnnecessaryResources): added one service at a time, then pruned from the model.
// The names are views into the services, which must stay as they are until Prune.
class UsedResources {
 public:
  void Add(const Node& svc);
  void Prune(Node& model) const;

 private:
  std::string_view NameOf(const Node& n);

  std::unordered_set<std::string_view> networks_, volumes_, secrets_, configs_, models_;
  std::deque<std::string> owned_;  // the names of values that are not strings
};

// compose-go's message for a project name that is not already normalised.
std::string InvalidProjectName(std::string_view name);

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
  // Where each variable of an env file is written: its key and its value (quotes included).
  using EnvSpans = std::map<std::string, std::pair<ir::Span, ir::Span>>;
  bool ReadEnvFile(const std::string& path, const EnvLookup& lookup, EnvMap* out, bool raw,
                   bool dot_env, EnvSpans* spans = nullptr);
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
  bool ServicePasses(Node& model, const Scope& scope);
  void ResolvePaths(Node& model, const std::string& base);
  // The per-service and the top-level halves of ResolvePaths and of the environment step, for
  // the one pass over the services of ServicePasses. Path errors go to `errors`.
  void ResolveServicePaths(Node& svc, const std::string& base, ir::DiagnosticSink& errors);
  void ResolveResourcePaths(Node& model, const std::string& base);
  void ResolveServiceEnvironment(Node& svc);
  void ResolveResourceEnvironment(Node& model);
  void Normalize(Node& model);
  // Normalize's halves: one service (true when it is on the project's default network), then the
  // project's networks and resource names.
  bool NormalizeService(Node& svc);
  void NormalizeResources(Node& model, bool uses_default);
  // Profiles: the active ones (--profile or COMPOSE_PROFILES, and those of services named on the
  // command line), then whether a service is enabled by them.
  std::vector<std::string> ActiveProfiles(const Node* services) const;
  static bool HasActiveProfile(const Node& svc, const std::vector<std::string>& active);
  // env_file into environment (WithServicesEnvironmentResolved) and label_file into labels
  // (WithServicesLabelsResolved), each when asked; with `used`, each service's resources are added
  // to it in the same pass.
  bool FoldEnvFiles(Node& model, bool environment, bool labels, UsedResources* used);
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
  std::vector<ir::Span> version_entries_;  // obsolete `version:` entries, key to value

  EnvMap env_;
  std::string working_dir_;  // --project-directory, absolute, or empty
  std::vector<std::string> config_paths_;
  std::vector<std::string> env_files_;
  std::vector<File> files_;
  std::string project_name_;
  bool name_imperative_ = false;
  Node disabled_ = Node::Map();
  Scope* scope_ = nullptr;                      // the active scope; its env is what Lookup sees
  std::shared_ptr<const SharedSchema> schema_;  // read on first use
  std::map<std::string, Node>
      include_cache_;  // included models by (paths, directories, environment)
  std::map<std::string, Node> extends_cache_;       // extended files' models by (path, directory)
  std::map<ir::FileId, std::vector<Node>> parsed_;  // documents parsed while looking for `name:`
  std::vector<YamlTrivia> trivia_;                  // of each file parsed for the load
};

}  // namespace stackc::frontend::loader_internal
