// stackc: a declarative stack compiler and policy linter for Docker Compose projects.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_result.h"
#include "cli/config_command.h"
#include "cli/engine_commands.h"
#include "cli/global_options.h"
#include "cli/heap.h"
#include "cli/hot_text.h"
#include "cli/version.h"

int main(int argc, char** argv) {
  stackc::cli::PrefaultHotText();
  stackc::cli::PrepareHeap();
  CLI::App app{"stackc: load, analyse, lint and compile Docker Compose projects", "stackc"};
  app.set_version_flag("--version", std::string("stackc ") + STACKC_VERSION);
  app.require_subcommand(1, 1);
  app.fallthrough();
  stackc::cli::GlobalOptions global;
  stackc::cli::AddGlobalOptions(app, &global);
  stackc::cli::CommandResult result;
  stackc::cli::AddConfigCommand(app, global, &result);
  stackc::cli::AddPlanCommand(app, global, &result);
  stackc::cli::AddApplyCommand(app, global, &result);
  stackc::cli::AddDownCommand(app, global, &result);
  stackc::cli::AddPsCommand(app, global, &result);
  stackc::cli::AddLogsCommand(app, global, &result);
  stackc::cli::AddCompileCommand(app, global, &result);
  stackc::cli::AddLintCommands(app, global, &result);
  stackc::cli::AddGraphCommand(app, global, &result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError& e) {
    // Docker Compose's wording for an unknown option or argument.
    std::string what = e.what();
    const size_t colon = what.find(": ");
    const std::string arg = colon == std::string::npos ? what : what.substr(colon + 2);
    fmt::print(stderr, "error: {} {}\nRun 'stackc --help' for usage.\n",
               arg.starts_with("-") ? "unknown flag:" : "unexpected argument:", arg);
    return 2;
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return stackc::cli::Finish(result);
}
