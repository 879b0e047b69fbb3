// A subcommand's options, declared only when that subcommand is the one that runs.
//
// CLI11 builds every option when it is declared (its names parsed, its validators and help text
// built): about a million instructions for all of stackc's subcommands, a quarter of what
// `stackc config` runs on a small file. DeferOptions hands the declarations to CLI11's pre-parse
// callback, which runs when the subcommand is named on the command line and before any of its
// arguments is parsed. Parsing, `--help` and the errors see the same options as before
// (tests/cli/help holds the help of each subcommand); the subcommands not used cost nothing.
//
// Example:
//   CLI::App* cmd = app.add_subcommand("ps", "List the project's containers");
//   DeferOptions(cmd, [o](CLI::App& c) { c.add_flag("-a,--all", o->all, "Show stopped ones"); });
//   cmd->callback([o] { ... });
#pragma once

#include <functional>

namespace CLI {
class App;
}  // namespace CLI

namespace stackc::cli {

// `declare` runs once, with *cmd, the first time cmd is about to parse its arguments.
void DeferOptions(CLI::App* cmd, std::function<void(CLI::App&)> declare);

}  // namespace stackc::cli
