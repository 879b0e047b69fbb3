#include "frontend/loader.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "frontend/canonical.h"
#include "frontend/consistency.h"
#include "frontend/interpolation.h"
#include "frontend/loader_impl.h"
#include "frontend/type_binding.h"
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

namespace loader_internal {

bool Loader::ValidateSchema(const Node& model, const std::string& path) {
  if (!schema_) schema_ = req_.schema ? req_.schema : std::make_shared<const SharedSchema>();
  std::string error;
  const SchemaValidator* schema = schema_->Get(&error);
  if (schema == nullptr) {
    Error(fmt::format("the embedded Compose schema does not compile: {}", error));
    return false;
  }
  SchemaValidateOptions options;
  options.message_prefix = fmt::format("validating {}: ", path);
  return schema->Validate(model, sink_, options);
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
    std::vector<std::string> chain = included;  // each file starts from its caller's include chain
    if (!LoadYamlFile(f, scope, chain, *model)) {
      ok = false;
      break;
    }
  }
  if (ok) ok = ServicePasses(*model, scope);
  scope_ = saved;
  return ok;
}

// loadYamlModel's steps after the merge, each of which visits every service: defaults, semantic
// checks, paths, environment. They run in one pass, service by service, while each service's
// tree is in the cache, and give what running them one after the other gives: a validation error
// stops everything (path errors found before it are dropped, as the path step would not have
// run), and path errors are reported after the pass, in service order. When it fails, the
// services before the failure have been processed and the rest not: the model is then discarded.
bool Loader::ServicePasses(Node& model, const Scope& scope) {
  if (!scope.skip_validation && !ValidateResources(model, sink_)) return false;
  ir::DiagnosticSink path_errors;
  if (Node* services = model.is_map() ? model.Find("services") : nullptr;
      services && services->is_map()) {
    for (MapEntry& s : services->entries) {
      if (!scope.skip_defaults) SetServiceDefaults(s.value);
      if (!scope.skip_validation && !ValidateService(s, sink_)) return false;
      if (scope.resolve_paths) ResolveServicePaths(s.value, scope.working_dir, path_errors);
      if (!path_errors.has_errors()) ResolveServiceEnvironment(s.value);
    }
  }
  for (const ir::Diagnostic& d : path_errors.diagnostics()) {
    sink_.Report(d.severity, d.code, d.span, d.message) = d;
  }
  if (sink_.has_errors()) return false;
  if (scope.resolve_paths) ResolveResourcePaths(model, scope.working_dir);
  ResolveResourceEnvironment(model);
  return true;
}

bool Loader::LoadYamlFile(const File& file, Scope& scope, std::vector<std::string>& included,
                          Node& model) {
  YamlOptions yopts;
  std::vector<Node> docs;
  if (auto it = parsed_.find(file.id); it != parsed_.end()) {
    docs = std::move(it->second);
    parsed_.erase(it);
  } else {
    YamlTrivia trivia{file.id};
    docs = ParseYaml(sm_, file.id, sink_, yopts, &trivia.comments, &trivia.aliased);
    trivia_.push_back(std::move(trivia));
  }
  if (sink_.has_errors()) return false;
  const bool may_have_tags = MayHaveTags(sm_.text(file.id));
  for (Node& doc : docs) {
    if (doc.is_null()) continue;  // an empty document
    if (!doc.is_map()) {
      Error(doc.span, "top-level object must be a mapping");
      return false;
    }
    const ResetPaths resets = may_have_tags ? TakeResetTags(doc) : ResetPaths{};
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
    if (!Check(MergeModel(model, std::move(doc), TagState::kTaken))) return false;
    if (!Check(EnforceUnicity(model))) return false;
  }
  if (!model.is_map()) return true;
  if (!scope.skip_validation) {
    if (!ValidateSchema(model, file.path)) return false;
    if (const MapEntry* v = model.FindEntry("version")) {
      sink_.Warning("LOAD003", v->key_span,
                    "the attribute `version` is obsolete, it will be ignored, please remove it to "
                    "avoid potential confusion");
      version_entries_.push_back(ir::Span{v->key_span.file, v->key_span.begin, v->value.span.end});
      model.Erase("version");
    }
  }
  // Canonicalisation, then uniqueness (compose-go's order): each service's lists are made unique
  // as soon as the service is canonical, and an error there counts only if canonicalisation had
  // none.
  ServiceUnicity unicity;
  Canonicalize(model, !req_.interpolate, sink_, [&unicity](MapEntry& s) { unicity.Service(s); });
  if (sink_.has_errors()) return false;
  return Check(unicity.Finish(model));
}

// include.go ApplyInclude: each entry is loaded as a project of its own (its directory, its .env
// under the parent's environment) and its resources are imported; a local definition of the same
// name wins.

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
  out->version_entries = version_entries_;
  out->trivia = std::move(trivia_);
  out->environment = env_;
  return true;
}

// compose-go's steps after the load: Normalize, then ModelToProject (profiles, consistency, env
// files, selected services, unused resources). Each visits every service; they share three walks
// that look inside each service and give what running them one after the other gives: normalisation
// with the profile of each service; the consistency checks (which gather what their
// dependency-cycle and container-name checks need on the way); env files folded with the resources
// in use gathered. Consistency errors come before env file errors, as in compose-go, because the
// walks run in that order.
bool Loader::PostProcess(Node& model) {
  if (model.entries.empty()) {
    Error("empty compose file");
    return false;
  }
  if (req_.model_only) {
    if (req_.normalize) {
      model.Set("name", Node::String(project_name_));
      Normalize(model);
    }
    return !sink_.has_errors();
  }
  // ModelToProject: the name is the computed one; x-* stay.
  model.Erase("name");
  Node* services = model.Find("services");
  if (services && !services->is_map()) services = nullptr;
  const std::vector<std::string> active = ActiveProfiles(services);
  std::vector<char> enabled;
  bool uses_default = false;
  if (services) {
    enabled.reserve(services->entries.size());
    for (MapEntry& s : services->entries) {
      if (req_.normalize && NormalizeService(s.value)) uses_default = true;
      BindService(s.value, s.key, sink_);
      enabled.push_back(HasActiveProfile(s.value, active) ? 1 : 0);
    }
  }
  if (req_.normalize) NormalizeResources(model, uses_default);
  BindResources(model, sink_);
  if (sink_.has_errors()) return false;  // decoding into compose-go's types failed
  services = model.Find("services");     // NormalizeResources may have added a top-level key
  if (services && services->is_map()) {
    ir::ThinVector<MapEntry> kept;
    kept.reserve(services->entries.size());
    for (size_t i = 0; i < services->entries.size(); ++i) {
      if (enabled[i]) {
        kept.push_back(std::move(services->entries[i]));
      } else {
        disabled_.entries.push_back(std::move(services->entries[i]));
      }
    }
    services->entries = std::move(kept);
  }
  if (req_.consistency && !CheckConsistency(model, disabled_, sink_)) return false;
  // Without services named on the command line nothing is set aside after this pass, so the
  // resources in use are gathered in it.
  const bool gather = !req_.all_resources && req_.services.empty();
  UsedResources used;
  if (!FoldEnvFiles(model, req_.resolve_environment, /*labels=*/true, gather ? &used : nullptr)) {
    return false;
  }
  if (!SelectServices(model)) return false;
  if (gather) {
    used.Prune(model);
  } else if (!req_.all_resources) {
    PruneResources(model);
  }
  // Project order: name first.
  model.entries.insert(model.entries.begin(), MapEntry{"name", {}, Node::String(project_name_)});
  return !sink_.has_errors();
}

}  // namespace loader_internal

bool LoadProject(const LoadRequest& request, const FileSystem& fs, const EnvMap& os_env,
                 ir::SourceManager& sm, ir::DiagnosticSink& sink, LoadedProject* out) {
  return loader_internal::Loader(request, fs, os_env, sm, sink).Run(out);
}

}  // namespace stackc::frontend
