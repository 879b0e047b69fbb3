#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "frontend/dotenv.h"
#include "frontend/interpolation.h"
#include "frontend/loader_impl.h"

namespace stackc::frontend {

void WarnMultipleComposeFiles(const std::vector<std::string>& found, ir::DiagnosticSink& sink) {
  if (found.size() < 2) return;
  std::string all;
  for (const std::string& f : found) all += (all.empty() ? "" : ", ") + f;
  sink.Warning("LOAD002", {}, "found multiple config files with supported names: " + all);
  sink.Warning("LOAD002", {}, "using " + found[0]);
}

}  // namespace stackc::frontend

namespace stackc::frontend::loader_internal {

namespace {

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

}  // namespace

std::string InvalidProjectName(std::string_view name) {
  return fmt::format(
      "invalid project name \"{}\": must consist only of lowercase alphanumeric characters, "
      "hyphens, "
      "and underscores as well as start with a letter or number",
      name);
}

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
                         bool dot_env, EnvSpans* spans) {
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
  for (DotenvEntry& e : entries) {
    if (spans != nullptr) (*spans)[e.key] = {e.key_span, e.value_span};
    (*out)[e.key] = std::move(e.value);
  }
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
    for (const char* n : kDefaultComposeFiles) {
      const std::string f = JoinPath(dir, n);
      if (fs_.IsFile(f) || fs_.IsDir(f)) found.push_back(f);
    }
    if (!found.empty()) {
      WarnMultipleComposeFiles(found, sink_);
      config_paths_.push_back(found[0]);
      for (const char* n : kOverrideComposeFiles) {
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
    YamlTrivia trivia{f.id};
    std::vector<Node> docs =
        ParseYaml(sm_, f.id, quiet, YamlOptions{}, &trivia.comments, &trivia.aliased);
    for (const Node& doc : docs) {
      if (!doc.is_map()) continue;
      if (const Node* n = doc.Find("name"); n && n->is_scalar() && !n->is_null()) {
        if (!n->GoString().empty()) from_files = n->GoString();
      }
    }
    // Kept for the load, so each file is parsed once (a file that failed is parsed again there, to
    // report).
    if (!quiet.has_errors()) {
      parsed_[f.id] = std::move(docs);
      trivia_.push_back(std::move(trivia));
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

}  // namespace stackc::frontend::loader_internal
