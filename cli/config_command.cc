#include "cli/config_command.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "cli/deferred_options.h"
#include "frontend/file_system.h"
#include "frontend/go_emit.h"
#include "frontend/interpolation.h"
#include "frontend/model_printer.h"
#include "ir/sha256.h"

namespace stackc::cli {

namespace {

struct ConfigOptions {
  bool quiet = false;
  std::string format;  // "" = yaml, except for --variables, where it is a table
  bool services = false;
  bool volumes = false;
  bool networks = false;
  bool models = false;
  bool profiles = false;
  bool images = false;
  bool environment = false;
  bool variables = false;
  std::string hash;  // --hash: "*" or a comma-separated list of services
  bool no_interpolate = false;
  bool no_normalize = false;
  bool no_path_resolution = false;
  bool no_consistency = false;
  bool no_env_resolution = false;
  std::string output;
  std::vector<std::string> service_args;
};

// Writes the output to -o FILE or standard output; false (after a message) when that fails.
bool Print(const std::string& text, const ConfigOptions& o) {
  if (!o.output.empty()) {
    std::ofstream out(o.output, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::fprintf(stderr, "error: open %s: cannot write the file\n", o.output.c_str());
      return false;
    }
    return true;
  }
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error: cannot write to standard output\n");
    return false;
  }
  return true;
}

// The project's print, written in pieces as the printer hands them over, to -o FILE (opened at the
// first piece) or standard output, each '$' doubled as Docker Compose doubles it so that the print
// loads back identically. Close reports a failure once, after a message.
class ProjectOutput {
 public:
  explicit ProjectOutput(const std::string& path) : path_(path) {}
  ProjectOutput(const ProjectOutput&) = delete;
  ProjectOutput& operator=(const ProjectOutput&) = delete;
  ~ProjectOutput() {
    if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  }

  void Write(std::string_view text) {
    if (failed_) return;
    if (file_ == nullptr) {
      file_ = path_.empty() ? stdout : std::fopen(path_.c_str(), "wb");
      if (file_ == nullptr) {
        failed_ = true;
        return;
      }
    }
    while (!text.empty()) {
      const size_t dollar = text.find('$');
      const size_t n = dollar == std::string_view::npos ? text.size() : dollar + 1;
      if (std::fwrite(text.data(), 1, n, file_) != n ||
          (dollar != std::string_view::npos && std::fputc('$', file_) == EOF)) {
        failed_ = true;
        return;
      }
      text.remove_prefix(n);
    }
  }

  bool Close() {
    if (file_ == nullptr && !failed_) Write("");
    bool ok = !failed_ && file_ != nullptr && std::fflush(file_) == 0;
    if (file_ != nullptr && file_ != stdout) {
      ok = std::fclose(file_) == 0 && ok;
    }
    file_ = nullptr;
    if (!ok && path_.empty()) std::fprintf(stderr, "error: cannot write to standard output\n");
    if (!ok && !path_.empty()) {
      std::fprintf(stderr, "error: open %s: cannot write the file\n", path_.c_str());
    }
    return ok;
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

// encoding/json's compact form of MarshalIndent's output: the white space outside strings removed.
std::string CompactJson(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  bool in_string = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < in.size()) {
        out += in[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\n') continue;
    if (c == '"') in_string = true;
    out += c;
  }
  return out;
}

std::string DoubleIndent(const std::string& in) {
  std::string out;
  bool line_start = true;
  for (char c : in) {
    if (line_start && c == ' ') {
      out += "  ";
      continue;
    }
    line_start = c == '\n';
    out += c;
  }
  return out;
}

// encoding/json with SetEscapeHTML(false) and a 4-space indent, from MarshalIndent's 2-space,
// escaped text.
std::string ReindentJson(const std::string& doubled) {
  const std::string in = DoubleIndent(doubled);
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c != '\\') {
      out += c;
    } else if (in.compare(i, 6, "\\u003c") == 0) {
      out += '<';
      i += 5;
    } else if (in.compare(i, 6, "\\u003e") == 0) {
      out += '>';
      i += 5;
    } else if (in.compare(i, 6, "\\u0026") == 0) {
      out += '&';
      i += 5;
    } else {
      // Any other escape (\\, \", \n...) is copied whole, so its second character is never re-read.
      out += c;
      if (i + 1 < in.size()) out += in[++i];
    }
  }
  return out;
}

// Docker Compose's applyPlatforms for one service (a copy being hashed): returns its error, or "".
std::string ApplyDefaultPlatform(const std::string& name, const std::string& default_platform,
                                 frontend::Node& svc) {
  const frontend::Node* build = svc.Find("build");
  if (!build || build->is_null()) return "";
  std::vector<std::string> platforms;
  if (const frontend::Node* p = build->is_map() ? build->Find("platforms") : nullptr;
      p && p->is_seq()) {
    for (const frontend::Node& i : p->items) platforms.push_back(i.GoString());
  }
  auto supports = [&](const std::string& platform) {
    return platforms.empty() ||
           std::find(platforms.begin(), platforms.end(), platform) != platforms.end();
  };
  const frontend::Node* own = svc.Find("platform");
  std::string platform = own ? own->GoString() : "";
  if (!default_platform.empty() && platform.empty()) {
    if (!supports(default_platform)) {
      return fmt::format(
          "service \"{}\" build.platforms does not support value set by DOCKER_DEFAULT_PLATFORM: "
          "{}",
          name, default_platform);
    }
    platform = default_platform;
    svc.Set("platform", frontend::Node::String(platform));
  }
  if (!platform.empty() && !supports(platform)) {
    return fmt::format("service \"{}\" build configuration does not support platform: {}", name,
                       platform);
  }
  return "";
}

int Run(const GlobalOptions& global, const ConfigOptions& o, CommandResult& result) {
  if (!o.format.empty() && o.format != "yaml" && o.format != "json") {
    std::fprintf(stderr, "error: unsupported format \"%s\"\n", o.format.c_str());
    return 2;
  }
  frontend::LoadRequest req = ToRequest(global);
  req.services = o.service_args;
  req.interpolate = !o.no_interpolate;
  req.normalize = !o.no_normalize;
  req.resolve_paths = !o.no_path_resolution;
  req.consistency = !o.no_consistency;
  req.model_only = o.no_interpolate || o.variables;
  if (o.variables) req.interpolate = false;
  // Listing commands load without folding env files, as Docker Compose does.
  const bool listing = o.services || o.volumes || o.networks || o.models;
  req.all_resources = global.all_resources;
  req.resolve_environment = !o.no_env_resolution && !listing;

  if (!o.hash.empty() && o.hash != "*") {
    // config --hash a,b resolves the environment (and reads the env files) of a and b only.
    std::string_view list = o.hash;
    while (true) {
      const size_t comma = list.find(',');
      req.environment_services.emplace_back(list.substr(0, comma));
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }

  frontend::RealFileSystem fs(req.max_file_bytes);
  ir::SourceManager& sm = *result.Retain(std::make_shared<ir::SourceManager>());
  ir::DiagnosticSink sink;
  frontend::LoadedProject& project = *result.Retain(std::make_shared<frontend::LoadedProject>());
  const bool ok = frontend::LoadProject(req, fs, ProcessEnvironment(), sm, sink, &project);
  PrintDiagnostics(sm, sink, global);
  if (!ok) return 2;

  const frontend::Node* services = project.model.Find("services");
  std::string out;
  if (o.models) {
    // The model each declared model runs (its `model` attribute).
    if (const frontend::Node* models = project.model.Find("models"); models && models->is_map()) {
      for (const frontend::MapEntry& m : models->entries) {
        const frontend::Node* image = m.value.is_map() ? m.value.Find("model") : nullptr;
        if (image && !image->GoString().empty()) out += image->GoString() + "\n";
      }
    }
    return Print(out, o) ? 0 : 2;
  }
  if (o.services || o.volumes || o.networks) {
    const char* key = o.services ? "services" : o.volumes ? "volumes" : "networks";
    const frontend::Node* m = project.model.Find(key);
    std::vector<std::string> names;
    if (m && m->is_map()) {
      for (const frontend::MapEntry& e : m->entries) names.push_back(e.key);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) out += n + "\n";
    return Print(out, o) ? 0 : 2;
  }
  if (o.profiles) {
    std::set<std::string> set;
    for (const frontend::Node* group :
         {services, static_cast<const frontend::Node*>(&project.disabled_services)}) {
      if (!group || !group->is_map()) continue;
      for (const frontend::MapEntry& s : group->entries) {
        const frontend::Node* p = s.value.is_map() ? s.value.Find("profiles") : nullptr;
        if (!p || !p->is_seq()) continue;
        for (const frontend::Node& i : p->items) set.insert(i.GoString());
      }
    }
    for (const std::string& p : set) out += p + "\n";
    return Print(out, o) ? 0 : 2;
  }
  if (o.images) {
    if (services && services->is_map()) {
      for (const frontend::MapEntry& s : services->entries) {
        const frontend::Node* image = s.value.is_map() ? s.value.Find("image") : nullptr;
        const std::string own = image && !image->GoString().empty()
                                    ? image->GoString()
                                    : fmt::format("{}-{}", project.name, s.key);
        out += own + "\n";
        // api.GetDependentImages: the images of pre_start hooks that differ from the service's.
        const frontend::Node* hooks = s.value.is_map() ? s.value.Find("pre_start") : nullptr;
        if (hooks && hooks->is_seq()) {
          for (const frontend::Node& hook : hooks->items) {
            const frontend::Node* hi = hook.is_map() ? hook.Find("image") : nullptr;
            if (hi && !hi->GoString().empty() && hi->GoString() != own) {
              out += hi->GoString() + "\n";
            }
          }
        }
      }
    }
    return Print(out, o) ? 0 : 2;
  }
  if (o.variables) {
    // template.ExtractVariables over the uninterpolated model, printed as docker compose prints the
    // map of template.Variable: YAML with the field names lowercased, or its JSON encoder (4-space
    // indent, no HTML escaping, two newlines).
    frontend::Node vars = frontend::Node::Map();
    for (const auto& [name, v] : frontend::ExtractVariables(project.model)) {
      frontend::Node m = frontend::Node::Map();
      const bool yaml = o.format == "yaml";  // JSON and the table use the Go field names
      m.Set(yaml ? "name" : "Name", frontend::Node::String(v.name));
      m.Set(yaml ? "defaultvalue" : "DefaultValue", frontend::Node::String(v.default_value));
      m.Set(yaml ? "presencevalue" : "PresenceValue", frontend::Node::String(v.presence_value));
      m.Set(yaml ? "required" : "Required", frontend::Node::Bool(v.required));
      vars.entries.push_back(frontend::MapEntry{name, {}, std::move(m)});
    }
    if (o.format.empty()) {
      // docker compose's table (text/tabwriter: minimum width 20, padding 3), in name order;
      // compose prints the rows in Go map order.
      std::vector<std::array<std::string, 4>> rows{
          {"NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"}};
      for (const frontend::MapEntry& e : vars.entries) {
        rows.push_back({e.key, e.value.Find("Required")->text, e.value.Find("DefaultValue")->text,
                        e.value.Find("PresenceValue")->text});
      }
      std::array<size_t, 3> width{20, 20, 20};
      for (const auto& r : rows) {
        for (size_t c = 0; c < 3; ++c) width[c] = std::max(width[c], r[c].size() + 3);
      }
      for (const auto& r : rows) {
        for (size_t c = 0; c < 3; ++c) out += r[c] + std::string(width[c] - r[c].size(), ' ');
        out += r[3] + "\n";
      }
    } else if (o.format == "yaml") {
      std::stable_sort(vars.entries.begin(), vars.entries.end(),
                       [](const frontend::MapEntry& a, const frontend::MapEntry& b) {
                         return frontend::GoYamlKeyLess(a.key, b.key);
                       });
      // yaml.Marshal indents by 4; the tree is maps of scalars, so doubling the indentation is
      // exact.
      out = DoubleIndent(frontend::EmitGoYaml(vars));
    } else {
      out = ReindentJson(frontend::EmitGoJson(vars)) + "\n\n";
    }
    return Print(out, o) ? 0 : 2;
  }
  if (!o.hash.empty()) {
    // compose.ServiceHash: the SHA-256 of encoding/json's compact form of the service, without
    // build, pull_policy, scale, deploy.replicas, depends_on and profiles.
    if (!services || !services->is_map()) return 0;
    std::vector<std::string> names = req.environment_services;
    if (o.hash == "*") {
      for (const frontend::MapEntry& s : services->entries) names.push_back(s.key);
    }
    std::sort(names.begin(), names.end());
    // applyPlatforms: DOCKER_DEFAULT_PLATFORM becomes the platform of each hashed service that
    // builds and names none, and must be one of its build.platforms.
    auto env_platform = project.environment.find("DOCKER_DEFAULT_PLATFORM");
    const std::string default_platform =
        env_platform == project.environment.end() ? "" : env_platform->second;
    std::vector<frontend::Node> copies;
    for (const std::string& name : names) {
      const frontend::Node* svc = services->Find(name);
      if (!svc) {
        std::fprintf(stderr, "error: no such service: %s\n", name.c_str());
        return 2;
      }
      copies.push_back(*svc);
      if (std::string error = ApplyDefaultPlatform(name, default_platform, copies.back());
          !error.empty()) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 2;
      }
    }
    frontend::ModelPrinter printer;
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string& name = names[i];
      frontend::Node& copy = copies[i];
      for (const char* key : {"build", "pull_policy", "scale", "depends_on", "profiles"}) {
        copy.Erase(key);
      }
      if (frontend::Node* deploy = copy.Find("deploy"); deploy && deploy->is_map()) {
        deploy->Erase("replicas");
      }
      const std::string json = frontend::EmitGoJson(
          printer.DecodeAs(copy, "ServiceConfig", frontend::OutputFormat::kJson));
      out += name + " " + ir::Sha256Hex(CompactJson(json)) + "\n";
    }
    return Print(out, o) ? 0 : 2;
  }
  if (o.environment) {
    // Compose sorts the KEY=value lines as strings (sort.Strings), not by key: A1=x before A=y.
    std::vector<std::string> lines;
    for (const auto& [k, v] : project.environment) lines.push_back(k + "=" + v);
    std::sort(lines.begin(), lines.end());
    for (const std::string& line : lines) out += line + "\n";
    return Print(out, o) ? 0 : 2;
  }
  // docker compose -q renders the project too, but rendering a loaded project cannot fail.
  if (o.quiet) return 0;
  // Retained: its tables take a tenth of a small project's `config` to free.
  const frontend::ModelPrinter& printer =
      *result.Retain(std::make_shared<frontend::ModelPrinter>());
  const frontend::OutputFormat format =
      o.format == "json" ? frontend::OutputFormat::kJson : frontend::OutputFormat::kYaml;
  if (o.no_interpolate) {
    const frontend::Node& tree = *result.Retain(
        std::make_shared<frontend::Node>(printer.GenericTree(project.model, format)));
    out = format == frontend::OutputFormat::kJson ? frontend::EmitGoJson(tree)
                                                  : frontend::EmitGoYaml(tree);
    return Print(out, o) ? 0 : 2;
  }
  ProjectOutput output(o.output);
  // Standard output gets the print as it is written; -o FILE gets it whole, once it is complete,
  // so that a print that stops halfway never leaves a file cut short.
  frontend::ModelPrinter::Drain drain;
  if (o.output.empty()) drain = [&output](std::string_view written) { output.Write(written); };
  if (std::string error; !printer.Print(project.model, format, &out, &error, drain)) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }
  output.Write(out);
  return output.Close() ? 0 : 2;
}

}  // namespace

void AddConfigCommand(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<ConfigOptions>();
  CLI::App* cmd = app.add_subcommand(
      "config", "Print the canonical project, as `docker compose config` prints it");
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_flag("-q,--quiet", o->quiet, "Only validate the configuration, print nothing");
    c.add_option("--format", o->format, "Output format: yaml or json")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    c.add_flag("--services", o->services, "Print the service names, one per line");
    c.add_flag("--volumes", o->volumes, "Print the volume names, one per line");
    c.add_flag("--networks", o->networks, "Print the network names, one per line");
    c.add_flag("--models", o->models, "Print the model names, one per line");
    c.add_flag("--profiles", o->profiles, "Print the profile names, one per line");
    c.add_flag("--images", o->images, "Print the image names, one per line");
    c.add_flag("--environment", o->environment, "Print the interpolation environment");
    c.add_option("--hash", o->hash,
                 "Print the configuration hash of these services (\"*\" for all)");
    c.add_flag(
        "--variables", o->variables,
        "Print the variables the model uses, with their defaults and whether they are required");
    c.add_flag("--no-interpolate", o->no_interpolate, "Do not interpolate environment variables");
    c.add_flag("--no-normalize", o->no_normalize, "Do not normalise the model");
    c.add_flag("--no-path-resolution", o->no_path_resolution, "Keep relative paths as written");
    c.add_flag("--no-consistency", o->no_consistency, "Skip the consistency checks");
    c.add_flag("--no-env-resolution", o->no_env_resolution,
               "Do not fold env files into the environment");
    c.add_option("-o,--output", o->output, "Write to this file instead of standard output");
    c.add_option("services", o->service_args, "Services to print (with their dependencies)");
  });
  cmd->callback([o, &global, result]() { result->exit_code = Run(global, *o, *result); });
}

}  // namespace stackc::cli
