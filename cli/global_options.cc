#include "cli/global_options.h"

#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include <unistd.h>

extern char** environ;

namespace stackc::cli {

void AddGlobalOptions(CLI::App& app, GlobalOptions* o) {
  app.add_option("-f,--file", o->files, "Compose configuration files ('-' for standard input)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("-p,--project-name", o->project_name, "Project name")->type_name("NAME");
  app.add_option("--project-directory", o->project_directory,
                 "Alternate working directory (default: the directory of the first file)")
      ->type_name("DIR");
  app.add_option("--env-file", o->env_files, "Alternate environment files")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--profile", o->profiles, "Profiles to enable")
      ->type_name("PROFILE")
      ->allow_extra_args(false);
  app.add_flag("--all-resources", o->all_resources,
               "Include all resources, even those not used by services");
  app.add_option("--color", o->color, "Colour in messages: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

frontend::LoadRequest ToRequest(const GlobalOptions& o) {
  frontend::LoadRequest req;
  req.config_paths = o.files;
  req.project_name = o.project_name;
  req.project_directory = o.project_directory;
  req.env_files = o.env_files;
  req.profiles = o.profiles;
  req.schema = o.schema;
  for (const std::string& f : o.files) {
    if (f == "-") {
      req.stdin_text = std::string(std::istreambuf_iterator<char>(std::cin), {});
      break;
    }
  }
  return req;
}

frontend::EnvMap ProcessEnvironment() {
  frontend::EnvMap env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    const size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return env;
}

bool Colored(const GlobalOptions& o, int fd) {
  if (o.color == "always") return true;
  if (o.color != "auto") return false;
  const char* no_color = std::getenv("NO_COLOR");  // no-color.org: set and not empty
  return isatty(fd) != 0 && (no_color == nullptr || *no_color == '\0');
}

void PrintDiagnostics(const ir::SourceManager& sm, const ir::DiagnosticSink& sink,
                      const GlobalOptions& o) {
  const bool color = Colored(o, STDERR_FILENO);
  // One write: stderr is unbuffered, and a project can warn thousands of times.
  std::string text;
  for (const ir::Diagnostic& d : sink.diagnostics()) text += ir::RenderText(sm, d, color);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace stackc::cli
