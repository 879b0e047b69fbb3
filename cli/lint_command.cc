// stackc lint: findings for one or more projects (text with code frames, or JSON), and the rule
// catalogue (`stackc rules`, `stackc explain CODE`).
#include <array>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/deferred_options.h"
#include "cli/engine_commands.h"
#include "cli/engine_session.h"
#include "cli/output.h"
#include "cli/version.h"
#include "frontend/file_system.h"
#include "frontend/loader.h"
#include "policies/config.h"
#include "policies/fingerprint.h"
#include "policies/fix.h"
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
  bool fix = false;
  bool unsafe_fixes = false;
  std::string config;          // --config FILE; empty: the nearest .stackc.yaml
  bool isolated = false;       // --isolated: no configuration file
  std::string baseline;        // --baseline FILE
  std::string write_baseline;  // --write-baseline FILE
};

// The directory a project is linted from: where `.stackc.yaml` is looked for.
std::string ProjectDir(const GlobalOptions& g) {
  std::error_code ec;
  if (!g.project_directory.empty()) return g.project_directory;
  if (!g.files.empty() && g.files[0] != "-") {
    return std::filesystem::absolute(g.files[0], ec).parent_path().string();
  }
  return std::filesystem::current_path(ec).string();
}

// Reads `path` into the session's sources and parses it; prints problems. False on a bad file.
bool LoadConfig(const std::string& path, ir::SourceManager& sm, const GlobalOptions& g,
                policies::LintConfig* config) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "error: cannot read {}\n", path);
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  const ir::FileId file = sm.Add(path, text.str());
  ir::DiagnosticSink sink;
  const bool ok = policies::ParseConfig(sm, file, config, &sink);
  PrintDiagnostics(sm, sink, g);
  return ok;
}

// A baseline: the fingerprints of findings recorded earlier, which no longer fail a run.
bool ReadBaseline(const std::string& path, std::multiset<std::string>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "error: cannot read the baseline {}\n", path);
    return false;
  }
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    fmt::print(stderr, "error: {} is not a stackc baseline (write one with --write-baseline)\n",
               path);
    return false;
  }
  for (const nlohmann::json& f : doc["findings"]) {
    if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string()) {
      out->insert(f["fingerprint"].get<std::string>());
    }
  }
  return true;
}

int Rank(ir::Severity s) {
  return s == ir::Severity::kError ? 2 : s == ir::Severity::kWarning ? 1 : 0;
}

// The compose files a directory argument names, as Compose finds them there: the first of its
// default names, and the override file beside it. Several default names get Compose's warnings.
std::vector<std::string> ComposeFilesIn(const std::string& dir, ir::DiagnosticSink& warnings) {
  auto present = [&dir](const std::array<const char*, 4>& names) {
    std::vector<std::string> found;
    for (const char* name : names) {
      const std::filesystem::path p = std::filesystem::path(dir) / name;
      std::error_code ec;
      if (std::filesystem::is_regular_file(p, ec)) found.push_back(p.string());
    }
    return found;
  };
  const std::vector<std::string> main_files = present(frontend::kDefaultComposeFiles);
  if (main_files.empty()) return {};
  frontend::WarnMultipleComposeFiles(main_files, warnings);
  const std::vector<std::string> override_files = present(frontend::kOverrideComposeFiles);
  if (override_files.empty()) return {main_files[0]};
  return {main_files[0], override_files[0]};
}

// Writes `text` to `path` through a temporary file beside it and a rename, keeping the file's
// permissions, so that an interrupted run leaves the old file or the new one, never half of one.
bool ReplaceFile(const std::string& link, const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // A symbolic link stays one: the file it points to is what changes.
  const std::string path = fs::canonical(link, ec).string();
  if (ec) {
    fmt::print(stderr, "error: cannot replace {}: {}\n", link, ec.message());
    return false;
  }
  const fs::perms perms = fs::status(path, ec).permissions();
  const std::string tmp = fmt::format("{}.stackc-fix-{}", path, getpid());
  if (!WriteOutput(tmp, text)) {
    fs::remove(tmp, ec);
    return false;
  }
  fs::permissions(tmp, perms, ec);
  fs::rename(tmp, path, ec);
  if (ec) {
    fmt::print(stderr, "error: cannot replace {}: {}\n", path, ec.message());
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

// Whether the project still loads with `changed` (path -> text) in place of those files.
bool LoadsWith(const GlobalOptions& g, const std::map<std::string, std::string>& changed) {
  frontend::RealFileSystem real(frontend::LoadRequest{}.max_file_bytes);
  frontend::OverlayFileSystem overlay(real, changed);
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  frontend::LoadedProject loaded;
  return frontend::LoadProject(ToRequest(g), overlay, ProcessEnvironment(), sm, sink, &loaded);
}

// Applies the project's fixes to its files and lints again, until no fix applies (ten rounds at
// most: a fix that keeps reappearing stops there). Returns the number of fixes applied, or -1 when
// the project does not load or a file cannot be written.
int FixProject(const GlobalOptions& g, const std::string& config_path,
               policies::LintOptions options, bool unsafe, CommandResult& result) {
  int total = 0;
  for (int round = 0; round < 10; ++round) {
    auto session = result.Retain(std::make_shared<EngineSession>());
    session->quiet_codes = {"LOAD003"};
    session->raw_values = frontend::RawValues::kDrop;
    if (!session->Load(g, {}, result)) return -1;
    policies::LintConfig config;
    if (!config_path.empty() && !LoadConfig(config_path, session->mutable_sources(), g, &config)) {
      return -1;
    }
    if (config.policies) options.policies = &*config.policies;
    const ir::SourceManager& sm = session->sources();
    options.trivia = &session->trivia();
    options.secrets = &session->secrets();
    options.secret_findings = &session->secret_findings();
    const std::vector<ir::Diagnostic> findings = policies::Lint(session->project, sm, options);
    // The round's fixes are written only if the project still loads with them; if it would not
    // (two fixes that each were fine alone), one fix per file is tried; if that breaks it too, the
    // fixing stops and the file is left as it is.
    std::map<std::string, std::string> changed;
    int applied = 0;
    for (const int limit : {1 << 30, 1}) {
      changed.clear();
      applied = 0;
      for (ir::FileId f = 0; f < sm.size(); ++f) {
        const std::string path(sm.path(f));
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec) || path == config_path) continue;
        int here = 0;
        std::string fixed = policies::ApplyFixes(sm, f, findings, unsafe, &here, limit);
        if (here == 0 || fixed == sm.text(f)) continue;
        changed[path] = std::move(fixed);
        applied += here;
      }
      if (changed.empty() || LoadsWith(g, changed)) break;
      if (limit == 1) {
        fmt::print(stderr, "warning: a fix would stop the project from loading; not applied\n");
        return total;
      }
    }
    for (const auto& [path, text] : changed) {
      if (!ReplaceFile(path, text)) return -1;
    }
    if (applied == 0) break;
    total += applied;
  }
  return total;
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
    ir::DiagnosticSink warnings;
    g.files = std::filesystem::is_directory(path, ec) ? ComposeFilesIn(path, warnings)
                                                      : std::vector<std::string>{path};
    PrintDiagnostics(ir::SourceManager(), warnings, global);
    if (g.files.empty()) {
      fmt::print(stderr, "error: no compose file (compose.yaml, docker-compose.yml, ...) in {}\n",
                 path);
      return 2;
    }
    projects.push_back(std::move(g));
  }
  if (projects.empty()) projects.push_back(global);

  const bool color =
      (global.color == "always" || o.output.empty()) && Colored(global, STDOUT_FILENO);
  const policies::LintOptions cli_options{o.select, o.ignore};
  const bool fix = o.fix || o.unsafe_fixes;
  std::error_code cwd_ec;
  const std::string cwd = std::filesystem::current_path(cwd_ec).string();
  nlohmann::ordered_json baseline_out = nlohmann::ordered_json::array();
  int baselined = 0;
  int fixed = 0, fixable = 0, unsafe_fixable = 0;
  std::string text;
  nlohmann::ordered_json reports = nlohmann::ordered_json::array();
  std::vector<policies::ProjectFindings> sarif;
  std::map<std::string, int> per_rule;
  int counts[3] = {0, 0, 0};
  bool failed = false;
  for (GlobalOptions& g : projects) {
    if (g.profiles.empty()) g.profiles = {"*"};  // every profile is linted unless one is chosen
    g.all_resources = true;  // what no service uses is a finding, not something to drop
    // The configuration: --config, or the nearest .stackc.yaml above the project. It is read
    // on its own first, because `ignore-paths` decides whether the project loads at all.
    const std::string config_path = o.isolated          ? ""
                                    : !o.config.empty() ? o.config
                                                        : policies::FindConfig(ProjectDir(g));
    policies::LintConfig config;
    if (!config_path.empty()) {
      ir::SourceManager probe;
      if (!LoadConfig(config_path, probe, g, &config)) return 2;
    }
    if (!g.files.empty() && g.files[0] != "-") {
      std::error_code ec;
      if (config.Ignored(std::filesystem::absolute(g.files[0], ec).lexically_normal().string())) {
        continue;
      }
    }
    policies::LintOptions options = config.Apply(cli_options);
    const std::string baseline_path = !o.baseline.empty() ? o.baseline : config.baseline;
    std::multiset<std::string> baseline;
    if (!baseline_path.empty() && o.write_baseline.empty() &&
        !ReadBaseline(baseline_path, &baseline)) {
      return 2;
    }
    // Fingerprints name files relative to the baseline's directory, so that a baseline holds
    // from any working directory.
    const std::string baseline_file = !o.write_baseline.empty() ? o.write_baseline : baseline_path;
    policies::Fingerprinter fingerprints(baseline_file.empty()
                                             ? cwd
                                             : std::filesystem::absolute(baseline_file, cwd_ec)
                                                   .lexically_normal()
                                                   .parent_path()
                                                   .string());
    if (fix && !g.files.empty() && g.files[0] == "-") {
      fmt::print(stderr, "warning: --fix does not rewrite standard input\n");
    } else if (fix) {
      const int n = FixProject(g, config_path, options, o.unsafe_fixes, result);
      if (n < 0) return 2;
      fixed += n;
    }
    auto session = result.Retain(std::make_shared<EngineSession>());
    session->quiet_codes = {"LOAD003"};                // STY001 reports it
    session->raw_values = frontend::RawValues::kDrop;  // the rules read only typed fields
    if (!session->Load(g, {}, result)) return 2;
    // The policies of the configuration, read again into the project's sources so that their
    // findings point into .stackc.yaml.
    policies::LintConfig located;
    if (!config_path.empty()) {
      if (!LoadConfig(config_path, session->mutable_sources(), g, &located)) return 2;
      if (located.policies) options.policies = &*located.policies;
    }
    std::vector<policies::SuppressedFinding> suppressed;
    options.trivia = &session->trivia();
    options.secrets = &session->secrets();
    options.secret_findings = &session->secret_findings();
    // The findings the baseline does not know, kept in place: on 4,000 services a second array
    // of some 12,000 findings was a sixth of the run's peak memory.
    std::vector<ir::Diagnostic> findings =
        policies::Lint(session->project, session->sources(), options, &suppressed);
    size_t kept = 0;
    for (ir::Diagnostic& d : findings) {
      // A fingerprint is a hash of the finding and its line: computed only for a baseline.
      const std::string fingerprint =
          baseline_file.empty() ? std::string() : fingerprints.Next(session->sources(), d);
      if (!o.write_baseline.empty()) {
        baseline_out.push_back(
            {{"code", d.code},
             {"file", d.span.valid() ? std::string(session->sources().path(d.span.file)) : ""},
             {"message", d.message},
             {"fingerprint", fingerprint}});
      }
      if (const auto it = baseline.find(fingerprint);
          !baseline_file.empty() && it != baseline.end()) {
        baseline.erase(it);
        ++baselined;
        continue;
      }
      if (&findings[kept] != &d) findings[kept] = std::move(d);
      ++kept;
    }
    findings.erase(findings.begin() + static_cast<std::ptrdiff_t>(kept), findings.end());
    for (const ir::Diagnostic& d : findings) {
      ++counts[Rank(d.severity)];
      ++per_rule[d.code];
      fixable += policies::Fixable(d, false) ? 1 : 0;
      unsafe_fixable += policies::Fixable(d, true) && !policies::Fixable(d, false) ? 1 : 0;
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
  if (!o.write_baseline.empty()) {
    const std::string doc =
        nlohmann::ordered_json{{"version", 1}, {"findings", baseline_out}}.dump(2) + "\n";
    if (!WriteOutput(o.write_baseline, doc)) return 2;
    fmt::print(stderr, "wrote {} finding{} to the baseline {}\n", baseline_out.size(),
               baseline_out.size() == 1 ? "" : "s", o.write_baseline);
    return 0;
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
    if (fixed > 0) text += fmt::format("fixed {} problem{}\n", fixed, fixed == 1 ? "" : "s");
    if (baselined > 0) {
      text += fmt::format("{} known problem{} in the baseline not shown\n", baselined,
                          baselined == 1 ? "" : "s");
    }
    if (fixable > 0 && !fix) {
      text += fmt::format(
          "{} fixable with --fix{}\n", fixable,
          unsafe_fixable > 0 ? fmt::format(" ({} more with --unsafe-fixes)", unsafe_fixable) : "");
    } else if (unsafe_fixable > 0 && !o.unsafe_fixes) {
      text += fmt::format("{} more fixable with --unsafe-fixes\n", unsafe_fixable);
    }
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
  DeferOptions(cmd, [o](CLI::App& c) {
    c.add_option("paths", o->paths,
                 "Compose files or directories, each linted as its own project (default: the "
                 "project of -f)");
    c.add_option("--format", o->format, "Output format: text, json, sarif or github");
    c.add_option("-o,--output", o->output, "Write the report to this file");
    c.add_option("--fail-on", o->fail_on,
                 "Exit 1 on findings of this severity or worse: error (default), warning, note");
    c.add_option("--select", o->select, "Only these rule codes or prefixes")
        ->delimiter(',')
        ->allow_extra_args(false);
    c.add_option("--ignore", o->ignore, "Not these rule codes or prefixes")
        ->delimiter(',')
        ->allow_extra_args(false);
    c.add_flag("--exit-zero", o->exit_zero, "Exit 0 even with findings");
    c.add_flag("--statistics", o->statistics, "Count the findings of each rule");
    c.add_option("--config", o->config,
                 "Read this configuration instead of the nearest .stackc.yaml");
    c.add_flag("--isolated", o->isolated, "Read no configuration file");
    c.add_option("--baseline", o->baseline,
                 "Leave out the findings recorded in this baseline file (see --write-baseline)");
    c.add_option("--write-baseline", o->write_baseline,
                 "Record every current finding in this file and exit 0");
    c.add_flag("--fix", o->fix, "Apply the safe fixes to the files, then report what is left");
    c.add_flag("--unsafe-fixes", o->unsafe_fixes,
               "Apply the unsafe fixes too (they change what runs: review the diff)");
  });
  cmd->callback([o, &global, result]() { result->exit_code = RunLint(global, *o, *result); });

  CLI::App* rules = app.add_subcommand("rules", "List the lint rules");
  rules->callback([result]() {
    std::string out;
    for (const policies::RuleInfo& r : policies::AllRules()) {
      out += fmt::format("{:10} {:30} {:8} {:6} {}\n", r.code, r.name,
                         policies::SeverityName(r.severity), r.graph ? "graph" : "",
                         r.enabled == policies::Enabled::kOptIn ? "opt-in" : "");
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    result->exit_code = 0;
  });

  auto code = std::make_shared<std::string>();
  CLI::App* explain = app.add_subcommand("explain", "Print the documentation of a lint rule");
  DeferOptions(explain, [code](CLI::App& c) {
    c.add_option("code", *code, "A rule code, e.g. SECRET001")->required();
  });
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
