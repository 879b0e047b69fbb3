// The loader: compose files, .env and the environment -> the canonical compose model, as Docker
// Compose sees it.
//
// It follows compose-go's pipeline and order (compose-semantics.md §1): choose the files, the
// project directory, the interpolation environment and the project name (project_options.h); then
// per file and per YAML document: parse, interpolate, include, extends, merge into the model so
// far, enforce list uniqueness, validate against the Compose schema, canonicalise; then defaults,
// semantic checks, path resolution, environment resolution, normalisation, profiles, consistency,
// env_file folding. Every problem is reported with its location; loading never throws.
//
// Example:
//   LoadRequest req;
//   req.config_paths = {"compose.yaml"};
//   LoadedProject project;
//   if (!LoadProject(req, fs, env, sm, sink, &project)) return 2;
//   std::string yaml = ModelPrinter().Yaml(project.model);
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frontend/file_system.h"
#include "frontend/schema.h"
#include "frontend/yaml_tree.h"
#include "ir/diagnostic.h"
#include "ir/source.h"

namespace stackc::frontend {

// The file names Compose looks for when no file is given, in its order (the first found wins), and
// the override files it then adds beside it (the first found).
inline constexpr std::array<const char*, 4> kDefaultComposeFiles = {
    "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"};
inline constexpr std::array<const char*, 4> kOverrideComposeFiles = {
    "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml",
    "docker-compose.override.yaml"};

// Compose's two warnings (LOAD002) when a directory holds more than one of kDefaultComposeFiles:
// `found multiple config files with supported names: A, B` and `using A`. Nothing for one file.
void WarnMultipleComposeFiles(const std::vector<std::string>& found, ir::DiagnosticSink& sink);

using EnvMap = std::map<std::string, std::string>;

struct LoadRequest {
  std::vector<std::string> config_paths;  // -f, in order; "-" is standard input
  std::string project_name;               // -p
  std::string project_directory;          // --project-directory
  std::vector<std::string> env_files;     // --env-file
  std::vector<std::string> profiles;      // --profile
  std::vector<std::string> services;      // positional service names
  std::optional<std::string> stdin_text;  // the text of "-", read by the caller

  bool interpolate = true;
  bool normalize = true;
  bool resolve_paths = true;
  bool consistency = true;
  bool resolve_environment = true;  // fold env_file into environment, resolve bare keys
  // When not empty, fold env files only for these services (config --hash reads no env file of a
  // service it does not hash).
  std::vector<std::string> environment_services;
  bool discard_env_files = true;  // drop env_file/label_file after folding (config does)
  bool all_resources = false;     // keep networks, volumes... that no service uses
  bool model_only = false;  // stop after normalisation: the raw dict (config --no-interpolate)

  size_t max_file_bytes = 64u << 20;  // refuse larger files with a located error

  // The Compose schema, shared with the other loads of the process; null: this load reads its own.
  std::shared_ptr<const SharedSchema> schema;
};

// What the parse of a YAML file saw besides its values: its comments and the anchored nodes that an
// alias or a `<<` merge copies (lint reads its suppressions and vets its fixes with them, without
// parsing the file again).
struct YamlTrivia {
  ir::FileId file = ir::kNoFile;
  std::vector<Comment> comments;
  std::vector<ir::Span> aliased;
};

struct LoadedProject {
  Node model;  // the canonical model: name, services, networks, volumes, secrets, configs, models,
               // x-*
  Node disabled_services = Node::Map();
  std::string name;
  std::string working_dir;
  std::vector<std::string> config_files;
  EnvMap environment;                     // the interpolation environment
  std::vector<ir::Span> version_entries;  // obsolete top-level `version:` entries (key to value)
  std::vector<YamlTrivia> trivia;         // per YAML file this load parsed
};

// Loads the project. Returns false when an error was reported to `sink`.
bool LoadProject(const LoadRequest& request, const FileSystem& fs, const EnvMap& os_env,
                 ir::SourceManager& sm, ir::DiagnosticSink& sink, LoadedProject* out);

// compose-go's NormalizeProjectName: lowercase, keep [a-z0-9_-], trim leading '_' and '-'.
std::string NormalizeProjectName(std::string_view name);

}  // namespace stackc::frontend
