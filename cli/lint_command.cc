// stackc lint: findings for one or more projects (text with code frames, or JSON), and the rule
// catalogue (`stackc rules`, `stackc explain CODE`).
#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "cli/output.h"
#include "cli/version.h"
#include "policies/lint.h"
#include "policies/render_github.h"
#include "policies/render_json.h"
#include "policies/render_sarif.h"
#include "policies/rule.h"

namespace stackc::cli {
namespace {

struct LintFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool exit_zero = false;
  bool statistics = false;
};

int Rank(ir::Severity s) {
  return s == ir::Severity::kError ? 2 : s == ir::Severity::kWarning ? 1 : 0;
}

// The compose file a directory argument names: the first of Compose's default names in it.
std::string ComposeFileIn(const std::string& dir) {
  for (const char* name :
       {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"}) {
    const std::filesystem::path p = std::filesystem::path(dir) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

int RunLint(const GlobalOptions& global, const LintFlags& o, CommandResult& result) {
  if (o.format != "text" && o.format != "json" && o.format != "sarif" && o.format != "github") {
    fmt::print(stderr, "error: unsupported format \"{}\" (text, json, sarif, github)\n", o.format);
    return 2;
  }
  ir::Severity fail_on = ir::Severity::kError;
  if (o.fail_on == "warning") {
    fail_on = ir::Severity::kWarning;
  } else if (o.fail_on == "note") {
    fail_on = ir::Severity::kNote;
  } else if (o.fail_on != "error") {
    fmt::print(stderr, "error: --fail-on takes error, warning or note, not \"{}\"\n", o.fail_on);
    return 2;
  }
  for (const std::string& code : o.select) {
    bool known = false;
    for (const policies::RuleInfo& r : policies::AllRules()) known |= r.code.starts_with(code);
    if (!known) {
      fmt::print(stderr, "error: --select '{}' matches no rule (see `stackc rules`)\n", code);
      return 2;
    }
  }
  // Each path given is a project of its own; with none, the project of -f or of the directory.
  std::vector<GlobalOptions> projects;
  for (const std::string& path : o.paths) {
    GlobalOptions g = global;
    std::error_code ec;
    g.files = {std::filesystem::is_directory(path, ec) ? ComposeFileIn(path) : path};
    if (g.files[0].empty()) {
      fmt::print(stderr, "error: no compose file (compose.yaml, docker-compose.yml, ...) in {}\n",
                 path);
      return 2;
    }
    projects.push_back(std::move(g));
  }
  if (projects.empty()) projects.push_back(global);

  bool color = false;
  if (global.color == "always") {
    color = true;
  } else if (global.color == "auto") {
    color = o.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  }
  const policies::LintOptions options{o.select, o.ignore};
  std::string text;
  nlohmann::ordered_json reports = nlohmann::ordered_json::array();
  std::vector<policies::ProjectFindings> sarif;
  std::map<std::string, int> per_rule;
  int counts[3] = {0, 0, 0};
  bool failed = false;
  for (GlobalOptions& g : projects) {
    if (g.profiles.empty()) g.profiles = {"*"};  // every profile is linted unless one is chosen
    auto session = result.Retain(std::make_shared<EngineSession>());
    if (!session->Load(g, {}, result)) return 2;
    std::vector<policies::SuppressedFinding> suppressed;
    const std::vector<ir::Diagnostic> findings =
        policies::Lint(session->project, session->sources(), options, &suppressed);
    for (const ir::Diagnostic& d : findings) {
      ++counts[Rank(d.severity)];
      ++per_rule[d.code];
      failed |= Rank(d.severity) >= Rank(fail_on);
      if (o.format == "text") text += ir::RenderText(session->sources(), d, color);
    }
    if (o.format == "github") text += policies::RenderGithub(session->sources(), findings);
    if (o.format == "sarif") sarif.push_back({&session->sources(), findings, suppressed});
    if (o.format == "json") {
      reports.push_back(
          nlohmann::ordered_json::parse(policies::RenderJson(session->sources(), findings)));
    }
  }
  if (o.format == "sarif") {
    std::error_code ec;
    text = policies::RenderSarif(
        sarif, {.version = STACKC_VERSION, .root = std::filesystem::current_path(ec).string()});
  } else if (o.format == "github") {
    // The annotations are the whole output.
  } else if (o.format == "json") {
    // One project: its report; several: {"version": 1, "projects": [...]}.
    text = reports.size() == 1
               ? reports[0].dump(2) + "\n"
               : nlohmann::ordered_json{{"version", 1}, {"projects", reports}}.dump(2) + "\n";
  } else {
    if (o.statistics) {
      for (const auto& [code, n] : per_rule) {
        const policies::RuleInfo* rule = policies::FindRule(code);
        text += fmt::format("{:5} {:10} {}\n", n, code, rule ? rule->name : "");
      }
    }
    const int total = counts[0] + counts[1] + counts[2];
    text += total == 0 ? "no problems found\n"
                       : fmt::format(
                             "found {} problem{} ({} error{}, {} warning{}, {} note{})\n", total,
                             total == 1 ? "" : "s", counts[2], counts[2] == 1 ? "" : "s", counts[1],
                             counts[1] == 1 ? "" : "s", counts[0], counts[0] == 1 ? "" : "s");
  }
  if (!WriteOutput(o.output, text)) return 2;
  return failed && !o.exit_zero ? 1 : 0;
}

}  // namespace

void AddLintCommands(CLI::App& app, const GlobalOptions& global, CommandResult* result) {
  auto o = std::make_shared<LintFlags>();
  CLI::App* cmd = app.add_subcommand(
      "lint", "Report security, reachability and policy problems of compose projects");
  cmd->add_option("paths", o->paths,
                  "Compose files or directories, each linted as its own project (default: the "
                  "project of -f)");
  cmd->add_option("--format", o->format, "Output format: text, json, sarif or github");
  cmd->add_option("-o,--output", o->output, "Write the report to this file");
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 on findings of this severity or worse: error (default), warning, note");
  cmd->add_option("--select", o->select, "Only these rule codes or prefixes")->delimiter(',');
  cmd->add_option("--ignore", o->ignore, "Not these rule codes or prefixes")->delimiter(',');
  cmd->add_flag("--exit-zero", o->exit_zero, "Exit 0 even with findings");
  cmd->add_flag("--statistics", o->statistics, "Count the findings of each rule");
  cmd->callback([o, &global, result]() { result->exit_code = RunLint(global, *o, *result); });

  CLI::App* rules = app.add_subcommand("rules", "List the lint rules");
  rules->callback([result]() {
    std::string out;
    for (const policies::RuleInfo& r : policies::AllRules()) {
      out += fmt::format("{:10} {:30} {:8} {}\n", r.code, r.name,
                         policies::SeverityName(r.severity), r.graph ? "graph" : "");
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    result->exit_code = 0;
  });

  auto code = std::make_shared<std::string>();
  CLI::App* explain = app.add_subcommand("explain", "Print the documentation of a lint rule");
  explain->add_option("code", *code, "A rule code, e.g. SECRET001")->required();
  explain->callback([code, result]() {
    const policies::RuleInfo* r = policies::FindRule(*code);
    if (r == nullptr) {
      fmt::print(stderr, "error: no rule '{}' (see `stackc rules`)\n", *code);
      result->exit_code = 2;
      return;
    }
    fmt::print("# {} {}\n\n{}", r->code, r->name, r->doc);
    result->exit_code = 0;
  });
}

}  // namespace stackc::cli
