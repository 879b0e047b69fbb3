#include "cli/deferred_options.h"

#include <cstddef>
#include <utility>

#include <CLI/CLI.hpp>

namespace stackc::cli {

void DeferOptions(CLI::App* cmd, std::function<void(CLI::App&)> declare) {
  // CLI11 calls the pre-parse callback once per parse, before cmd's first argument; a second parse
  // of the same App (after clear()) must not declare the options again.
  cmd->preparse_callback(
      [cmd, declare = std::move(declare), declared = false](std::size_t) mutable {
        if (declared) return;
        declared = true;
        declare(*cmd);
      });
}

}  // namespace stackc::cli
